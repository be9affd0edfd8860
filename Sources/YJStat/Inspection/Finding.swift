/// One result of a consistency check: what is wrong (or worth knowing), where, and how serious.
///
/// Findings are values: `check` prints them as text, CSV or JSON (an array of objects with keys
/// `code`, `severity`, `service`, `location`, `message`) and exits 1 when any has severity
/// ``Severity/error``.
public struct Finding: Sendable, Equatable, Codable {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
        /// Worth knowing; nothing is wrong.
        case info
        /// Possibly wrong or explained only by judgement (for example professional discretion).
        case warning
        /// The published figures disagree with each other or with the rules.
        case error

        private var order: Int {
            switch self {
            case .info: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
    }

    /// What kind of finding this is.
    public let code: FindingCode
    /// How serious it is.
    public let severity: Severity
    /// The service id (`north-somerset`), or the wide table's row label.
    public let service: String
    /// Where: a standard (`3.2`), key question (`3.2.3`), `score`, `overall`, `inspection`, or a
    /// file position.
    public let location: String
    /// A plain-English explanation with the figures involved.
    public let message: String

    /// Creates a finding.
    public init(code: FindingCode, severity: Severity, service: String, location: String, message: String) {
        self.code = code
        self.severity = severity
        self.service = service
        self.location = location
        self.message = message
    }

    /// The finding as a result row with columns `code, severity, service, location, message`.
    public var resultRow: ResultRow {
        ResultRow([
            ("code", .text(code.rawValue)),
            ("severity", .text(severity.rawValue)),
            ("service", .text(service)),
            ("location", .text(location)),
            ("message", .text(message)),
        ])
    }
}

extension Finding {
    /// Findings as plain text, one per line like compiler diagnostics
    /// (`north-somerset 3.2: warning [discretion]: …`), then a count by severity.
    public static func textReport(_ findings: [Finding]) -> String {
        var out = ""
        for finding in findings {
            out += "\(finding.service) \(finding.location): \(finding.severity.rawValue) [\(finding.code.rawValue)]: \(finding.message)\n"
        }
        let counts = Severity.allCases.reversed().map { severity -> String in
            let n = findings.filter { $0.severity == severity }.count
            return "\(n) \(severity.rawValue)\(n == 1 || severity == .info ? "" : "s")"
        }
        out += (findings.isEmpty ? "No findings: " : "") + counts.joined(separator: ", ") + "\n"
        return out
    }
}
