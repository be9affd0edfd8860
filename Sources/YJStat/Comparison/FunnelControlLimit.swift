import Foundation

/// One exact control limit of a funnel plot for a discrete count, with the interpolation that
/// Spiegelhalter (2005) describes so that the limits form a smooth funnel.
///
/// For a count Y with distribution function F (binomial for proportions, Poisson for rates) and a
/// tail probability, let r be the quantile — the smallest r with F(r) ≥ p, where p is the lower
/// tail probability (0.001 or 0.025) or one minus the upper one (0.975 or 0.999). Then
///
///     α = (F(r) − p) / (F(r) − F(r − 1)),   limit count = r − α,
///
/// and the limit on the plotted scale is (r − α)/n for a proportion of n, or (r − α)/population × per
/// for a rate (Spiegelhalter 2005, "Funnel plots for comparing institutional performance",
/// *Statistics in Medicine* 24:1185–1202, Appendix A.1.1; the same interpolation serves the
/// Poisson case). The interpolated limit is continuous in the parameters even where F jumps.
/// Here F(r) − F(r − 1) is computed as P(Y = r), and for upper limits F(r) − p as q − P(Y > r)
/// with q the upper tail probability, which keeps full accuracy in the tails. A limit that the
/// interpolation puts below zero is reported as 0: that happens when r = 0, for a lower limit or,
/// when the expected count is tiny (P(Y ≥ 1) below the tail probability), for an upper one.
public enum FunnelControlLimit {
    /// Which side of the funnel.
    public enum Side: String, Sendable, Codable {
        /// The lower limit: probability `tail` of falling below.
        case lower
        /// The upper limit: probability `tail` of falling above.
        case upper
    }

    /// The interpolated limit count r − α for Y ~ Binomial(n, θ).
    ///
    /// Valid for n ≥ 1, 0 < θ < 1 and 0 < tail < ½; returns NaN outside that range.
    public static func binomialCount(trials n: Int, probability theta: Double, tail: Double, side: Side) -> Double {
        guard n >= 1, theta > 0, theta < 1, tail > 0, tail < 0.5 else { return .nan }
        let distribution = Binomial(trials: n, probability: theta)
        let nn = Double(n)
        return interpolated(tail: tail, side: side, guess: nn * theta, spread: (nn * theta * (1 - theta)).squareRoot(),
                            highest: n, pmf: distribution.pmf, cdf: distribution.cdf, sf: distribution.sf)
    }

    /// The interpolated limit count r − α for Y ~ Poisson(λ).
    ///
    /// Valid for 0 < λ < 10¹⁵ and 0 < tail < ½; returns NaN outside that range.
    public static func poissonCount(mean lambda: Double, tail: Double, side: Side) -> Double {
        guard lambda > 0, lambda < 1e15, tail > 0, tail < 0.5 else { return .nan }
        let distribution = Poisson(mean: lambda)
        return interpolated(tail: tail, side: side, guess: lambda, spread: lambda.squareRoot(), highest: Int.max,
                            pmf: distribution.pmf, cdf: distribution.cdf, sf: distribution.sf)
    }

    /// The limit on the proportion scale, (r − α)/n, at least 0.
    public static func proportion(trials n: Int, target theta: Double, tail: Double, side: Side) -> Double {
        max(0, binomialCount(trials: n, probability: theta, tail: tail, side: side) / Double(n))
    }

    /// The limit on the rate scale, (r − α)/population × per, at least 0, for a target rate
    /// `target` per `per`.
    public static func rate(population: Double, target: Double, per: Double, tail: Double, side: Side) -> Double {
        max(0, poissonCount(mean: target / per * population, tail: tail, side: side) / population * per)
    }

    static func interpolated(tail: Double, side: Side, guess: Double, spread: Double, highest: Int,
                             pmf: (Int) -> Double, cdf: (Int) -> Double, sf: (Int) -> Double) -> Double {
        // Is r a value whose distribution function reaches the target probability?
        let reaches: (Int) -> Bool = side == .lower ? { cdf($0) >= tail } : { sf($0) <= tail }
        let r = smallest(satisfying: reaches, guess: guess, spread: spread, highest: highest)
        let mass = pmf(r)
        guard mass > 0 else { return Double(r) }
        let excess = side == .lower ? cdf(r) - tail : tail - sf(r)
        return Double(r) - min(1, max(0, excess / mass))
    }

    /// The smallest integer r in 0…highest for which the monotone predicate holds (it holds at `highest`).
    static func smallest(satisfying holds: (Int) -> Bool, guess: Double, spread: Double, highest: Int) -> Int {
        let reach = 8 * spread + 4
        var low = guess - reach <= 0 ? 0 : Int(guess - reach)
        var high = guess + reach >= Double(highest) ? highest : Int((guess + reach).rounded(.up))
        var step = max(1, Int(reach))
        // Widen the bracket until holds(low − 1) is false (or low = 0) and holds(high) is true.
        while low > 0, holds(low - 1) {
            high = low - 1
            low = max(0, low - step)
            step = step > Int.max / 4 ? step : step * 2
        }
        while !holds(high) {
            if high == highest { return highest }
            low = high + 1
            let next = high.addingReportingOverflow(step)
            high = next.overflow || next.partialValue > highest ? highest : next.partialValue
            step = step > Int.max / 4 ? step : step * 2
        }
        // Bisection for the first r in low…high where holds(r).
        while low < high {
            let middle = low + (high - low) / 2
            if holds(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
