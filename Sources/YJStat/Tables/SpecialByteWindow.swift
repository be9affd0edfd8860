/// Finds the bytes that carry CSV structure — comma, quote, CR, LF — 64 at a time.
///
/// For a 64-byte window it computes a bit mask with one bit per structural byte, then answers
/// "next structural byte at or after p" with a shift and a count of trailing zeros, moving the
/// window on when it runs out. The mask of 8 bytes is computed without branches: a byte of `w`
/// equals `c` exactly where `x = w ^ c·0x0101…` has a zero byte, and
/// `((x & 0x7F…) + 0x7F…) | x` has its high bit set exactly in the non-zero bytes (Anderson,
/// *Bit Twiddling Hacks*, "Determine if a word has a zero byte"); the eight high bits are
/// gathered into one byte by three shift-and-or steps. The same idea drives SIMD CSV parsers such as
/// simdcsv (Langdale & Lemire's simdjson technique applied to CSV).
///
/// Reads up to 63 bytes past the end of the data, which the scanner's buffer padding allows;
/// bits there are ignored.
struct SpecialByteWindow {
    private let data: UnsafePointer<UInt8>
    private let count: Int
    private var base = Int.min / 2
    private var bits: UInt64 = 0

    init(_ data: UnsafePointer<UInt8>, count: Int) {
        self.data = data
        self.count = count
    }

    /// The offset of the first structural byte at or after `p`, or `count` if there is none.
    @inline(__always)
    mutating func next(from p: Int) -> Int {
        let offset = p &- base
        if UInt(bitPattern: offset) < 64 {
            let m = bits & (~UInt64(0) << UInt64(offset))
            if m != 0 {
                let q = base &+ m.trailingZeroBitCount
                return q < count ? q : count
            }
        }
        return refill(from: p)
    }

    /// Moves the window to the first 64 bytes at or after `p` that hold a structural byte.
    @inline(never)
    private mutating func refill(from p: Int) -> Int {
        if p >= count { return count }
        var offset = p &- base
        if offset < 0 || offset >= 64 {
            base = p
            bits = SpecialByteWindow.mask64(data + p)
            offset = 0
        }
        var m = bits & (~UInt64(0) << UInt64(offset))
        while m == 0 {
            base += 64
            if base >= count { return count }
            bits = SpecialByteWindow.mask64(data + base)
            m = bits
        }
        let q = base + m.trailingZeroBitCount
        return q < count ? q : count
    }

    /// One bit per structural byte of `p[0..<64]`, bit i for byte i.
    @inline(__always)
    static func mask64(_ p: UnsafePointer<UInt8>) -> UInt64 {
        var m: UInt64 = 0
        for i in 0..<8 { m |= mask8(p + 8 &* i) << UInt64(8 &* i) }
        return m
    }

    @inline(__always)
    static func mask8(_ p: UnsafePointer<UInt8>) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let w = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let a = w ^ (ones &* UInt64(Byte.comma))
        let b = w ^ (ones &* UInt64(Byte.quote))
        let c = w ^ (ones &* UInt64(Byte.lf))
        let d = w ^ (ones &* UInt64(Byte.cr))
        let nonzero = (((a & low7) &+ low7) | a) & (((b & low7) &+ low7) | b)
            & (((c & low7) &+ low7) | c) & (((d & low7) &+ low7) | d)
        var found = (~nonzero >> 7) & ones       // bit 8k set for a structural byte k
        found |= found >> 7                         // bits 8k, 8k+1: bytes k, k+1
        found |= found >> 14                        // bits 8k…8k+3: bytes k…k+3
        found |= found >> 28                        // bits 0…7: bytes 0…7
        return found & 0xFF
    }
}
