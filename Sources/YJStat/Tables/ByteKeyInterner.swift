/// Maps the values of one key column — byte strings — to small dense ids, so that a row's key is
/// found by hashing its bytes in place and no `String` is built per row.
///
/// Open addressing with linear probing over a power-of-two table whose slots hold a 32-bit hash
/// tag beside the id, so most probes are settled without touching key bytes. Each distinct
/// value's bytes are stored once in an arena. Whether a value is valid UTF-8 is decided once,
/// when it is first seen, and remembered. Key columns usually have few values (services, ethnic
/// groups, stages), so the table stays in the fastest cache; memory grows with the number of
/// distinct values, never with the number of rows.
final class ByteKeyInterner {
    /// Slots: 0 when empty, else `tag << 32 | (id + 1)`.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var arena = UnsafeGrowableArray<UInt8>(capacity: 4096, padding: 8)
    @exclusivity(unchecked) private var offsets = UnsafeGrowableArray<Int>(capacity: 64)
    @exclusivity(unchecked) private var lengths = UnsafeGrowableArray<Int>(capacity: 64)
    @exclusivity(unchecked) private var valid = UnsafeGrowableArray<Bool>(capacity: 64)

    /// The number of distinct values seen.
    var count: Int { offsets.count }

    init() {
        mask = 63
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
    }

    deinit { slots.deallocate() }

    /// The id of the value `bytes[0..<length]`, adding it if new. At least 8 readable bytes must
    /// follow `bytes` (the scanner pads its buffers).
    @inline(__always)
    func id(of bytes: UnsafePointer<UInt8>, length: Int) -> Int32 {
        let hash = ByteKeyInterner.hash(bytes, length)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return insert(bytes, length, tag: tag, at: index) }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) &- 1
                if lengths[id] == length && ByteKeyInterner.equal(arena.base + offsets[id], bytes, length) {
                    return Int32(truncatingIfNeeded: id)
                }
            }
            index = (index &+ 1) & mask
        }
    }

    /// Whether the value with this id is valid UTF-8.
    @inline(__always)
    func isValidUTF8(_ id: Int32) -> Bool { valid[Int(id)] }

    /// The value with this id as text (callers check ``isValidUTF8(_:)`` first).
    func string(_ id: Int32) -> String {
        String(decoding: UnsafeBufferPointer(start: arena.base + offsets[Int(id)], count: lengths[Int(id)]), as: UTF8.self)
    }

    private func insert(_ bytes: UnsafePointer<UInt8>, _ length: Int, tag: UInt64, at index: Int) -> Int32 {
        let id = offsets.count
        offsets.append(arena.count)
        lengths.append(length)
        arena.append(contentsOf: bytes, count: length)
        let buffer = UnsafeBufferPointer(start: bytes, count: length)
        valid.append(buffer.allSatisfy { $0 < 0x80 } || String(validating: buffer, as: UTF8.self) != nil)
        slots[index] = tag | UInt64(id + 1)
        if (id + 1) * 2 > mask + 1 { grow() }
        return Int32(id)
    }

    private func grow() {
        let newMask = (mask + 1) * 2 - 1
        let newSlots = UnsafeMutablePointer<UInt64>.allocate(capacity: newMask + 1)
        newSlots.initialize(repeating: 0, count: newMask + 1)
        for id in 0..<offsets.count {
            let hash = ByteKeyInterner.hash(arena.base + offsets[id], lengths[id])
            var index = Int(truncatingIfNeeded: hash) & newMask
            while newSlots[index] != 0 { index = (index + 1) & newMask }
            newSlots[index] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
        slots.deallocate()
        slots = newSlots
        mask = newMask
    }

    /// Whether `a[0..<length]` equals `b[0..<length]`, compared eight bytes at a time; the last
    /// partial word is loaded whole and masked, which the padding after every buffer allows.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var i = 0
        while i &+ 8 <= length {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
                return false
            }
            i &+= 8
        }
        let rest = length &- i
        if rest == 0 { return true }
        let keep = ~UInt64(0) >> UInt64(64 &- 8 &* rest)
        let x = UInt64(littleEndian: UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self))
        let y = UInt64(littleEndian: UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self))
        return (x ^ y) & keep == 0
    }

    /// A 64-bit multiply–xorshift hash of a short byte string read eight bytes at a time (the
    /// last partial word masked), finished with the SplitMix64 mixer (Steele, Lea & Flood 2014).
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(truncatingIfNeeded: length) &* k
        var i = 0
        while i &+ 8 <= length {
            h = (h ^ UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))) &* k
            h ^= h >> 31
            i &+= 8
        }
        let rest = length &- i
        if rest > 0 {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
            h = (h ^ (word & (~UInt64(0) >> UInt64(64 &- 8 &* rest)))) &* k
        }
        h ^= h >> 30
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return h
    }
}
