/// SplitMix64, the one seeded pseudorandom generator of yjstat: random rounding of published
/// counts (``CountRounding``), the synthetic extracts of `yjstat synth`, and every random table,
/// mutation and fuzz case of the tests, so that each is reproducible from its seed.
///
/// A 64-bit counter advanced by the golden-ratio increment `0x9E3779B97F4A7C15` and scrambled by
/// two xor-shift-multiply rounds (Steele, Lea & Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; the constants of Vigna's `splitmix64.c`). Period 2⁶⁴; every seed,
/// including 0, is valid. Deterministic and platform independent. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed (any 64-bit value).
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// Complexity: O(1).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 random bits: `(next() >> 11) · 2⁻⁵³`.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
