import Foundation

/// Mantel–Haenszel analysis of a group against a reference across strata (for example age band
/// × sex): pooled risk and odds ratios with intervals, the Cochran–Mantel–Haenszel test of no
/// association and the Breslow–Day test that the odds ratio is the same in every stratum.
///
/// Notation for stratum i: cells aᵢ, bᵢ, cᵢ, dᵢ, row totals n₁ᵢ = aᵢ + bᵢ and n₀ᵢ = cᵢ + dᵢ, event
/// total m₁ᵢ = aᵢ + cᵢ, non-event total m₀ᵢ, and Nᵢ. Strata in which the group or the reference has
/// no children carry no information and are left out (``droppedStrata`` counts them).
public struct MantelHaenszel: Sendable, Equatable, Codable {
    /// Pooled risk ratio RR_MH = Σ aᵢn₀ᵢ/Nᵢ ÷ Σ cᵢn₁ᵢ/Nᵢ with the Greenland–Robins (1985,
    /// *Biometrics* 41:55–68) interval: Var(log RR_MH) = Σ (n₁ᵢn₀ᵢm₁ᵢ − aᵢcᵢNᵢ)/Nᵢ² ÷ (R·S),
    /// R and S being the numerator and denominator sums. Valid in sparse strata and large strata.
    public var riskRatio: RatioEstimate
    /// Pooled odds ratio OR_MH = Σ aᵢdᵢ/Nᵢ ÷ Σ bᵢcᵢ/Nᵢ with the Robins–Breslow–Greenland (1986,
    /// *Biometrics* 42:311–323) variance of log OR_MH.
    public var oddsRatio: RatioEstimate
    /// Cochran–Mantel–Haenszel statistic (|Σaᵢ − ΣE aᵢ| − k)² / Σ Var aᵢ with E aᵢ = n₁ᵢm₁ᵢ/Nᵢ and
    /// Var aᵢ = n₁ᵢn₀ᵢm₁ᵢm₀ᵢ/(Nᵢ²(Nᵢ − 1)); k = 0.5 with the continuity correction, else 0.
    /// Chi-squared with 1 degree of freedom under no association (Mantel & Haenszel 1959).
    public var cmhStatistic: Double
    /// Upper-tail p-value of ``cmhStatistic``.
    public var cmhPValue: Double
    /// Whether the CMH statistic used the 0.5 continuity correction.
    public var cmhContinuityCorrection: Bool
    /// Breslow–Day statistic Σ (aᵢ − âᵢ)²/V̂ᵢ, âᵢ being the aᵢ that gives stratum i the odds ratio
    /// OR_MH with its margins fixed and V̂ᵢ = 1/(1/âᵢ + 1/b̂ᵢ + 1/ĉᵢ + 1/d̂ᵢ), minus Tarone's (1985,
    /// *Biometrika* 72:91–95) correction (Σaᵢ − Σâᵢ)²/ΣV̂ᵢ when ``breslowDayTarone`` is true.
    /// Chi-squared with (informative strata − 1) degrees of freedom under homogeneity (Breslow &
    /// Day 1980). Only informative strata enter: a stratum whose event or non-event margin is zero
    /// has a single possible table, carries no information on the odds ratio and is left out
    /// (``uninformativeStrata``), with one fewer degree of freedom.
    public var breslowDayStatistic: Double
    /// Upper-tail p-value of ``breslowDayStatistic``; NaN with fewer than two informative strata.
    public var breslowDayPValue: Double
    /// Degrees of freedom of the Breslow–Day test: informative strata − 1 (0 when it is undefined).
    public var breslowDayDegreesOfFreedom: Int
    /// Indices (into the `tables` given) of the strata left out of the Breslow–Day test as
    /// uninformative: an empty row, or a zero event or non-event margin.
    public var uninformativeStrata: [Int]
    /// Whether any stratum used has an expected cell count under 5 (n₁ᵢm₁ᵢ/Nᵢ and the other three
    /// cells under independence); the CMH and Breslow–Day chi-squared approximations are then
    /// doubtful (Breslow & Day 1980, §4.4).
    public var sparse: Bool
    /// Whether Tarone's correction was applied to the Breslow–Day statistic.
    public var breslowDayTarone: Bool
    /// Number of strata used.
    public var strata: Int
    /// Number of strata left out because the group or the reference had no children.
    public var droppedStrata: Int

