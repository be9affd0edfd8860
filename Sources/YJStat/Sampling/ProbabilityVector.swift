/// Whole probability mass functions of small discrete distributions, computed by the ratio of
/// successive probabilities from the mode and normalised to sum to 1.
///
/// Starting at the mode with weight 1 and multiplying by f(x ± 1)/f(x) keeps every step a
/// product of small exact integers and parameters, so the relative error grows only with the
/// square root of the number of steps (about 1e-14 over 10,000 terms); normalising removes the
/// common factor f(mode), which is the part a log-gamma evaluation gets wrong for large counts.
/// Terms below the smallest normal double underflow to 0 and are dropped. Used where a result
/// needs the whole distribution (band probabilities), not a tail.
enum ProbabilityVector {
    /// P(X = x) for x in `support`, from a start inside the support and the ratio
    /// f(x + 1)/f(x) for x in support.lowerBound..<support.upperBound.
    static func normalised(support: ClosedRange<Int>, mode: Int, ratio: (Int) -> Double) -> [Double] {
        let count = support.count
        var weights = [Double](repeating: 0, count: count)
        let start = min(max(mode, support.lowerBound), support.upperBound)
        weights[start - support.lowerBound] = 1
        var w = 1.0
        var x = start
        while x < support.upperBound, w > 0 {
            w *= ratio(x)
            x += 1
            weights[x - support.lowerBound] = w
        }
        w = 1
        x = start
        while x > support.lowerBound, w > 0 {
            w /= ratio(x - 1)
            x -= 1
            weights[x - support.lowerBound] = w.isFinite ? w : 0
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Hypergeometric(N, K, n): x yes cases in a sample of n from N holding K; support
    /// max(0, n − (N − K))…min(n, K), ratio (K − x)(n − x) / ((x + 1)(N − K − n + x + 1)).
    static func hypergeometric(population N: Int, successes K: Int, draws n: Int) -> (support: ClosedRange<Int>, probabilities: [Double]) {
        let support = max(0, n - (N - K))...min(n, K)
        let mode = Int((Double(n + 1) * Double(K + 1) / Double(N + 2)).rounded(.down))
        let probabilities = normalised(support: support, mode: mode) { x in
            Double(K - x) * Double(n - x) / (Double(x + 1) * Double(N - K - n + x + 1))
        }
        return (support, probabilities)
    }

    /// Binomial(n, p); support 0…n (a single point when p is 0 or 1), ratio (n − x)p / ((x + 1)(1 − p)).
    static func binomial(trials n: Int, probability p: Double) -> (support: ClosedRange<Int>, probabilities: [Double]) {
        if p <= 0 { return (0...0, [1]) }
        if p >= 1 { return (n...n, [1]) }
        let mode = Int((Double(n + 1) * p).rounded(.down))
        let probabilities = normalised(support: 0...n, mode: mode) { x in
            Double(n - x) * p / (Double(x + 1) * (1 - p))
        }
        return (0...n, probabilities)
    }

    /// BetaBinomial(m, α, β); support 0…m, ratio (m − y)(y + α) / ((y + 1)(m − y − 1 + β)).
    static func betaBinomial(trials m: Int, alpha: Double, beta: Double) -> (support: ClosedRange<Int>, probabilities: [Double]) {
        // Mode of the beta-binomial lies within one of m(α − 1)/(α + β − 2) clipped to 0…m; starting
        // near it keeps weights bounded. Use the mean as a robust start when α + β ≤ 2.
        let start = Int((Double(m) * alpha / (alpha + beta)).rounded())
        let probabilities = normalised(support: 0...m, mode: start) { y in
            Double(m - y) * (Double(y) + alpha) / (Double(y + 1) * (Double(m - y - 1) + beta))
        }
        return (0...m, probabilities)
    }
}
