/// How often a sample design gives the wrong rating band: for a sample of n cases from N and a
/// true population proportion, the exact probability of each observed band.
///
/// The population holds K = round(P·N) yes cases (nearest whole number, halves up); the sample's
/// yes count is X ~ Hypergeometric(N, K, n), and the observed band is the band of X/n, judged
/// exactly in whole numbers. For an infinite population X ~ Binomial(n, P). The probability of
/// a wrong band is 1 − P(observed band = band of K/N). Exact up to rounding: the probabilities
/// come from the ratio of successive terms, normalised to sum to 1. Valid for 1 ≤ n ≤ N and
/// P in [0, 1].
public struct DesignRisk: Sendable, Equatable, Codable {
    /// The sample size n.
    public let sample: Int
    /// The population size N, or `nil` for an infinite population.
    public let population: Int?
    /// Yes cases K in the population (`nil` when infinite).
    public let populationSuccesses: Int?
    /// The true proportion used: K/N, or P for an infinite population.
    public let trueProportion: Double
    /// The band of the true proportion.
    public let trueBand: Int
    /// Probability of each observed band, lowest band first.
    public let bands: [BandProbability]

    /// The probability that the sample shows a band other than the true one.
    public var probabilityWrongBand: Double {
        bands.indices.filter { $0 != trueBand }.reduce(0) { $0 + bands[$1].probability }
    }

    /// Band probabilities for a design and one true proportion.
    ///
    /// Samples up to ``BandTailProbabilities/maximumVectorSupport`` sum the probability of every
    /// outcome; larger ones take each band from the exact upper tail (binomial through the
    /// incomplete beta function, hypergeometric by tail summation), in memory independent of n.
    ///
    /// - Throws: ``InvalidArgumentError`` for n < 1 (`sample`), N < 1 (`population`), n > N
    ///   (`sample`), or a proportion outside [0, 1] (`trueProportion`).
    public static func compute(sample n: Int, population: Int?, trueProportion: Double,
                               scale: RatingBandScale = .youthInspection) throws -> DesignRisk {
        guard n >= 1 else { throw InvalidArgumentError("sample", "must be at least 1, got \(n)") }
        if let population {
            guard population >= 1 else { throw InvalidArgumentError("population", "must be at least 1, got \(population)") }
            guard n <= population else { throw InvalidArgumentError("sample", "\(n) is more than the population of \(population)") }
        }
        guard trueProportion >= 0, trueProportion <= 1 else {
            throw InvalidArgumentError("trueProportion", "must be between 0 and 1, got \(trueProportion)")
        }
        var probabilities = [Double](repeating: 0, count: scale.names.count)
        let K: Int?, proportion: Double, trueBand: Int
        if let N = population {
            let successes = SampleSizeRounding.nearest.round(trueProportion * Double(N))
            K = successes
            proportion = Double(successes) / Double(N)
            trueBand = scale.band(successes, of: N)
            let distribution = Hypergeometric(population: N, successes: successes, draws: n)
            if let support = distribution.support, support.count > BandTailProbabilities.maximumVectorSupport {
                probabilities = BandTailProbabilities.probabilities(scale: scale, denominator: n, offset: 0) { x in
                    x <= support.lowerBound ? 1 : distribution.sf(x - 1)
                }
            } else {
                let (support, weights) = ProbabilityVector.hypergeometric(population: N, successes: successes, draws: n)
                for (x, weight) in zip(support, weights) { probabilities[scale.band(x, of: n)] += weight }
            }
        } else {
            K = nil
            proportion = trueProportion
            trueBand = scale.band(ofProportion: trueProportion)
            if n >= BandTailProbabilities.maximumVectorSupport && trueProportion > 0 && trueProportion < 1 {
                // P(X ≥ x) = I_p(x, n − x + 1) for 1 ≤ x ≤ n.
                probabilities = BandTailProbabilities.probabilities(scale: scale, denominator: n, offset: 0) { x in
                    if x <= 0 { return 1 }
                    if x > n { return 0 }
                    return SpecialFunctions.regularizedIncompleteBeta(a: Double(x), b: Double(n - x + 1), x: trueProportion)
                }
            } else {
                let (support, weights) = ProbabilityVector.binomial(trials: n, probability: trueProportion)
                for (x, weight) in zip(support, weights) { probabilities[scale.band(x, of: n)] += weight }
            }
        }
        let bands = scale.names.indices.map {
            BandProbability(band: scale.names[$0], range: scale.rangeText($0), probability: probabilities[$0])
        }
        return DesignRisk(sample: n, population: population, populationSuccesses: K, trueProportion: proportion,
                          trueBand: trueBand, bands: bands)
    }

    /// True proportions at and around each band boundary of the youth inspection scale: each
    /// boundary, one and five points either side, plus 0.40 and 0.90.
    public static let boundaryGrid: [Double] = [0.40, 0.45, 0.49, 0.50, 0.51, 0.55, 0.60, 0.64, 0.65, 0.66,
                                                0.70, 0.75, 0.79, 0.80, 0.81, 0.85, 0.90]

    /// Band probabilities for a design across true proportions (default ``boundaryGrid``);
    /// proportions that give the same K in a finite population appear once.
    public static func table(sample n: Int, population: Int?, trueProportions: [Double] = boundaryGrid,
                             scale: RatingBandScale = .youthInspection) throws -> [DesignRisk] {
        var seen = Set<Int>()
        var rows: [DesignRisk] = []
        for p in trueProportions {
            let risk = try compute(sample: n, population: population, trueProportion: p, scale: scale)
            if let K = risk.populationSuccesses {
                if seen.contains(K) { continue }
                seen.insert(K)
            }
            rows.append(risk)
        }
        return rows
    }
}
