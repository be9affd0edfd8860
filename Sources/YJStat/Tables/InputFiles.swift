import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The input files of the current invocation: each is checked to be a regular file before it is
/// opened (so a FIFO with no writer or a device never blocks or floods a reader), and remembered,
/// so that ``AtomicFileWriter`` refuses to write any output over any file the command has read —
/// framework files, population files and dataset files included, whoever read them. They are
/// kept in the ``InvocationFiles`` of ``InvocationContext/current``: the process's own for the
/// `yjstat` binary, a fresh set for each command line run in-process.
public enum InputFiles {
    /// Starts remembering input files and written outputs for the rest of the invocation (the
    /// command line's `main.swift` does this once for the process; a library user who writes and
    /// reads the same paths in one process on purpose leaves it off).
    public static func beginTracking() {
        InvocationContext.current.files.beginTracking()
    }

    /// Whether the current invocation remembers its files.
    public static var isTracking: Bool {
        InvocationContext.current.files.isTracking
    }

    /// Every input file read or checked so far by the current invocation.
    public static var registered: [URL] {
        InvocationContext.current.files.registeredInputs
    }

    /// Remembers `url` as an input of this run (when tracking).
    public static func register(_ url: URL) {
        InvocationContext.current.files.registerInput(url)
    }

    /// Checks that `url` names a regular file (following symbolic links) and registers it.
    ///
    /// - Throws: ``InputError`` naming the path when it does not exist, is a folder, or is a
    ///   FIFO, socket or device.
    public static func checkRegularFile(_ url: URL) throws {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw InputError(file: url.path, message: "cannot read file (\(reason))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw InputError(file: url.path, message: "is a folder, expected a file")
        default:
            throw InputError(file: url.path, message: "not a regular file (pipes, sockets and devices are not read as input)")
        }
        register(url)
    }

    /// Checks and registers `url`, then reads the whole file.
    ///
    /// - Throws: ``InputError`` naming the path when it is not a readable regular file.
    public static func read(_ url: URL) throws -> Data {
        try checkRegularFile(url)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw InputError(file: url.path, message: "cannot read file (not readable)")
        }
    }
}
