/// Which finite population correction turns the infinite-population sample size n₀ into a
/// sample size for a population of N cases.
///
/// Two different corrections are both called "Cochran's" in software, and they give different
/// answers for small populations, so yjstat always names the one it used:
///
/// | form | sample size | inverse: margin of error for a sample n |
/// |---|---|---|
/// | ``cochranA`` | n = n₀ / (1 + (n₀ − 1)/N) | e = z √(p(1−p)/n · (N − n)/(N − 1)) |
/// | ``cochranB`` | n = n₀ / (1 + n₀/N) | e = z √(p(1−p)/n · (1 − n/N)) |
/// | ``none`` | n = min(n₀, N) | e = z √(p(1−p)/n) |
///
/// Form A uses the exact variance of a sample proportion under simple random sampling without
/// replacement, p(1−p)/n · (N − n)/(N − 1) (Cochran 1977, *Sampling Techniques*, 3rd ed.,
/// eq. 3.8 and §4.4); it is what Raosoft, OpenEpi, Epi Info and R `epiR::epi.sssimpleestb` use.
/// Form B uses the approximation (1 − n/N) for the correction (Cochran 1977, eq. 4.2; R
/// `samplingbook::sample.size.prop`). Both are valid for N ≥ 1; they agree as N → ∞.
public enum FinitePopulationCorrection: String, CaseIterable, Sendable, Codable {
    /// n = n₀ / (1 + (n₀ − 1)/N), the exact inverse of the margin with (N − n)/(N − 1).
    case cochranA = "cochran-a"
    /// n = n₀ / (1 + n₀/N), the exact inverse of the margin with (1 − n/N).
    case cochranB = "cochran-b"
    /// No correction: n = n₀ (capped at N when a population is given).
    case none

    /// A short readable description, including the formula.
    public var displayName: String {
        switch self {
        case .cochranA: return "Cochran A: n0/(1+(n0-1)/N)"
        case .cochranB: return "Cochran B: n0/(1+n0/N)"
        case .none: return "no correction: n0"
        }
    }

    /// The corrected (unrounded) sample size for an infinite-population size `n0` and a
    /// population of `population` cases (`nil` for an infinite population, where every form
    /// returns `n0`). The ``none`` form is capped at N.
    public func correctedSize(infinitePopulationSize n0: Double, population: Int?) -> Double {
        guard let population else { return n0 }
        let N = Double(population)
        switch self {
        case .cochranA: return n0 / (1 + (n0 - 1) / N)
        case .cochranB: return n0 / (1 + n0 / N)
        case .none: return min(n0, N)
        }
    }

    /// The factor multiplying the infinite-population variance p(1−p)/n for a sample of `sample`
    /// cases from `population`: (N − n)/(N − 1) for form A (0 when N = 1), 1 − n/N for form B,
    /// 1 without correction or without a population.
    public func varianceFactor(sample: Int, population: Int?) -> Double {
        guard let population else { return 1 }
        let N = Double(population), n = Double(sample)
        switch self {
        case .cochranA: return population <= 1 ? 0 : max(0, (N - n) / (N - 1))
        case .cochranB: return max(0, 1 - n / N)
        case .none: return 1
        }
    }
}
