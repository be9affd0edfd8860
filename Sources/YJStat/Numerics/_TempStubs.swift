// TEMPORARY: placeholders so main compiles until the numerics branch lands; removed by that merge.
public enum Normal { public static func quantile(_ p: Double) -> Double { p } }
public enum SpecialFunctions { public static func inverseRegularizedIncompleteBeta(a: Double, b: Double, p: Double) -> Double { p } }
public struct Binomial { public init(trials: Int, probability: Double) {}; public func pmf(_ k: Int) -> Double { 0 }; public func cdf(_ k: Int) -> Double { 0 }; public func sf(_ k: Int) -> Double { 0 } }
public struct Hypergeometric { public init(population: Int, successes: Int, draws: Int) {}; public func cdf(_ k: Int) -> Double { 0 }; public func sf(_ k: Int) -> Double { 0 } }
