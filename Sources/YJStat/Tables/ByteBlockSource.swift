import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere bytes can be read from at a given offset, in blocks, by several threads at once.
///
/// ``StreamingCSVScanner`` reads several regions of a source at once, so a source must allow
/// positioned reads (`pread(2)`) that do not share a file position.
protocol ByteBlockSource: Sendable {
    /// The name used in error messages (a file name).
    var name: String { get }
    /// The number of bytes in the source when the scan starts.
    var size: Int { get }
    /// Copies up to `count` bytes starting at `offset` into `destination`; returns how many were
    /// copied (fewer only at the end of the source, zero past it).
    func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) throws -> Int
}

/// A file opened read-only and read with `pread(2)`; nothing is mapped, so resident memory does
/// not grow with the file.
final class FileByteSource: ByteBlockSource, @unchecked Sendable {
    // @unchecked: the only state is an immutable descriptor, and pread does not move a shared
    // file position, so concurrent reads are safe.
    let name: String
    let size: Int
    private let path: String
    private let descriptor: Int32

    init(url: URL) throws {
        name = url.lastPathComponent
        path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(file: path, message: "is a folder, expected a CSV file")
        }
        try InputFiles.checkRegularFile(url)   // before open: a FIFO with no writer would block it
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw InputError(file: path, message: "cannot open file (\(reason))")
        }
        descriptor = fd
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw InputError(file: path, message: "cannot read file (\(reason))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw InputError(file: path, message: "not a regular file (the streaming reader needs a file it can read at any position, not a pipe or device)")
        }
        size = Int(status.st_size)
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
        #endif
    }

    deinit { close(descriptor) }

    func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) throws -> Int {
        var done = 0
        while done < count {
            let got = pread(descriptor, destination + done, count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw InputError(file: name, message: "cannot read file (\(reason))")
            }
            if got == 0 { break }
            done += got
        }
        return done
    }
}

/// Bytes already in memory, served in blocks exactly as a file would be (used by tests to put
/// block boundaries anywhere).
struct MemoryByteSource: ByteBlockSource {
    let name: String
    let bytes: [UInt8]
    var size: Int { bytes.count }

    func read(into destination: UnsafeMutableRawPointer, count: Int, at offset: Int) throws -> Int {
        guard offset < bytes.count else { return 0 }
        let n = min(count, bytes.count - offset)
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { destination.copyMemory(from: base + offset, byteCount: n) }
        }
        return n
    }
}
