import Foundation

/// "Nice" axis tick values: round numbers (1, 2 or 5 times a power of ten) that cover a range.
///
/// Linear ticks follow Heckbert's "Nice numbers for graph labels" (*Graphics Gems*, 1990): the
/// step is the nice number nearest range/(count − 1), and the axis runs from the multiple of the
/// step at or below the minimum to the one at or above the maximum. Logarithmic ticks are 1, 2
/// and 5 times powers of ten (or powers of ten alone when they are enough).
public struct AxisTicks: Sendable, Equatable {
    /// The tick values, ascending; the first and last are the axis ends.
    public let values: [Double]
    /// The spacing of linear ticks (0 for logarithmic ticks).
    public let step: Double
    /// Decimals needed to print every tick distinctly.
    public let decimals: Int

    /// The axis start.
    public var lower: Double { values.first ?? 0 }
    /// The axis end.
    public var upper: Double { values.last ?? 1 }

    /// About `count` linear ticks covering [minimum, maximum]; a zero-width range is widened.
    public static func linear(minimum: Double, maximum: Double, count: Int = 6) -> AxisTicks {
        var low = minimum.isFinite ? minimum : 0, high = maximum.isFinite ? maximum : 1
        if high < low { swap(&low, &high) }
        if high - low < 1e-12 * max(1, abs(high)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad; high += pad
        }
        let range = nice(high - low, round: false)
        let step = nice(range / Double(max(1, count - 1)), round: true)
        let start = (low / step).rounded(.down) * step
        let end = (high / step).rounded(.up) * step
        var values: [Double] = []
        var i = 0.0
        while start + i * step <= end + step * 1e-9, values.count < 100 {
            let value = start + i * step
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            i += 1
        }
        let decimals = max(0, -Int(Foundation.log10(step).rounded(.down)))
        return AxisTicks(values: values, step: step, decimals: decimals)
    }

    /// Logarithmic ticks covering [minimum, maximum] (both > 0).
    public static func logarithmic(minimum: Double, maximum: Double) -> AxisTicks {
        var low = minimum > 0 && minimum.isFinite ? minimum : 0.1
        var high = maximum > 0 && maximum.isFinite ? maximum : 10
        if high < low { swap(&low, &high) }
        if high / low < 1.5 { low /= 1.25; high *= 1.25 }
        let first = Int(Foundation.log10(low).rounded(.down)), last = Int(Foundation.log10(high).rounded(.up))
        let multipliers: [Double] = last - first > 3 ? [1] : [1, 2, 5]
        var candidates: [Double] = []
        for exponent in first...last {
            for m in multipliers { candidates.append(m * Foundation.pow(10, Double(exponent))) }
        }
        let below = candidates.last { $0 <= low } ?? candidates[0]
        let above = candidates.first { $0 >= high } ?? candidates[candidates.count - 1]
        let values = candidates.filter { $0 >= below && $0 <= above }
        let smallest = values.first ?? 1
        let decimals = max(0, -Int(Foundation.log10(smallest).rounded(.down)))
        return AxisTicks(values: values, step: 0, decimals: decimals)
    }

    /// Heckbert's nice number: 1, 2, 5 or 10 times a power of ten, rounded (or the ceiling) of x.
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = Foundation.log10(x).rounded(.down)
        let fraction = x / Foundation.pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * Foundation.pow(10, exponent)
    }
}
