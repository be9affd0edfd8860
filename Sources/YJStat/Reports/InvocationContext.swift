import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The surroundings of one command-line invocation, so that a command line can run inside
/// another process (the CLI tests call the commands in-process, many at once) exactly as it runs
/// as its own process.
///
/// An invocation's surroundings are: where its standard output and standard error go, the
/// folder relative paths are resolved against, the environment it reads, the executable it was
/// started as (``DatasetLocator`` looks for `Datasets/` above it), and the files it has read and
/// written (``InvocationFiles``). Code that touches any of these asks ``current``:
/// ``StandardOutput``, ``StandardError``, ``AtomicFileWriter`` for `-`, `/dev/stdout` and
/// `/dev/stderr`, ``InputFiles``, and the commands for every path they are given
/// (``fileURL(_:)``) and every variable they read (``environment(_:)``).
///
/// ``current`` is a task-local value: ``process`` (file descriptors 1 and 2, the process's
/// current directory, environment and executable) unless code runs inside ``run(_:)`` of another
/// context, which binds it for that code and every task it starts — so concurrent invocations in
/// one process never mix their output, paths or files. The `yjstat` binary never binds one, so
/// its behaviour is that of a plain process.
///
/// What stays per process, by nature: signal dispositions (SIGPIPE ignored by the binary's
/// `main.swift`, the SIGINT/SIGTERM/SIGHUP clean-up of ``TemporaryFiles``, which is shared and
/// lock-protected), the umask, and standard input — no command reads standard input (inputs
/// must be regular files), so a context has none.
public final class InvocationContext: Sendable {
    /// Where one of the standard streams goes.
    public enum Stream: Sendable {
        /// An open file descriptor of the process (1 or 2 for the process context).
        case descriptor(Int32)
        /// Bytes kept in memory.
        case captured(CapturedOutput)

        /// Writes all of `bytes`; `name` names the stream in an error.
        ///
        /// - Throws: ``InputError`` naming `name` when a write to a descriptor fails.
        public func write(_ bytes: [UInt8], name: String) throws {
            switch self {
            case .descriptor(let fd): try StandardOutput.write(bytes, to: fd, name: name)
            case .captured(let output): output.append(bytes)
            }
        }

        /// The descriptor, or nil for a captured stream (which is never a terminal).
        public var descriptor: Int32? {
            if case .descriptor(let fd) = self { return fd }
            return nil
        }
    }

    /// The running process's own surroundings: descriptors 1 and 2, its current directory,
    /// environment and executable; files tracked only after ``InputFiles/beginTracking()``.
    public static let process = InvocationContext(
        standardOutput: .descriptor(STDOUT_FILENO), standardError: .descriptor(STDERR_FILENO),
        currentDirectory: nil, environment: nil, executable: Bundle.main.executableURL,
        files: InvocationFiles(tracking: false))

    /// The context code runs in (``process`` unless bound by ``run(_:)``).
    @TaskLocal public static var current: InvocationContext = .process

    /// Where standard output goes.
    public let standardOutput: Stream
    /// Where standard error goes.
    public let standardError: Stream
    /// The executable the invocation was started as, when known.
    public let executable: URL?
    /// The files this invocation has read and written.
    public let files: InvocationFiles
    /// The folder relative paths are resolved against; nil means the process's current directory.
    private let directory: URL?
    /// The environment; nil means the process's.
    private let variables: [String: String]?

    private init(standardOutput: Stream, standardError: Stream, currentDirectory: URL?,
                 environment: [String: String]?, executable: URL?, files: InvocationFiles) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        // A directory URL (trailing slash), or a relative path would resolve against its parent.
        directory = currentDirectory.map { URL(fileURLWithPath: $0.path, isDirectory: true) }
        variables = environment
        self.executable = executable
        self.files = files
    }

    /// A context for a command line run inside this process, as a separate process started with
    /// these streams, directory, environment and executable would see it. Input and output files
    /// are tracked from the start, as the command line does.
    ///
    /// - Parameters:
    ///   - standardOutput: Receives standard output.
    ///   - standardError: Receives standard error.
    ///   - currentDirectory: The folder relative paths are resolved against (must be absolute).
    ///   - environment: The whole environment (not added to the process's).
    ///   - executable: The executable the invocation pretends to be, for ``DatasetLocator``.
    public convenience init(standardOutput: CapturedOutput, standardError: CapturedOutput,
                            currentDirectory: URL, environment: [String: String], executable: URL?) {
        self.init(standardOutput: .captured(standardOutput), standardError: .captured(standardError),
                  currentDirectory: currentDirectory, environment: environment, executable: executable,
                  files: InvocationFiles(tracking: true))
    }

    /// Runs `body` with this context as ``current`` (for `body` and the tasks it starts).
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        try Self.$current.withValue(self, operation: body)
    }

    /// The folder relative paths are resolved against.
    public var currentDirectory: URL {
        directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// The file URL of a path given on the command line: an absolute path as is, a relative one
    /// against ``currentDirectory`` (its `relativePath` stays the path as given, so `-` is still
    /// recognised and messages can quote it).
    public func fileURL(_ path: String) -> URL {
        guard let directory else { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: path, relativeTo: directory)
    }

    /// ``fileURL(_:)`` of the current context.
    public static func fileURL(_ path: String) -> URL {
        current.fileURL(path)
    }

    /// The value of the environment variable `name`, or nil when it is not set.
    public func environment(_ name: String) -> String? {
        variables.map { $0[name] } ?? ProcessInfo.processInfo.environment[name]
    }

    /// The stream a standard descriptor names in this invocation: standard output for
    /// `STDOUT_FILENO`, standard error for `STDERR_FILENO`, any other descriptor as itself.
    public func stream(forDescriptor fd: Int32) -> Stream {
        switch fd {
        case STDOUT_FILENO: standardOutput
        case STDERR_FILENO: standardError
        default: .descriptor(fd)
        }
    }
}
