/// Finds candidates for the bytes that carry CSV structure — comma, quote, CR, LF — 64 at a time.
///
/// For a 64-byte window it computes a bit mask with one bit per candidate byte, then answers
/// "next candidate at or after p" with a shift and a count of trailing zeros, moving the window
/// on when it runs out. The candidates are a superset of the structural bytes, chosen to be cheap
/// to compute without branches: every byte below 0x0E (LF 0x0A, CR 0x0D and other controls)
/// and every byte from 0x22 to 0x2C (quote 0x22 … comma 0x2C, so also `#$%&'()*+`), plus a few
/// bytes above 0x80. Callers look at the byte and skip candidates that are not structural.
///
/// The mask of 8 bytes uses SWAR range tests: with the high bit of every byte set, subtracting
/// `c` from each byte cannot borrow across bytes, and leaves the high bit clear exactly where
/// the 7-bit byte was below `c` (Anderson, *Bit Twiddling Hacks*, "Determine if a word has a byte
/// less than n"). The eight high bits are gathered into one byte by three shift-and-or steps. The
/// bitmap-then-iterate design is that of SIMD CSV parsers (Langdale & Lemire's simdjson technique,
/// as applied in simdcsv), done here in 64-bit words.
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

    /// The offset of the first candidate at or after `p`, or `count` if there is none.
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

    /// Moves the window to the first 64 bytes at or after `p` that hold a candidate.
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

    /// One bit per candidate byte of `p[0..<64]`, bit i for byte i.
    @inline(__always)
    static func mask64(_ p: UnsafePointer<UInt8>) -> UInt64 {
        var m: UInt64 = 0
        for i in 0..<8 { m |= mask8(p + 8 &* i) << UInt64(8 &* i) }
        return m
    }

    @inline(__always)
    static func mask8(_ p: UnsafePointer<UInt8>) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let w = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) | high
        let below0E = w &- ones &* 0x0E
        let below22 = w &- ones &* 0x22
        let below2D = w &- ones &* 0x2D
        var found = ((~below0E | (below22 & ~below2D)) & high) >> 7   // bit 8k: byte k is a candidate
        found |= found >> 7                                             // bits 8k, 8k+1: bytes k, k+1
        found |= found >> 14                                            // bits 8k…8k+3: bytes k…k+3
        found |= found >> 28                                            // bits 0…7: bytes 0…7
        return found & 0xFF
    }
}
