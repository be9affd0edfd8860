/// A key question's published result (a row of `key_questions.csv`): counts where printed,
/// otherwise the printed whole-number percentage.
public struct ExtractedKeyQuestion: Sendable, Equatable, Codable {
    /// Key-question id, `2.1.1` … `3.4.2`.
    public let keyQuestion: String
    /// Relevant cases, as printed.
    public var relevant: Int?
    /// Cases answered yes, as printed.
    public var yes: Int?
    /// Percentage yes, as printed.
    public var percent: Int?
    /// The case count in the table heading ("Of the 4 cases inspected"), if the row came from a
    /// counts table.
    public var tableCases: Int?
    /// Input line of the figures.
    public let line: Int
    /// Whether the report prints the key question as not applicable ("N/A", "NA" or a dash):
    /// found, not missing, with no counts and no percentage (none is guessed). Written as `N/A`
    /// in `relevant` and `yes` of `key_questions.csv`.
    public var notApplicable: Bool = false
}
