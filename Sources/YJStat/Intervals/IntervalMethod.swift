/// The methods ``ProportionInterval`` offers for a confidence interval on a proportion.
///
/// Names are the command-line spellings (`--method wilson-cc`). Brown, Cai & DasGupta (2001),
/// "Interval estimation for a binomial proportion", *Statistical Science* 16(2):101–133, compare
/// them: Wilson and Jeffreys keep close to nominal coverage for small samples, Wald does not.
public enum IntervalMethod: String, CaseIterable, Codable, Sendable {
    /// Normal approximation around the sample proportion.
    case wald
    /// Score interval (Wilson 1927).
    case wilson
    /// Score interval with continuity correction (Newcombe 1998, method 4).
    case wilsonContinuityCorrected = "wilson-cc"
    /// Agresti–Coull "add z²/2 successes and failures" interval (Agresti & Coull 1998).
    case agrestiCoull = "agresti-coull"
    /// Equal-tailed Bayesian interval under the Jeffreys Beta(½, ½) prior.
    case jeffreys
    /// Exact binomial interval (Clopper & Pearson 1934).
    case clopperPearson = "clopper-pearson"
    /// Mid-p exact binomial interval (Lancaster 1961; Berry & Armitage 1995).
    case midP = "mid-p"
    /// Exact interval for a sample drawn without replacement from a finite population,
    /// inverting the hypergeometric distribution over the population count (Buonaccorsi 1987; Wright 1991).
    case hypergeometric
    /// Wald interval with the finite population correction (1 − n/N) (Cochran 1977, §3.3).
    case finitePopulationWald = "fpc-wald"

    /// Whether the method needs the population size N.
    public var needsPopulation: Bool { self == .hypergeometric || self == .finitePopulationWald }

    /// A readable name for reports.
    public var displayName: String {
        switch self {
        case .wald: return "Wald"
        case .wilson: return "Wilson score"
        case .wilsonContinuityCorrected: return "Wilson score with continuity correction"
        case .agrestiCoull: return "Agresti–Coull"
        case .jeffreys: return "Jeffreys"
        case .clopperPearson: return "Clopper–Pearson exact"
        case .midP: return "Mid-p exact"
        case .hypergeometric: return "Exact hypergeometric (finite population)"
        case .finitePopulationWald: return "Wald with finite population correction"
        }
    }
}
