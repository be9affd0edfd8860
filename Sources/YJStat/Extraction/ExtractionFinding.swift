/// A disagreement between figures the report prints, found while extracting. The figures are
/// kept as printed; the finding says what does not add up.
public struct ExtractionFinding: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Severity of a finding: the same scale as ``Finding``'s (error: the figures contradict
    /// each other; warning: unusual or cannot all be right as printed; info: worth knowing).
    public typealias Severity = Finding.Severity

    /// What kind of finding this is, from the one vocabulary of ``FindingCode``: the checks
    /// ``ConsistencyChecker`` runs on the extracted rows (``FindingCode/scoreMismatch``,
    /// ``FindingCode/percentMismatch``, …, also used for the same checks of prompt rows), and the
    /// extraction-only codes (``FindingCode/isExtractionOnly``: ``FindingCode/ratingDisagrees``,
    /// ``FindingCode/sampleDisagrees``, ``FindingCode/percentagesDoNotSum``,
    /// ``FindingCode/discretionSourceDisagrees``).
    public let code: FindingCode
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
    public init(code: FindingCode, severity: Severity, line: Int?, _ message: String, isConsistencyCheck: Bool = false) {
        self.code = code
        self.severity = severity
        self.line = line
        self.message = message
        self.isConsistencyCheck = isConsistencyCheck
    }

    /// "severity code (line n): message".
    public var description: String {
        "\(severity.rawValue) \(code.rawValue)" + (line.map { " (line \($0))" } ?? "") + ": \(message)"
    }

    /// The finding as a row with the columns of ``Finding/resultRow``
    /// (`code, severity, service, location, message`): the location is `line n` of the report,
    /// or the report's name (`source`) when the finding concerns no one line.
    public func resultRow(service: String, source: String) -> ResultRow {
        Finding(code: code, severity: severity, service: service, location: line.map { "line \($0)" } ?? source, message: message).resultRow
    }
}
