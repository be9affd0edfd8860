import YJStat

/// The one seeded generator of the tests: SplitMix64 (Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014), the library's own
/// ``SyntheticExtract/RandomSource``, so that every random table, mutation and fuzz case is
/// reproducible from its seed and the algorithm is written once.
typealias SplitMix64 = SyntheticExtract.RandomSource
