/// How far a key question's rating can be trusted: for k "yes" of n relevant cases sampled from
/// N relevant cases, the probability that the population proportion lies in each rating band.
///
/// Model (Bayesian, stated): the population's yes cases are exchangeable with a Beta(a, b)
/// prior (``BandPrior``: uniform a = b = 1, or Jeffreys a = b = ½) on their underlying rate.
/// After seeing k of n, the number Y of yes cases among the N − n unsampled cases is
/// beta-binomial, Y ~ BetaBinomial(N − n, a + k, b + n − k):
/// P(Y = y) = C(N−n, y) B(y + a + k, N − n − y + b + n − k) / B(a + k, b + n − k),
/// and the population proportion is (k + Y)/N, whose band is judged exactly in whole numbers.
/// With no population size (infinite) the proportion θ ~ Beta(a + k, b + n − k) and
/// P(θ < t) = I_t(a + k, b + n − k), the regularized incomplete beta function.
/// Source: Gelman et al. (2013), *Bayesian Data Analysis*, 3rd ed., §2.4 and §8.3 (finite
/// population inference); Ericson (1969), *JRSS B* 31:195–233. Valid for 0 ≤ k ≤ n ≤ N.
/// The beta-binomial probabilities come from the ratio of successive terms, normalised to sum
/// to 1 (relative error about 1e-14 over 10,000 terms).
public struct BandConfidence: Sendable, Equatable, Codable {
    /// Yes cases k.
    public let successes: Int
    /// Relevant cases in the sample n.
    public let sample: Int
    /// Relevant cases in the population N, or `nil` for an infinite population.
    public let population: Int?
    /// The prior used.
    public let prior: BandPrior
    /// The band of the observed fraction k/n (index into the scale).
    public let observedBand: Int
    /// The band names, observed band and probabilities, lowest band first.
    public let bands: [BandProbability]
    /// The assumptions used, in plain words.
    public let assumptions: [String]

    /// The probability that the population proportion is in the same band as the sample's.
    public var probabilityObservedBand: Double { bands[observedBand].probability }

    /// Band probabilities for k yes of n sampled from `population` relevant cases (`nil`: infinite).
    ///
    /// Up to ``BandTailProbabilities/maximumVectorSupport`` unsampled cases the beta-binomial is
    /// summed exactly; above it the unsampled share is taken as Beta(α, β) (the beta-binomial's
    /// limit, error of order 1/m), which the assumptions then name.
    ///
    /// - Throws: ``InvalidArgumentError`` for n < 1 or k outside 0…n, or a population below the sample.
    public static func compute(successes k: Int, sample n: Int, population: Int?, prior: BandPrior = .uniform,
                               scale: RatingBandScale = .youthInspection) throws -> BandConfidence {
        guard n >= 1 else { throw InvalidArgumentError("sample", "must be at least 1, got \(n)") }
        guard k >= 0 else { throw InvalidArgumentError("successes", "must not be negative, got \(k)") }
        guard k <= n else { throw InvalidArgumentError("successes", "\(k) is more than the \(n) sampled cases") }
        if let population, population < n {
            throw InvalidArgumentError("population", "\(population) is smaller than the sample of \(n)")
        }
        let (a, b) = prior.parameters
        let alpha = a + Double(k), beta = b + Double(n - k)
        var probabilities = [Double](repeating: 0, count: scale.names.count)
        var assumptions = ["prior Beta(\(a), \(b)) (\(prior.rawValue))", "sampled cases exchangeable with the unsampled ones"]
        if let N = population {
            let m = N - n
            if m == 0 {
                probabilities[scale.band(k, of: N)] = 1
            } else if m > BandTailProbabilities.maximumVectorSupport {
                // Y/m → Beta(α, β) as m grows (error O(1/m)); P(Y ≥ y) ≈ 1 − I_{(y − ½)/m}(α, β).
                probabilities = BandTailProbabilities.probabilities(scale: scale, denominator: N, offset: k) { y in
                    if y <= 0 { return 1 }
                    if y > m { return 0 }
                    return 1 - SpecialFunctions.regularizedIncompleteBeta(a: alpha, b: beta, x: (Double(y) - 0.5) / Double(m))
                }
                assumptions.append("more than \(BandTailProbabilities.maximumVectorSupport) unsampled cases: beta approximation to the beta-binomial (error of order 1/\(m))")
            } else {
                let (support, weights) = ProbabilityVector.betaBinomial(trials: m, alpha: alpha, beta: beta)
                for (y, weight) in zip(support, weights) { probabilities[scale.band(k + y, of: N)] += weight }
            }
            assumptions.append("unsampled yes cases beta-binomial over the \(m) unsampled of \(N) relevant cases")
        } else {
            var below = 0.0
            for (index, threshold) in scale.thresholds.enumerated() {
                let cumulative = SpecialFunctions.regularizedIncompleteBeta(a: alpha, b: beta, x: Double(threshold) / 100)
                probabilities[index] = max(0, cumulative - below)
                below = cumulative
            }
            probabilities[scale.thresholds.count] = max(0, 1 - below)
            assumptions.append("infinite population: proportion Beta(\(alpha), \(beta)) a posteriori")
        }
        let bands = scale.names.indices.map {
            BandProbability(band: scale.names[$0], range: scale.rangeText($0), probability: probabilities[$0])
        }
        return BandConfidence(successes: k, sample: n, population: population, prior: prior,
                              observedBand: scale.band(k, of: n), bands: bands, assumptions: assumptions)
    }
}
