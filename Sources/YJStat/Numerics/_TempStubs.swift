// TEMPORARY: placeholders so main compiles until the numerics branch lands; removed by that merge.
import Foundation
public enum Normal {
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    public static func quantile(_ p: Double) -> Double {
        let x = RootFinder.bisect(lower: -40, upper: 40) { cdf($0) - p } ?? .nan
        return x
    }
}
public enum SpecialFunctions {
    public static func inverseRegularizedIncompleteBeta(a: Double, b: Double, p: Double) -> Double { p }
    public static func logGamma(_ x: Double) -> Double { lgamma(x) }
    public static func logBeta(_ a: Double, _ b: Double) -> Double { lgamma(a) + lgamma(b) - lgamma(a + b) }
    public static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let steps = 200_000
        var sum = 0.0
        let h = x / Double(steps)
        for i in 0..<steps {
            let t = (Double(i) + 0.5) * h
            sum += exp((a - 1) * log(t) + (b - 1) * log1p(-t))
        }
        return sum * h / exp(logBeta(a, b))
    }
}
public struct Binomial {
    let n: Int, p: Double
    public init(trials: Int, probability: Double) { n = trials; p = probability }
    public func pmf(_ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        return exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) + Double(k) * log(p) + Double(n - k) * log1p(-p))
    }
    public func cdf(_ k: Int) -> Double { k < 0 ? 0 : (0...min(k, n)).reduce(0) { $0 + pmf($1) } }
    public func sf(_ k: Int) -> Double { 1 - cdf(k) }
}
public struct Hypergeometric {
    let N: Int, K: Int, n: Int
    public init(population: Int, successes: Int, draws: Int) { N = population; K = successes; n = draws }
    private func lc(_ a: Int, _ b: Int) -> Double { lgamma(Double(a + 1)) - lgamma(Double(b + 1)) - lgamma(Double(a - b + 1)) }
    public func pmf(_ k: Int) -> Double {
        guard k >= max(0, n - (N - K)), k <= min(n, K) else { return 0 }
        return exp(lc(K, k) + lc(N - K, n - k) - lc(N, n))
    }
    public func cdf(_ k: Int) -> Double { k < 0 ? 0 : (0...min(k, n)).reduce(0) { $0 + pmf($1) } }
    public func sf(_ k: Int) -> Double { 1 - cdf(k) }
}
