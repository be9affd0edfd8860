/// A command line that cannot be run as written: an unknown or repeated option, a missing or
/// malformed value. Reported with exit code 2 and a pointer to `--help`.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the option (`--confidence must be between 0 and 1, got 1.5`).
    public var message: String

    /// Creates a usage error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
