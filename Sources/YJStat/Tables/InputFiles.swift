import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The input files of this process: each is checked to be a regular file before it is opened
/// (so a FIFO with no writer or a device never blocks or floods a reader), and remembered, so
/// that ``AtomicFileWriter`` refuses to write any output over any file the command has read —
/// framework files, population files and dataset files included, whoever read them.
public enum InputFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var files: [URL] = []
    nonisolated(unsafe) private static var tracking = false

    /// Starts remembering input files and written outputs for the rest of the process (the
    /// command line does this once; a library user who writes and reads the same paths in one
    /// process on purpose leaves it off).
    public static func beginTracking() {
        lock.lock(); defer { lock.unlock() }
        tracking = true
    }

    /// Whether ``beginTracking()`` was called.
    public static var isTracking: Bool {
        lock.lock(); defer { lock.unlock() }
        return tracking
    }

    /// Every input file read or checked so far by this process.
    public static var registered: [URL] {
        lock.lock(); defer { lock.unlock() }
        return files
    }

    /// Remembers `url` as an input of this run (when tracking).
    public static func register(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        if tracking,  !files.contains(url) { files.append(url) }
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
