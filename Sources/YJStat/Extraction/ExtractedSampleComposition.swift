/// How many inspected cases had one disposal type (a row of `sample_composition.csv`).
public struct ExtractedSampleComposition: Sendable, Equatable, Codable {
    /// `court` or `out_of_court`.
    public let domain: String
    /// `custodial-sentence`, `youth-rehabilitation-order`, `referral-order`, `community-sentence`,
    /// `youth-conditional-caution`, `youth-caution` or `community-resolution`.
    public let disposal: String
    /// Cases, as printed.
    public let count: Int
    /// Input line of the count.
    public let line: Int
}
