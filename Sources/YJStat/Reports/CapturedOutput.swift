import Foundation

/// Bytes written to a captured stream (standard output or error of an in-process invocation,
/// see ``InvocationContext``), kept in memory in the order they were written. Safe to write from
/// several threads; reading gives everything written so far.
public final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []

    /// An empty capture.
    public init() {}

    /// Appends `chunk`.
    public func append(_ chunk: [UInt8]) {
        lock.lock(); defer { lock.unlock() }
        bytes.append(contentsOf: chunk)
    }

    /// Everything written so far.
    public var data: Data {
        lock.lock(); defer { lock.unlock() }
        return Data(bytes)
    }

    /// Everything written so far, decoded as UTF-8 (invalid bytes become U+FFFD).
    public var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
