import Foundation

/// Both tails of a continuous distribution function at a point, with their logarithms and the
/// log of the density factor that is the derivative of the lower tail in the solver's variable.
protocol LogTailPair {
    /// The lower tail F.
    var lower: Double { get }
    /// The upper tail 1 − F.
    var upper: Double { get }
    /// log F.
    var logLower: Double { get }
    /// log(1 − F).
    var logUpper: Double { get }
    /// log(dF/du) for the solver's variable u (logit x for the beta, log x for the gamma).
    var logPrefactor: Double { get }
}

extension IncompleteBetaTails: LogTailPair {}
extension IncompleteGammaTails: LogTailPair {}

extension SpecialFunctions {
    /// One Newton step in the solver's variable u for log T(u) = log target, where T is the lower
    /// tail F or, with `solveUpper`, the upper tail 1 − F:
    ///
    ///     step = −(log T − log target) / (d log T/du),   d log T/du = ±exp(logPrefactor − log T),
    ///
    /// clamped to [−50, 50] (each step at most e⁵⁰ in x for a log-scale variable). Working on
    /// log T makes the step well scaled from 1e-300 to 1 − 1e-16; the residual is formed as in
    /// ``logResidual(tail:logTail:target:logTarget:)``.
    ///
    /// - Returns: The step, or nil when it is not finite (the solver then stops where it is).
    static func logTailNewtonStep(_ tails: some LogTailPair, solveUpper: Bool, target: Double, logTarget: Double) -> Double? {
        let logTail = solveUpper ? tails.logUpper : tails.logLower
        let tail = solveUpper ? tails.upper : tails.lower
        var slope = Foundation.exp(tails.logPrefactor - logTail)
        if solveUpper { slope = -slope }
        let residual = logResidual(tail: tail, logTail: logTail, target: target, logTarget: logTarget)
        let step = -residual / slope
        guard step.isFinite else { return nil }
        return min(max(step, -50), 50)
    }

    /// log(tail/target), formed as the logarithm of a ratio near 1 while both are normal numbers:
    /// the difference of two logarithms near −230 (p = 1e-100) could resolve it only to
    /// ulp(230) ≈ 3e-14, which would limit the quantile to that relative accuracy.
    static func logResidual(tail: Double, logTail: Double, target: Double, logTarget: Double) -> Double {
        if tail >= 1e-300, target >= 1e-300, tail.isFinite {
            return Foundation.log(tail / target)
        }
        return logTail - logTarget
    }
}
