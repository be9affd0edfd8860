/// The inspection-level facts of one report (a row of `inspections.csv`), each with its line.
public struct ExtractedInspection: Sendable, Equatable, Codable {
    /// The service name as the report's rating page (or recommendations) gives it.
    public var name: Located<String>?
    /// The service id: a lower-case slug made from the name (see ``ServiceSlug``).
    public var service: String
    /// Publication month `YYYY-MM`, where the report prints one (cover page).
    public var published: Located<String>?
    /// The published score out of 36, where printed ("Score 29/36").
    public var score: Located<Int>?
    /// The published overall rating.
    public var overallRating: Located<ExtractedRating>?
    /// Number of court-disposal cases inspected.
    public var courtSample: Located<Int>?
    /// Number of out-of-court cases inspected.
    public var outOfCourtSample: Located<Int>?

    /// Creates an inspection record with only a service id.
    public init(service: String) { self.service = service }
}
