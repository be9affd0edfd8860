import Foundation

/// The error distribution and canonical link of a generalised linear model on covariate
/// patterns (McCullagh & Nelder, *Generalized Linear Models*, 2nd ed. (1989), ch. 2, 4, 6).
public enum GLMFamily: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Binomial outcome yᵢ of nᵢ trials with the logit link: log(pᵢ / (1 − pᵢ)) = xᵢβ.
    /// exp(βⱼ) is an odds ratio.
    case binomial
    /// Poisson count yᵢ with exposure Eᵢ and the log link: log μᵢ = log Eᵢ + xᵢβ.
    /// exp(βⱼ) is a rate ratio.
    case poisson

    /// What exp(coefficient) is called: `odds ratio` or `rate ratio`.
    public var ratioName: String { self == .binomial ? "odds ratio" : "rate ratio" }

    /// The offset log Eᵢ for Poisson; 0 for binomial (nᵢ enters through the mean).
    func offset(denominator: Double) -> Double { self == .binomial ? 0 : Foundation.log(denominator) }

    /// For linear predictor η and denominator d: the mean μ, the IRLS weight w = Var(y) (the
    /// Fisher information per unit of η for a canonical link), and the Firth factor
    /// κ₃ / (2w), where κ₃ = dw/dη: ½ − p for the logit, ½ for the log link (Firth 1993,
    /// Biometrika 80:27–38; Kosmidis & Firth 2009).
    @inline(__always)
    func moments(eta: Double, denominator d: Double) -> (mean: Double, weight: Double, firthFactor: Double) {
        switch self {
        case .binomial:
            let p = eta >= 0 ? 1 / (1 + Foundation.exp(-eta)) : Foundation.exp(eta) / (1 + Foundation.exp(eta))
            let q = eta >= 0 ? Foundation.exp(-eta) / (1 + Foundation.exp(-eta)) : 1 / (1 + Foundation.exp(eta))
            return (d * p, d * p * q, 0.5 - p)
        case .poisson:
            let mu = Foundation.exp(eta)
            return (mu, mu, 0.5)
        }
    }

    /// The log-likelihood contribution of one pattern. Binomial: y log p + (n − y) log(1 − p),
    /// the sum over its records of the Bernoulli log-likelihood (no binomial coefficient), so it
    /// equals the log-likelihood of a fit to the individual records. Poisson:
    /// y log μ − μ − log y!.
    @inline(__always)
    func logLikelihood(outcome y: Double, denominator d: Double, eta: Double) -> Double {
        switch self {
        case .binomial:
            // log p = −log(1 + e^(−η)), log(1 − p) = −log(1 + e^η), both computed stably.
            let logP = -softplus(-eta), logQ = -softplus(eta)
            return (y > 0 ? y * logP : 0) + (d - y > 0 ? (d - y) * logQ : 0)
        case .poisson:
            return (y > 0 ? y * eta : 0) - Foundation.exp(eta) - Foundation.lgamma(y + 1)
        }
    }

    /// The unit deviance 2 [ℓ(saturated) − ℓ(fitted)] of one pattern with mean μ.
    /// Binomial: 2 [y log(y/μ) + (n − y) log((n − y)/(n − μ))]; Poisson: 2 [y log(y/μ) − (y − μ)].
    func deviance(outcome y: Double, denominator d: Double, mean mu: Double) -> Double {
        func ylogy(_ a: Double, _ b: Double) -> Double { a > 0 ? a * Foundation.log(a / b) : 0 }
        switch self {
        case .binomial: return 2 * (ylogy(y, mu) + ylogy(d - y, d - mu))
        case .poisson: return 2 * (ylogy(y, mu) - (y - mu))
        }
    }

    private func softplus(_ x: Double) -> Double {
        x > 0 ? x + Foundation.log1p(Foundation.exp(-x)) : Foundation.log1p(Foundation.exp(x))
    }
}
