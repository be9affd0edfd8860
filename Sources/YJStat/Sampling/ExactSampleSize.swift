import Foundation

/// The exact sample size from the hypergeometric distribution, without the normal approximation.
///
/// A population of N cases holds K = ⌊pN⌋ "yes" cases (K = ⌊N/2⌋ at the default p = 0.5). A
/// simple random sample of n cases without replacement has X ~ Hypergeometric(N, K, n) yes
/// cases; the *coverage* of n is P(|X/n − K/N| ≤ e), the probability that the sample
/// proportion is within the margin of the population proportion. For an infinite population
/// X ~ Binomial(n, p) and the coverage is P(|X/n − p| ≤ e).
///
/// Because X is discrete the coverage is not monotone in n: it jumps up and down as values of
/// X enter and leave the window. So two sizes are reported: ``firstSufficient``, the smallest n
/// whose coverage is at least the confidence, and ``sufficientFromHere``, the smallest n such
/// that every n′ ≥ n has coverage at least the confidence.
///
/// Search bound: by Hoeffding's inequality, which holds for sampling without replacement too
/// (Hoeffding 1963, *JASA* 58:13–30, Theorem 1 and §6), P(|X/n − K/N| ≥ e) ≤ 2 exp(−2ne²), so
/// every n ≥ ln(2/α)/(2e²) meets confidence 1 − α; only smaller n (and n ≤ N) need checking.
///
/// Conventions: the boundary counts as within (≤), judged as |xN − Kn| ≤ e·n·N with a relative
/// slack of ``SampleSizeRounding/tolerance`` so that decimal margins such as 0.05 behave as their
/// decimal value; a coverage counts as meeting the confidence when it is at least the
/// confidence minus 1e-12 (coverages such as 4/5 can equal a confidence level exactly).
public struct ExactSampleSize: Sendable, Equatable, Codable {
    /// The precision aimed for.
    public let target: PrecisionTarget
    /// The population size N, or `nil` for an infinite population (binomial model).
    public let population: Int?
    /// The number of yes cases K = ⌊pN⌋ assumed in the population (`nil` when infinite).
    public let populationSuccesses: Int?
    /// The smallest n whose coverage meets the confidence.
    public let firstSufficient: Int
    /// The coverage at ``firstSufficient``.
    public let coverageAtFirst: Double
    /// The smallest n from which every larger n also meets the confidence.
    public let sufficientFromHere: Int
    /// The coverage at ``sufficientFromHere``.
    public let coverageFromHere: Double
    /// The largest n examined: min(N, Hoeffding bound).
    public let searchLimit: Int
    /// The assumptions and conventions used, in plain words.
    public let assumptions: [String]

    /// Largest number of sample sizes the search will examine; above it the problem is far into
    /// the range where the normal approximation is accurate and ``SampleSize`` should be used.
    public static let maximumSearch = 50_000

    /// Slack allowed when comparing a coverage with the confidence level.
    public static let coverageSlack = 1e-12

    /// The exact sample-size pair for `target` from `population` cases (`nil`: infinite).
    ///
    /// - Throws: ``InvalidArgumentError`` for a population below 1 (`population`), or when the
    ///   search would examine more than ``maximumSearch`` sample sizes (`margin`).
    /// - Complexity: O(e · L²) probability terms for a search limit L.
    public static func compute(target: PrecisionTarget, population: Int?) throws -> ExactSampleSize {
        if let population, population < 1 {
            throw InvalidArgumentError("population", "must be at least 1, got \(population)")
        }
        let alpha = 1 - target.confidence
        let hoeffding = log(2 / alpha) / (2 * target.margin * target.margin)
        let bound = hoeffding.isFinite ? Int(min(hoeffding.rounded(.up), Double(Int.max / 2))) : Int.max / 2
        let limit = max(1, min(population ?? bound, bound))
        guard limit <= maximumSearch else {
            throw InvalidArgumentError("margin", "the exact search would examine \(limit) sample sizes (more than \(maximumSearch)); use the normal approximation at this precision")
        }
        let successes = population.map { populationSuccesses(population: $0, proportion: target.proportion) }
        var first: (n: Int, coverage: Double)?
        var lastFailure = 0
        var coverages = [Double](repeating: 1, count: limit + 1)
        for n in 1...limit {
            let c = coverage(sample: n, population: population, successes: successes, proportion: target.proportion,
                             margin: target.margin)
            coverages[n] = c
            if c >= target.confidence - coverageSlack {
                if first == nil { first = (n, c) }
            } else {
                lastFailure = n
            }
        }
        // n = limit always meets the target: either n = N (coverage 1) or n ≥ the Hoeffding bound.
        let stable = lastFailure + 1
        let stableCoverage = stable <= limit ? coverages[stable] : 1
        let firstResult = first ?? (stable, stableCoverage)
        var assumptions = [
            "simple random sample without replacement",
            "within the margin means |X/n - K/N| <= e (boundary included)",
            "search up to n = \(limit) (Hoeffding bound ln(2/alpha)/(2e^2) = \(String(format: "%.1f", hoeffding)))",
        ]
        if let population, let successes {
            assumptions.insert("hypergeometric: K = floor(p*N) = \(successes) yes cases among N = \(population)", at: 0)
        } else {
            assumptions.insert("infinite population: binomial with p = \(target.proportion)", at: 0)
        }
        return ExactSampleSize(target: target, population: population, populationSuccesses: successes,
                               firstSufficient: firstResult.n, coverageAtFirst: firstResult.coverage,
                               sufficientFromHere: stable, coverageFromHere: stableCoverage, searchLimit: limit,
                               assumptions: assumptions)
    }

