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
    /// The sample-size audit of the court and out-of-court samples.
    public let samples: ServiceSampleAudit
    /// How sure each case-based standard's rule rating is.
    public let ratingConfidence: [StandardConfidence]
    /// Representation by age, ethnicity and sex against national and local figures.
    public let representation: ServiceRepresentation
    /// Published rates against England and Wales.
    public let rates: [ServiceRateComparison]

    /// The framework the service was read, checked and reviewed with (the one its
    /// `inspections.csv` row names, or the one given for all; ``SummaryDataset/frameworks``).
    public var framework: Framework { ratings.framework }
}
