import YJStat

/// The one seeded generator of the tests: SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), the
/// library's own ``SyntheticExtract/RandomSource``, as in `YJStatTests/Support/SplitMix64.swift`.
typealias SplitMix64 = SyntheticExtract.RandomSource
