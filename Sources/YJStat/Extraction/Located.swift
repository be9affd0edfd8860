/// An extracted value with its provenance: the input line it was read from.
public struct Located<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    /// The value as read.
    public let value: Value
    /// 1-based input line number.
    public let line: Int

    /// Creates a located value.
    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}
