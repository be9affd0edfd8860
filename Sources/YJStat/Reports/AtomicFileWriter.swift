import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files so that a reader never sees a half-written file and no input is lost.
///
/// The text is written to a temporary file in the destination's folder, flushed, and renamed
/// over the destination in one step (POSIX `rename`, atomic within a file system). Writing over
/// a file the command is reading is refused: the destination is compared with every input by
/// resolved path and by device and inode number, so links and `./` spellings are caught too.
public enum AtomicFileWriter {
    /// Writes `text` as UTF-8 to `destination`.
    ///
    /// - Parameters:
    ///   - text: The whole file content.
    ///   - destination: Where to write.
    ///   - inputs: Files the command read; `destination` must not be any of them.
    /// - Throws: ``InputError`` naming the destination when it is an input, its folder does not
    ///   exist, or the write fails.
    public static func write(_ text: String, to destination: URL, protecting inputs: [URL] = []) throws {
        let path = destination.standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where isSameFile(path, input.standardizedFileURL.resolvingSymlinksInPath().path) {
            throw InputError(file: destination.path, message: "refusing to write output over an input file")
        }
        let folder = destination.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: destination.path, message: "output folder '\(folder.path)' does not exist")
        }
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(file: destination.path, message: "output path is a folder")
        }
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(UUID().uuidString)")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw InputError(file: destination.path, message: "cannot write output (\(error.localizedDescription))")
        }
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputError(file: destination.path, message: "cannot write output (\(reason))")
        }
    }

    private static func isSameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
