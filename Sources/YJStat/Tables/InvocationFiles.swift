import Foundation

/// The files one invocation has read and written: the state behind ``InputFiles`` and the
/// "never over an input, never the same output twice" rules of ``AtomicFileWriter``. Each
/// ``InvocationContext`` owns one, so command lines run in the same process (in-process tests)
/// never see each other's files. Thread-safe.
public final class InvocationFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var tracking: Bool
    private var inputs: [URL] = []
    private var outputs: [String] = []

    /// Files that track from the start (`tracking: true`, as a command line does) or only after
    /// ``beginTracking()``.
    public init(tracking: Bool) {
        self.tracking = tracking
    }

    /// Starts remembering input files and written outputs.
    public func beginTracking() {
        lock.lock(); defer { lock.unlock() }
        tracking = true
    }

    /// Whether inputs and outputs are being remembered.
    public var isTracking: Bool {
        lock.lock(); defer { lock.unlock() }
        return tracking
    }

    /// Every input file registered so far.
    public var registeredInputs: [URL] {
        lock.lock(); defer { lock.unlock() }
        return inputs
    }

    /// Remembers `url` as an input (when tracking).
    public func registerInput(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        if tracking, !inputs.contains(url) { inputs.append(url) }
    }

    /// Records the resolved output path `path` as written, unless `isSame` says an earlier output
    /// is the same file; returns false (and records nothing) in that case. Always true when not
    /// tracking.
    public func claimOutput(_ path: String, isSame: (String, String) -> Bool) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard tracking else { return true }
        if outputs.contains(where: { isSame($0, path) }) { return false }
        outputs.append(path)
        return true
    }
}
