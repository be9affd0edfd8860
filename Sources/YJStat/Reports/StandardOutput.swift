import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output (or any open descriptor) with errors reported, not trapped: a full
/// disk, a closed descriptor or a reader that went away (`EPIPE`, with SIGPIPE ignored by
/// ``ignoreBrokenPipeSignal()``) become an ``InputError`` naming the destination, which the
/// command line turns into exit code 2. Standard output is that of the current invocation
/// (``InvocationContext/current``): descriptor 1 in the `yjstat` process, a capture in-process.
public enum StandardOutput {
    /// Writes `text` as UTF-8 to the current invocation's standard output.
    public static func write(_ text: String) throws {
        try InvocationContext.current.standardOutput.write(Array(text.utf8), name: "standard output")
    }

    /// Writes `bytes` to the current invocation's standard output (`fd` is `STDOUT_FILENO`) or
    /// standard error (`STDERR_FILENO`), as ``AtomicFileWriter/standardStream(for:)`` names them.
    ///
    /// - Throws: ``InputError`` with `name` as the file when a write fails.
    public static func write(_ bytes: [UInt8], toStandardStream fd: Int32, name: String) throws {
        try InvocationContext.current.stream(forDescriptor: fd).write(bytes, name: name)
    }

    /// Writes all of `bytes` to the descriptor `fd`, retrying short writes and `EINTR`.
    ///
    /// - Throws: ``InputError`` with `name` as the file when a write fails.
    public static func write(_ bytes: [UInt8], to fd: Int32, name: String) throws {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                #else
                let n = Darwin.write(fd, raw.baseAddress! + done, raw.count - done)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure != 0 {
            let reason = failure == EPIPE ? "the reader closed the pipe" : String(cString: strerror(failure))
            throw InputError(file: name, message: "cannot write output (\(reason))")
        }
    }

    /// Makes a write to a closed pipe fail with `EPIPE` instead of killing the process, so that
    /// it is reported like any other failed write.
    public static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}
