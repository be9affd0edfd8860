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
    /// A table slot: the key's first eight bytes (zero-padded) and `length << 32 | invalid << 31 |
    /// id + 1` (0 when empty), where `invalid` is 1 for a value that is not UTF-8. Keys of up to
    /// eight bytes are matched from the slot alone.
    struct Slot {
        var head: UInt64
        var meta: UInt64
    }

    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
    @exclusivity(unchecked) private var mask: Int
    @exclusivity(unchecked) private var shift: UInt64
    @exclusivity(unchecked) private var arena = UnsafeGrowableArray<UInt8>(capacity: 4096, padding: 8)
    @exclusivity(unchecked) private var offsets = UnsafeGrowableArray<Int>(capacity: 64)
    @exclusivity(unchecked) private var lengths = UnsafeGrowableArray<Int>(capacity: 64)
    @exclusivity(unchecked) private var invalid = UnsafeGrowableArray<UInt64>(capacity: 64)

    /// The number of distinct values seen.
    var count: Int { offsets.count }

    init() {
        mask = 63
        shift = 64 - 6
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: Slot(head: 0, meta: 0), count: mask + 1)
    }

    deinit { slots.deallocate() }

    /// The id of the value `bytes[0..<length]`, adding it if new; the id's bitwise complement (a
    /// negative number) when the value is not valid UTF-8. At least 8 readable bytes must follow
    /// `bytes` (the scanner pads its buffers).
    @inline(__always)
    func id(of bytes: UnsafePointer<UInt8>, length: Int) -> Int32 {
        let (head, hash) = ByteKeyInterner.headAndHash(bytes, length)
        var index = Int(truncatingIfNeeded: hash >> shift)
        let lengthTag = UInt64(truncatingIfNeeded: length) << 32
        while true {
            let slot = slots[index]
            if slot.meta == 0 { return insert(bytes, length, head: head, at: index) }
            if slot.head == head && slot.meta & 0xFFFF_FFFF_0000_0000 == lengthTag {
                let low = UInt32(truncatingIfNeeded: slot.meta)
                let id = Int(low & 0x7FFF_FFFF) &- 1
                if length <= 8 || ByteKeyInterner.equal(arena.base + offsets[id] + 8, bytes + 8, length &- 8) {
                    // Bit 31 marks a value that is not UTF-8: return ~id for it, without a branch.
                    return Int32(truncatingIfNeeded: id) ^ -Int32(bitPattern: low >> 31)
                }
            }
            index = (index &+ 1) & mask
        }
    }

    /// The value with this id as text (callers check validity first).
    func string(_ id: Int32) -> String {
        String(decoding: UnsafeBufferPointer(start: arena.base + offsets[Int(id)], count: lengths[Int(id)]), as: UTF8.self)
    }

    private func insert(_ bytes: UnsafePointer<UInt8>, _ length: Int, head: UInt64, at index: Int) -> Int32 {
        let id = offsets.count
        offsets.append(arena.count)
        lengths.append(length)
        arena.append(contentsOf: bytes, count: length)
        let buffer = UnsafeBufferPointer(start: bytes, count: length)
        let isValid = buffer.allSatisfy { $0 < 0x80 } || String(validating: buffer, as: UTF8.self) != nil
        invalid.append(isValid ? 0 : 1 << 31)
        slots[index] = Slot(head: head, meta: UInt64(length) << 32 | invalid[id] | UInt64(id + 1))
        if (id + 1) * 2 > mask + 1 { grow() }
        return isValid ? Int32(id) : ~Int32(id)
    }

    private func grow() {
        let newMask = (mask + 1) * 2 - 1
        let newShift = shift - 1
        let newSlots = UnsafeMutablePointer<Slot>.allocate(capacity: newMask + 1)
        newSlots.initialize(repeating: Slot(head: 0, meta: 0), count: newMask + 1)
        for id in 0..<offsets.count {
            let (head, hash) = ByteKeyInterner.headAndHash(arena.base + offsets[id], lengths[id])
            var index = Int(truncatingIfNeeded: hash >> newShift)
            while newSlots[index].meta != 0 { index = (index + 1) & newMask }
            newSlots[index] = Slot(head: head, meta: UInt64(lengths[id]) << 32 | invalid[id] | UInt64(id + 1))
        }
        slots.deallocate()
        slots = newSlots
        mask = newMask
        shift = newShift
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

    /// The key's first eight bytes (zero-padded) and a multiplicative hash of all its bytes:
    /// each little-endian word is xored in and multiplied by 2^64/φ, so the top bits of the
    /// result depend on every byte and index the table (Knuth's Fibonacci hashing, *TAOCP*
    /// vol. 3, §6.4). The last partial word is loaded whole and masked.
    @inline(__always)
    static func headAndHash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> (head: UInt64, hash: UInt64) {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        let first = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        // Keep the first min(length, 8) bytes without a branch (Swift's shift of 64 gives 0).
        let head = first & (~UInt64(0) >> (64 &- 8 &* UInt64(truncatingIfNeeded: min(length, 8))))
        var h = (UInt64(truncatingIfNeeded: length) ^ head) &* k
        var i = 8
        while i &+ 8 <= length {
            h = (h ^ (h >> 29) ^ UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))) &* k
            i &+= 8
        }
        let rest = length &- i
        if rest > 0 {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
            h = (h ^ (h >> 29) ^ (word & (~UInt64(0) >> UInt64(64 &- 8 &* rest)))) &* k
        }
        return (head, h)
    }
}
