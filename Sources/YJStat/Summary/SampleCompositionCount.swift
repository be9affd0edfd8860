/// One row of `sample_composition.csv` (read and written by ``SampleCompositionSchema``, and produced by extraction): how many inspected cases of one disposal type a
/// service's court or out-of-court sample held.
public struct SampleCompositionCount: Sendable, Equatable, Codable {
    /// Which case sample.
    public enum Domain: String, Sendable, Codable, CaseIterable {
        /// The court-disposal sample (domain 2).
        case court
        /// The out-of-court sample (domain 3).
        case outOfCourt = "out_of_court"
    }

    /// Service id.
    public let service: String
    /// Which sample.
    public let domain: Domain
    /// Disposal type slug, as written (`referral-order`).
    public let disposal: String
    /// Cases, as printed.
    public let count: Int
    /// The line it was read from: the line in `sample_composition.csv`, or the report line for an extracted row.
    public let line: Int
}
