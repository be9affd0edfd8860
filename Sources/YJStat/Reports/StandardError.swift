import Foundation

/// Writes messages to the standard error of the current invocation (``InvocationContext``):
/// descriptor 2 in the `yjstat` process, a capture when a command line runs in-process.
public enum StandardError {
    /// Writes `text` as UTF-8. A failed write is ignored: a message that cannot be written to
    /// standard error has nowhere else to go, and the exit status still tells.
    public static func write(_ text: String) {
        try? InvocationContext.current.standardError.write(Array(text.utf8), name: "standard error")
    }
}
