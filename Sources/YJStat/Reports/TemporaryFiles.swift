import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary output files that exist right now, removed if the process is stopped by SIGINT,
/// SIGTERM or SIGHUP before it renames them into place (so an interrupted `synth` or `--output`
/// leaves no `.tmp-…` file behind).
///
/// The handler only calls `unlink` on paths held in a fixed buffer (async-signal-safe), then
/// restores the default action and raises the signal again, so the shell still sees the usual
/// "killed by SIGINT" status. A signal the process inherited as ignored (`SIG_IGN`, as a shell
/// gives a background job for SIGINT, or `nohup` for SIGHUP) stays ignored: installing a
/// handler would make a process its caller asked to survive that signal die of it.
public enum TemporaryFiles {
    static let slots = 16
    static let slotSize = 4096
    private static let lock = NSLock()
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: slots * slotSize)
        buffer.initialize(repeating: 0, count: slots * slotSize)
        return buffer
    }()
    nonisolated(unsafe) private static var installed = false

    /// Registers `path` for removal on a stopping signal; returns a token for ``remove(_:)``, or
    /// nil when every slot is taken or the path is too long (the file is then simply not
    /// cleaned up by the handler).
    public static func register(_ path: String) -> Int? {
        lock.lock(); defer { lock.unlock() }
        installHandlers()
        let bytes = Array(path.utf8CString)
        guard bytes.count < slotSize else { return nil }
        for slot in 0..<slots where paths[slot * slotSize] == 0 {
            let start = paths + slot * slotSize
            bytes.withUnsafeBufferPointer { source in
                for i in 1..<source.count { start[i] = source[i] }
                start[0] = source[0]            // the first byte last: the slot is live only when whole
            }
            return slot
        }
        return nil
    }

    /// Forgets a registered path (after it was renamed into place or removed).
    public static func remove(_ token: Int?) {
        guard let token else { return }
        lock.lock(); defer { lock.unlock() }
        paths[token * slotSize] = 0
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] where !isIgnored(signalNumber) {
            signal(signalNumber) { received in
                for slot in 0..<TemporaryFiles.slots {
                    let start = TemporaryFiles.paths + slot * TemporaryFiles.slotSize
                    if start[0] != 0 { unlink(start) }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Whether the process inherited `signalNumber` as ignored (its disposition is `SIG_IGN`).
    static func isIgnored(_ signalNumber: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signalNumber, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        #else
        return unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        #endif
    }
}
