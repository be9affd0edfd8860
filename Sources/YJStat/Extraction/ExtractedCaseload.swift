/// The service's caseload for one disposal type (a row of `caseload.csv`).
public struct ExtractedCaseload: Sendable, Equatable, Codable {
    /// `community-sentence`, `custody`, `licence`, `youth-caution`, `youth-conditional-caution`,
    /// `community-resolution-or-other-out-of-court`.
    public let disposal: String
    /// Children or cases, as printed.
    public let count: Int
    /// Input line.
    public let line: Int
}
