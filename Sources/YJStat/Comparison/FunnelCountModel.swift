/// The distribution of a service's count under a funnel plot's target: binomial for a
/// proportion of n cases, Poisson for events in a population or against an expected count.
///
/// It supplies both halves of a funnel: the control limits on the count scale under each
/// ``FunnelLimitConvention`` and the exact tail probabilities P(X ≥ O) and P(X ≤ O) that flag
/// an observed count O.
public enum FunnelCountModel: Sendable, Equatable {
    /// X ~ Binomial(n, θ), n ≥ 1, 0 < θ < 1.
    case binomial(trials: Int, probability: Double)
    /// X ~ Poisson(λ), λ > 0 (λ = θ₀ × population, or θ₀ × expected count; fractional is fine).
    case poisson(mean: Double)

    /// The expected count nθ or λ.
    public var mean: Double {
        switch self {
        case .binomial(let n, let theta): return Double(n) * theta
        case .poisson(let lambda): return lambda
        }
    }

    /// The variance nθ(1 − θ) or λ.
    public var variance: Double {
        switch self {
        case .binomial(let n, let theta): return Double(n) * theta * (1 - theta)
        case .poisson(let lambda): return lambda
        }
    }

    /// (P(X ≥ observed), P(X ≤ observed)), each computed directly in its tail.
    public func tails(observed k: Int) -> (atLeast: Double, atMost: Double) {
        switch self {
        case .binomial(let n, let theta):
            let distribution = Binomial(trials: n, probability: theta)
            return (k <= 0 ? 1 : distribution.sf(k - 1), k >= n ? 1 : distribution.cdf(k))
        case .poisson(let lambda):
            let distribution = Poisson(mean: lambda)
            return (k <= 0 ? 1 : distribution.sf(k - 1), distribution.cdf(k))
        }
    }

    /// The flag of an observed count from its exact tails (P < 0.001 or 0.025 on either side).
    public func flag(observed k: Int) -> FunnelFlag {
        let tail = tails(observed: k)
        return FunnelFlag.fromTails(atLeast: tail.atLeast, atMost: tail.atMost)
    }

    /// The control limit on the count scale for a one-sided tail probability (0 < tail < ½) under
    /// `convention` (formulas in ``FunnelLimitConvention``). Interpolated and normal lower limits
    /// are at least 0; a binomial normal limit is clipped to [0, n]. First-significant limits
    /// with no significant count on that side are −∞ (lower) or +∞ (upper). NaN for invalid
    /// parameters.
    public func limitCount(_ convention: FunnelLimitConvention, tail: Double, side: FunnelControlLimit.Side) -> Double {
        guard tail > 0, tail < 0.5 else { return .nan }
        switch (self, convention) {
        case (.binomial(let n, let theta), .spiegelhalter):
            return max(0, FunnelControlLimit.binomialCount(trials: n, probability: theta, tail: tail, side: side))
        case (.poisson(let lambda), .spiegelhalter):
            return max(0, FunnelControlLimit.poissonCount(mean: lambda, tail: tail, side: side))
        case (_, .firstSignificant):
            return firstSignificantCount(tail: tail, side: side)
        case (_, .normal):
            let z = Normal.complementaryQuantile(tail) * variance.squareRoot()
            let value = side == .lower ? mean - z : mean + z
            if case .binomial(let n, _) = self { return min(Double(n), max(0, value)) }
            return max(0, value)
        case (.binomial(let n, let theta), .expectedInterval):
            guard n >= 1, theta > 0, theta < 1 else { return .nan }
            let x = Double(n) * theta, nn = Double(n)
            return side == .lower ? nn * BetaDistribution(alpha: x, beta: nn - x + 1).quantile(tail)
                                  : nn * BetaDistribution(alpha: x + 1, beta: nn - x).complementaryQuantile(tail)
        case (.poisson(let lambda), .expectedInterval):
            guard lambda > 0, lambda.isFinite else { return .nan }
            return side == .lower ? GammaDistribution(shape: lambda).quantile(tail)
                                  : GammaDistribution(shape: lambda + 1).complementaryQuantile(tail)
        }
    }

    /// Upper: the smallest O with P(X ≥ O) < tail; lower: the largest O with P(X ≤ O) < tail.
    func firstSignificantCount(tail: Double, side: FunnelControlLimit.Side) -> Double {
        let spread = variance.squareRoot()
        switch side {
        case .upper:
            let highest: Int
            switch self {
            case .binomial(let n, let theta):
                guard n >= 1, theta > 0, theta < 1 else { return .nan }
                // P(X ≥ n) = θⁿ; when even that is not below the tail, no count is significant.
                guard tails(observed: n).atLeast < tail else { return .infinity }
                highest = n
            case .poisson(let lambda):
                guard lambda > 0, lambda < 1e15 else { return .nan }
                highest = Int.max
            }
            let first = FunnelControlLimit.smallest(satisfying: { tails(observed: $0).atLeast < tail },
                                                    guess: mean, spread: spread, highest: highest)
            return Double(first)
        case .lower:
            switch self {
            case .binomial(let n, let theta): guard n >= 1, theta > 0, theta < 1 else { return .nan }
            case .poisson(let lambda): guard lambda > 0, lambda < 1e15 else { return .nan }
            }
            guard tails(observed: 0).atMost < tail else { return -.infinity }
            let highest: Int
            if case .binomial(let n, _) = self { highest = n } else { highest = Int.max }
            // The first count that is not significant, less one.
            let firstNot = FunnelControlLimit.smallest(satisfying: { tails(observed: $0).atMost >= tail },
                                                       guess: mean, spread: spread, highest: highest)
            return Double(firstNot - 1)
        }
    }
}
