/// Recognises the rows of a table that are totals rather than one group or service: `Total`,
/// `All`, `All children`, and the national rows `England`, `Wales`, `England and Wales`,
/// `National` (in any case, with any spacing, `&` for `and`).
///
/// Published tables and spreadsheet pivots carry such rows; analysed as a group they would
/// compare a group with a sum containing it ("Total at arrest: about 117 more children…"), and
/// as a service in a funnel they would move the pooled target. Every reader that takes groups
/// or services from rows (``CountsTable``, ``FunnelInput``, ``ServicePopulation``,
/// the `aggregate` export) uses this one classifier, so they agree on what a total is.
public enum TotalRowLabel: String, Sendable, Equatable, CaseIterable {
    /// A sum of the other rows of the same table (`Total`, `All`, `All children`).
    case total
    /// A national figure (`England`, `Wales`, `England and Wales`, `National`), which may or may
    /// not be the sum of the rows given (a file may hold some services only).
    case national

    /// The labels recognised, normalised (lower case, single spaces, `&` as `and`).
    static let labels: [String: TotalRowLabel] = [
        "total": .total, "totals": .total, "grand total": .total, "all": .total, "all children": .total,
        "all groups": .total, "all ethnic groups": .total, "all ethnicities": .total, "all services": .total,
        "england": .national, "wales": .national, "england and wales": .national, "national": .national,
        "england & wales": .national, "national total": .national, "national average": .national,
    ]

    /// The kind of total a label names, or `nil` for an ordinary group or service.
    public init?(label: String) {
        let words = label.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "_" }).joined(separator: " ")
        guard let kind = TotalRowLabel.labels[words] else { return nil }
        self = kind
    }

    /// Whether a label names a totals row of either kind.
    public static func isTotal(_ label: String) -> Bool { TotalRowLabel(label: label) != nil }
}
