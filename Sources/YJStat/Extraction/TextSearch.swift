#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast substring tests on UTF-8 bytes, used on every line of a report (Foundation's
/// `contains(_:)` goes through `NSString` on Linux and dominated extraction time).
extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (so case-sensitive).
    func has(_ needle: String) -> Bool {
        var haystack = self
        var pattern = needle
        return haystack.withUTF8 { h in pattern.withUTF8 { n in Self.occurs(n, in: h) } }
    }

    /// Whether the string contains the ASCII byte of `character`.
    func has(byte character: Unicode.Scalar) -> Bool {
        let value = UInt8(truncatingIfNeeded: character.value)
        var copy = self
        return copy.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(value), bytes.count) != nil } ?? false }
    }

    /// First-byte scan with `memchr`, then compare. Needles are short phrases.
    private static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            guard let found = memchr(base + index, Int32(first), last - index + 1) else { return false }
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var offset = 1
            while offset < needle.count && haystack[position + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
            index = position + 1
        }
        return false
    }
}
