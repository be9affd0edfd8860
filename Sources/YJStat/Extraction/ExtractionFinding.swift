/// A disagreement between figures the report prints, found while extracting. The figures are
/// kept as printed; the finding says what does not add up.
public struct ExtractionFinding: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Severity of a finding.
    public enum Severity: String, Sendable, Codable {
        /// The figures contradict each other.
        case error
        /// The figures are unusual or cannot all be right as printed.
        case warning
        /// Worth knowing; not a contradiction.
        case info
    }

    /// A short stable code: the ``FindingCode`` raw value for the checks ``ConsistencyChecker``
    /// runs on the extracted rows (`score-mismatch`, `overall-mismatch`, `yes-exceeds-relevant`,
    /// `relevant-exceeds-sample`, `percent-mismatch`, `unexplained-rating`, …, also used for the
    /// same checks of prompt rows), and the extraction's own `rating-disagrees`,
    /// `sample-disagrees`, `percentages-do-not-sum`, `discretion-source-disagrees`.
    public let code: String
    /// How serious the disagreement is.
    public let severity: Severity
    /// 1-based input line of the figure concerned.
    public let line: Int?
    /// Plain-English explanation naming the figures.
    public let message: String
    /// Whether the finding is one of ``ConsistencyChecker``'s on the extracted rows (so a caller
    /// that runs the checker itself, as `check --report` does, can leave it out).
    public let isConsistencyCheck: Bool

    /// Creates a finding.
    public init(code: String, severity: Severity, line: Int?, _ message: String, isConsistencyCheck: Bool = false) {
        self.code = code
        self.severity = severity
        self.line = line
        self.message = message
        self.isConsistencyCheck = isConsistencyCheck
    }

    /// "severity code (line n): message".
    public var description: String {
        "\(severity.rawValue) \(code)" + (line.map { " (line \($0))" } ?? "") + ": \(message)"
    }
}
