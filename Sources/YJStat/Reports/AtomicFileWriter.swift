import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files so that a reader never sees a half-written file and no input is lost.
///
/// - A regular file (or a new path) is written to a temporary file in the destination's folder
///   and renamed over it in one step (POSIX `rename`, atomic within a file system). A symbolic
///   link is resolved first, so the file it points to is replaced and the link kept. The
///   temporary file is registered with ``TemporaryFiles`` and removed if the process is
///   interrupted (SIGINT, SIGTERM, SIGHUP) before the rename.
/// - A FIFO, character device or socket (`/dev/null`, a named pipe another program reads) is
///   written in place, never replaced; a FIFO with no reader is an error, not a wait.
/// - `-`, `/dev/stdout` and `/dev/fd/1` write to standard output; `/dev/stderr` to standard error
///   (those of the current ``InvocationContext``).
/// - Writing over a file the command reads is refused: the destination is compared, by resolved
///   path and by device and inode number (so symbolic links, hard links and `./` spellings are
///   caught), with the given inputs and every file in ``InputFiles/registered``. When
///   ``InputFiles/beginTracking()`` was called, writing the same file twice in one run (`--output` and `--svg` naming one file) is refused too.
/// - Every failed write (disk full, permission, closed pipe) is an ``InputError`` naming the
///   destination, never a trap.
public enum AtomicFileWriter {
    /// Writes `text` as UTF-8 to `destination`.
    ///
    /// - Parameters:
    ///   - text: The whole file content.
    ///   - destination: Where to write.
    ///   - inputs: Files the command read; `destination` must not be any of them (files read
    ///     through ``InputFiles`` are protected without being listed).
    /// - Throws: ``InputError`` naming the destination when it is an input or another output of
    ///   this run, its folder does not exist, it is a folder, or the write fails.
    public static func write(_ text: String, to destination: URL, protecting inputs: [URL] = []) throws {
        try write(bytes: Array(text.utf8), to: destination, protecting: inputs)
    }

    /// Writes `bytes` to `destination`, as ``write(_:to:protecting:)``.
    public static func write(bytes: [UInt8], to destination: URL, protecting inputs: [URL] = []) throws {
        if let descriptor = standardStream(for: destination) {
            return try StandardOutput.write(bytes, toStandardStream: descriptor, name: destination.relativePath == "-" ? "standard output" : destination.path)
        }
        let resolved = destination.standardizedFileURL.resolvingSymlinksInPath()
        try checkNotInput(resolved, named: destination.path, inputs: inputs)
        var status = stat()
        if stat(resolved.path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw InputError(file: destination.path, message: "output path is a folder")
            default: return try writeInPlace(bytes, to: resolved.path, named: destination.path)
            }
        }
        try claimOutput(resolved, named: destination.path)
        let folder = resolved.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: destination.path, message: "output folder '\(destination.deletingLastPathComponent().path)' does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(resolved.lastPathComponent).tmp-\(UUID().uuidString)").path
        let token = TemporaryFiles.register(temporary)
        defer { TemporaryFiles.remove(token) }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw InputError(file: destination.path, message: "cannot write output (\(String(cString: strerror(errno))))")
        }
        do {
            try StandardOutput.write(bytes, to: fd, name: destination.path)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw InputError(file: destination.path, message: "cannot write output (\(reason))")
        }
        if rename(temporary, resolved.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw InputError(file: destination.path, message: "cannot write output (\(reason))")
        }
    }

    /// The descriptor a destination names when it is `-` or `/dev/stdout` (1), or `/dev/stderr`
    /// (2), which are written directly rather than resolved (`/dev/stdout` links to a pipe or a
    /// terminal that cannot be renamed over); nil for any other path.
    public static func standardStream(for destination: URL) -> Int32? {
        if destination.relativePath == "-" || ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(destination.path) {
            return STDOUT_FILENO
        }
        if ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"].contains(destination.path) { return STDERR_FILENO }
        return nil
    }

    /// Refuses `resolved` when it is one of `inputs` or a registered input file.
    static func checkNotInput(_ resolved: URL, named name: String, inputs: [URL]) throws {
        for input in inputs + InputFiles.registered
        where isSameFile(resolved.path, input.standardizedFileURL.resolvingSymlinksInPath().path) {
            throw InputError(file: name, message: "refusing to write output over an input file ('\(input.path)')")
        }
    }

    /// Records `resolved` as written by this run (in the current invocation's ``InvocationFiles``), refusing a second write to the same file.
    private static func claimOutput(_ resolved: URL, named name: String) throws {
        guard InvocationContext.current.files.claimOutput(resolved.path, isSame: isSameFile) else {
            throw InputError(file: name, message: "refusing to write the same file twice (it is also another output of this command)")
        }
    }

    /// Writes to a FIFO, device or socket without replacing it.
    private static func writeInPlace(_ bytes: [UInt8], to path: String, named name: String) throws {
        // O_NONBLOCK: opening a FIFO that nobody reads fails (ENXIO) instead of waiting for ever.
        let fd = open(path, O_WRONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let reason = errno == ENXIO ? "nothing is reading this pipe" : String(cString: strerror(errno))
            throw InputError(file: name, message: "cannot write output (\(reason))")
        }
        defer { close(fd) }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        try StandardOutput.write(bytes, to: fd, name: name)
    }

    static func isSameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
