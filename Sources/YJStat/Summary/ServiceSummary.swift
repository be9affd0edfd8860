/// Everything the summary says about one service.
public struct ServiceSummary: Sendable {
    /// Service id.
    public let service: String
    /// Service name as published.
    public let name: String
    /// Publication month, when printed.
    public let published: String?
    /// Published ratings recomputed, with findings.
    public let ratings: RatingsReview
}
