/// How an unrounded sample size becomes a whole number of cases.
///
/// Calculators differ: most round up (so the margin is at most the target), some round to the
/// nearest whole number. Either way a value that is a whole number apart from floating-point
/// rounding error is treated as that whole number: a computed 100.0000000001 is 100, not 101.
/// The tolerance is ``tolerance`` relative to the value (absolute for values below 1): a
/// thousand times the error of the formulas (a few units in the last place, ~1e-14 relative) and
/// far smaller than any real difference between inputs. It only matters where the unrounded
/// size is within 1e-11 of a whole number; for populations near a million that can shift the
/// first N at which a rule's size steps up by a fraction of one case.
public enum SampleSizeRounding: String, CaseIterable, Sendable, Codable {
    /// The smallest whole number not below the value: ⌈n⌉.
    case up
    /// The nearest whole number, halves rounded up: ⌊n + ½⌋.
    case nearest

    /// Relative tolerance within which a value counts as a whole number (or, for ``nearest``,
    /// as exactly half way): 1e-11.
    public static let tolerance = 1e-11

    /// Rounds a finite, non-negative value; negative or non-finite input gives 0.
    ///
    /// ```swift
    /// SampleSizeRounding.up.round(164.24)          // 165
    /// SampleSizeRounding.up.round(100.0000000001)  // 100
    /// SampleSizeRounding.nearest.round(62.39)      // 62
    /// SampleSizeRounding.nearest.round(2.4999999999999) // 3 (a half, up to rounding error)
    /// ```
    public func round(_ value: Double) -> Int {
        guard value.isFinite, value > 0 else { return 0 }
        let slack = Self.tolerance * max(1, value)
        let nearestWhole = value.rounded()
        if abs(value - nearestWhole) <= slack { return Int(nearestWhole) }
        switch self {
        case .up:
            return Int(value.rounded(.up))
        case .nearest:
            let half = value.rounded(.down) + 0.5
            if abs(value - half) <= slack { return Int(half.rounded(.up)) }
            return Int(value.rounded(.toNearestOrAwayFromZero))
        }
    }
}