    /// K = ⌊pN⌋, treating pN within the rounding tolerance of a whole number as that number.
    public static func populationSuccesses(population: Int, proportion: Double) -> Int {
        let value = proportion * Double(population)
        let whole = value.rounded()
        if abs(value - whole) <= SampleSizeRounding.tolerance * max(1, value) { return Int(whole) }
        return Int(value.rounded(.down))
    }

    /// The coverage P(|X/n − K/N| ≤ e) for a sample of n from N with K yes cases (hypergeometric),
    /// or P(|X/n − p| ≤ e) with X ~ Binomial(n, p) when `population` is `nil`.
    ///
    /// Arguments are assumed valid (1 ≤ n ≤ N, 0 ≤ K ≤ N); the result is 0 for an empty window.
    public static func coverage(sample n: Int, population: Int?, successes: Int?, proportion: Double,
                                margin: Double) -> Double {
        let window = coverageWindow(sample: n, population: population, successes: successes, proportion: proportion,
                                    margin: margin)
        guard window.lowerBound <= window.upperBound else { return 0 }
        var total = 0.0
        if let population, let successes {
            let distribution = Hypergeometric(population: population, successes: successes, draws: n)
            for x in window.lowerBound...window.upperBound { total += distribution.pmf(x) }
        } else {
            let distribution = Binomial(trials: n, probability: proportion)
            for x in window.lowerBound...window.upperBound { total += distribution.pmf(x) }
        }
        return min(1, total)
    }

    /// The counts x in 0...n with |x/n − π| ≤ e (π = K/N or p), as a possibly empty range
    /// (lower > upper when empty).
    static func coverageWindow(sample n: Int, population: Int?, successes: Int?, proportion: Double,
                               margin: Double) -> (lowerBound: Int, upperBound: Int) {
        let slack = 1 + SampleSizeRounding.tolerance
        if let population, let successes {
            // |x·N − K·n| ≤ e·n·N, with the left side a whole number.
            let N = Double(population), center = Double(successes) * Double(n)
            let reach = (margin * Double(n) * N * slack).rounded(.down)
            let low = max(0, Int(((center - reach) / N).rounded(.up)))
            let high = min(n, Int(((center + reach) / N).rounded(.down)))
            // Guard the divisions above against rounding error by checking the integer condition.
            func inside(_ x: Int) -> Bool { abs(Double(x) * N - center) <= reach }
            var lo = low, hi = high
            while lo > 0, inside(lo - 1) { lo -= 1 }
            while lo <= hi, !inside(lo) { lo += 1 }
            while hi < n, inside(hi + 1) { hi += 1 }
            while hi >= lo, !inside(hi) { hi -= 1 }
            return (lo, hi)
        }
        let center = proportion * Double(n), reach = margin * Double(n) * slack
        var lo = max(0, Int((center - reach).rounded(.up)))
        var hi = min(n, Int((center + reach).rounded(.down)))
        while lo <= hi, abs(Double(lo) - center) > reach { lo += 1 }
        while hi >= lo, abs(Double(hi) - center) > reach { hi -= 1 }
        return (lo, hi)
    }
}
