/// Something the extractor could not place or read, with the input line where it happened.
public struct ExtractionWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    /// 1-based input line, when the warning concerns one.
    public let line: Int?
    /// Plain-English explanation.
    public let message: String

    /// Creates a warning.
    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    /// "line 12: message" (or the message alone).
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
