/// `extraction_issues.csv`: the findings and warnings of extraction, one per row, with the report
/// line they concern.
public enum ExtractionIssuesSchema: FrameworkIndependentSchema {
    /// One row: a finding (with its code and severity) or a warning.
    public struct Row: Sendable, Equatable {
        /// What an issue is.
        public enum Kind: String, Sendable, CaseIterable {
            /// A disagreement between printed figures (``ExtractionFinding``).
            case finding
            /// Text that could not be placed, or a missing section (``ExtractionWarning``).
            case warning
        }

        /// The report the issue is about.
        public let source: String
        /// Service id.
        public let service: String
        /// Finding or warning.
        public let kind: Kind
        /// The finding's code (`nil` for a warning).
        public let code: FindingCode?
        /// The finding's severity (`nil` for a warning).
        public let severity: Finding.Severity?
        /// The report line, when there is one.
        public let reportLine: Int?
        /// The explanation.
        public let message: String
        /// The line in `extraction_issues.csv`.
        public let line: Int
    }

    /// `extraction_issues.csv`.
    public static let fileName = "extraction_issues.csv"
    /// The columns (`line` is the report line of the issue).
    public static let columns = ["source", "service", "kind", "code", "severity", "line", "message"]

    /// Reads every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown kind,
    ///   finding code or severity, a finding without a code or severity, or a report line that is
    ///   not a whole number of at least 1.
    public static func rows(of table: CSVTable) throws -> [Row] {
        try table.requireColumns(columns)
        return try table.rows.map { row in
            let kind = try DatasetCell.choice(row, "kind", as: Row.Kind.self)
            var code: FindingCode?, severity: Finding.Severity?
            if kind == .finding {
                code = try DatasetCell.choice(row, "code", as: FindingCode.self)
                severity = try DatasetCell.choice(row, "severity", as: Finding.Severity.self)
            }
            let reportLine = try row.optionalInt("line")
            if let reportLine, reportLine < 1 { throw row.error("line", "a report line is at least 1, found \(reportLine)") }
            return Row(source: try row.string("source"), service: try row.string("service"), kind: kind, code: code,
                       severity: severity, reportLine: reportLine, message: row.optionalString("message") ?? "", line: row.line)
        }
    }

    /// The cells of a row.
    public static func cells(of row: Row) -> [String] {
        [row.source, row.service, row.kind.rawValue, row.code?.rawValue ?? "", row.severity?.rawValue ?? "", cell(row.reportLine), row.message]
    }

    /// The findings, then the warnings, of a report.
    public static func cells(of result: ExtractionResult) -> [[String]] {
        result.findings.map { [result.source, result.service, Row.Kind.finding.rawValue, $0.code.rawValue, $0.severity.rawValue, cell($0.line), $0.message] }
            + result.warnings.map { [result.source, result.service, Row.Kind.warning.rawValue, "", "", cell($0.line), $0.message] }
    }
}