    /// Computes the analysis.
    ///
    /// - Parameters:
    ///   - tables: One 2×2 table per stratum (group row first).
    ///   - confidence: Two-sided level for the pooled ratios.
    ///   - continuityCorrection: Apply 0.5 to the CMH statistic (R `mantelhaen.test` default true;
    ///     statsmodels `test_null_odds` default false).
    ///   - tarone: Apply Tarone's correction to the Breslow–Day statistic (statsmodels
    ///     `test_equal_odds(adjust=True)`).
    /// - Throws: ``InvalidArgumentError`` for an empty list or a bad confidence level.
    public init(tables: [TwoByTwoTable], confidence: Double, continuityCorrection: Bool = false, tarone: Bool = true) throws {
        try InvalidArgumentError.checkConfidence(confidence)
        let used = tables.filter { $0.groupTotal > 0 && $0.referenceTotal > 0 }
        guard !used.isEmpty else { throw InvalidArgumentError("tables", "no stratum has children in both rows") }
        strata = used.count
        droppedStrata = tables.count - used.count
        cmhContinuityCorrection = continuityCorrection
        breslowDayTarone = tarone

        var rrNumerator = 0.0, rrDenominator = 0.0, rrVarianceSum = 0.0
        var orR = 0.0, orS = 0.0, pr = 0.0, psqr = 0.0, qs = 0.0
        var sumA = 0.0, sumExpected = 0.0, sumVariance = 0.0
        for t in used {
            let a = Double(t.a), b = Double(t.b), c = Double(t.c), d = Double(t.d)
            let n1 = a + b, n0 = c + d, m1 = a + c, m0 = b + d, n = n1 + n0
            rrNumerator += a * n0 / n
            rrDenominator += c * n1 / n
            rrVarianceSum += (n1 * n0 * m1 - a * c * n) / (n * n)
            let r = a * d / n, s = b * c / n, p = (a + d) / n, q = (b + c) / n
            orR += r; orS += s
            pr += p * r; psqr += p * s + q * r; qs += q * s
            sumA += a
            sumExpected += n1 * m1 / n
            if n > 1 { sumVariance += n1 * n0 * m1 * m0 / (n * n * (n - 1)) }
        }
        let rr = rrNumerator / rrDenominator
        let rrSE = (rrVarianceSum / (rrNumerator * rrDenominator)).squareRoot()
        let rrBounds = TwoByTwoTable.logInterval(rr, rrSE, confidence)
        riskRatio = RatioEstimate(estimate: rr, lower: rrBounds.0, upper: rrBounds.1, confidence: confidence,
                                  method: .mantelHaenszelGreenlandRobins,
                                  assumptions: ["common risk ratio across strata", "Greenland-Robins variance of log RR_MH",
                                                "normal approximation to log RR_MH"])
        let or = orR / orS
        let orVariance = pr / (2 * orR * orR) + psqr / (2 * orR * orS) + qs / (2 * orS * orS)
        let orBounds = TwoByTwoTable.logInterval(or, orVariance.squareRoot(), confidence)
        oddsRatio = RatioEstimate(estimate: or, lower: orBounds.0, upper: orBounds.1, confidence: confidence,
                                  method: .mantelHaenszelRobinsBreslowGreenland,
                                  assumptions: ["common odds ratio across strata", "Robins-Breslow-Greenland variance of log OR_MH"])
        let deviation = max(0, abs(sumA - sumExpected) - (continuityCorrection ? 0.5 : 0))
        cmhStatistic = sumVariance > 0 ? deviation * deviation / sumVariance : .nan
        cmhPValue = cmhStatistic.isNaN ? .nan : ChiSquared(degreesOfFreedom: 1).sf(cmhStatistic)

        // Breslow–Day: fitted a under the common odds ratio OR_MH, stratum by stratum, over the
        // informative strata (both margins non-zero, so the support of a has more than one value).
        func informative(_ t: TwoByTwoTable) -> Bool {
            t.groupTotal > 0 && t.referenceTotal > 0 && t.a + t.c > 0 && t.b + t.d > 0
        }
        uninformativeStrata = tables.indices.filter { !informative(tables[$0]) }
        let informativeTables = used.filter(informative)
        sparse = used.contains { t in
            let n1 = Double(t.groupTotal), n0 = Double(t.referenceTotal), m1 = Double(t.a + t.c), m0 = Double(t.b + t.d)
            let n = n1 + n0
            return min(n1 * m1, n1 * m0, n0 * m1, n0 * m0) / n < 5
        }
        var bd = 0.0, fittedSum = 0.0, fittedVariance = 0.0, informativeSumA = 0.0
        var defined = or.isFinite && or > 0
        if defined {
            for t in informativeTables {
                let n1 = Double(t.groupTotal), n0 = Double(t.referenceTotal), m1 = Double(t.a + t.c)
                guard let fitted = Self.fittedCell(oddsRatio: or, groupTotal: n1, referenceTotal: n0, events: m1) else {
                    defined = false; break
                }
                let variance = 1 / (1 / fitted + 1 / (n1 - fitted) + 1 / (m1 - fitted) + 1 / (n0 - m1 + fitted))
                guard variance > 0, variance.isFinite else { defined = false; break }
                bd += (Double(t.a) - fitted) * (Double(t.a) - fitted) / variance
                informativeSumA += Double(t.a)
                fittedSum += fitted
                fittedVariance += variance
            }
        }
        if defined && informativeTables.count >= 2 {
            if tarone { bd -= (informativeSumA - fittedSum) * (informativeSumA - fittedSum) / fittedVariance }
            breslowDayStatistic = bd
            breslowDayDegreesOfFreedom = informativeTables.count - 1
            breslowDayPValue = ChiSquared(degreesOfFreedom: Double(informativeTables.count - 1)).sf(bd)
        } else {
            breslowDayStatistic = .nan
            breslowDayDegreesOfFreedom = 0
            breslowDayPValue = .nan
        }
    }

    /// The a that gives a stratum with margins (n₁, n₀, m₁) the odds ratio ψ: the root of
    /// (1 − ψ)x² + (n₀ − m₁ + ψ(n₁ + m₁))x − ψn₁m₁ = 0 inside (max(0, m₁ − n₀), min(n₁, m₁)).
    static func fittedCell(oddsRatio psi: Double, groupTotal n1: Double, referenceTotal n0: Double, events m1: Double) -> Double? {
        let low = max(0, m1 - n0), high = min(n1, m1)
        guard high > low else { return nil }
        // f(x) = x(n₀ − m₁ + x) − ψ(n₁ − x)(m₁ − x) increases from ≤ 0 at `low` to ≥ 0 at `high`.
        let f: (Double) -> Double = { x in x * (n0 - m1 + x) - psi * (n1 - x) * (m1 - x) }
        return RootFinder.bisect(lower: low, upper: high, relativeTolerance: 1e-16, f)
    }
}
