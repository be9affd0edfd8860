import Foundation

/// Profile-likelihood confidence limits for single coefficients (Venzon & Moolgavkar 1988,
/// *Applied Statistics* 37:87–94).
///
/// For coefficient j the limits solve r(b) = ±z, where r(b) = sign(b − β̂ⱼ) ·
/// √(2 [ℓ̂ − ℓₚ(b)]) is the signed root of the likelihood-ratio statistic and ℓₚ(b) is the
/// (penalised, with Firth) log-likelihood maximised over the other coefficients with βⱼ = b.
/// r is monotone and nearly linear, so the root is bracketed from the Wald limit outward and
/// refined by the Illinois variant of regula falsi (Dowell & Jarratt 1971) to |Δb| ≤
/// 1e-11 · (1 + |b|). A side on which 2 [ℓ̂ − ℓₚ] stays below z² out to |b − β̂ⱼ| = 40 is reported
/// as unbounded (±∞).
struct ProfileLikelihood {
    let estimator: IRLSEstimator
    let fit: IRLSEstimator.Evaluation
    /// z = √χ²₁,₁₋α.
    let criticalValue: Double

    /// The interval for coefficient `j`.
    func interval(coefficient j: Int, standardError: Double) throws -> LogScaleInterval {
        LogScaleInterval(lower: try limit(j, direction: -1, standardError: standardError),
                         upper: try limit(j, direction: 1, standardError: standardError))
    }

    private func limit(_ j: Int, direction: Double, standardError: Double) throws -> Double {
        let center = fit.beta[j]
        var warm = fit.beta
        // f(b) = |r(b)| − z, negative inside the interval.
        func f(_ b: Double) throws -> Double {
            let constrained = try estimator.fit(start: warm, fixed: [j: b])
            warm = constrained.evaluation.beta
            return max(0, 2 * (fit.objective - constrained.evaluation.objective)).squareRoot() - criticalValue
        }
        let step = criticalValue * (standardError.isFinite && standardError > 0 ? standardError : 1)
        var inside = center, fInside = -criticalValue
        var outside = center + direction * step
        var fOutside = try f(outside)
        var widen = 1.0
        while fOutside < 0 {
            inside = outside
            fInside = fOutside
            widen *= 2
            let next = center + direction * step * widen
            if abs(next - center) > 40 { return direction * .infinity }
            outside = next
            fOutside = try f(outside)
        }
        // Illinois regula falsi on [inside, outside].
        var side = 0
        for _ in 0..<200 {
            let b = outside - fOutside * (outside - inside) / (fOutside - fInside)
            let fb = try f(b)
            if fb == 0 { return b }
            if (fb < 0) {
                inside = b
                fInside = fb
                if side == -1 { fOutside /= 2 }
                side = -1
            } else {
                outside = b
                fOutside = fb
                if side == 1 { fInside /= 2 }
                side = 1
            }
            if abs(outside - inside) <= 1e-11 * (1 + abs(b)) || abs(fb) < 1e-13 { return b }
        }
        return inside + (outside - inside) / 2
    }
}
