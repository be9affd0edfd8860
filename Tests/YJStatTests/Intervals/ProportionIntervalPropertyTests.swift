import Foundation
import Testing
@testable import YJStat

@Suite("Proportion interval properties and bad input")
struct ProportionIntervalPropertyTests {
    @Test(arguments: IntervalMethod.allCases)
    func boundsAreOrderedAndContainTheEstimate(method: IntervalMethod) throws {
        for n in [1, 2, 3, 7, 20, 58] {
            for k in 0...n {
                let ci = try ProportionInterval.compute(method, successes: k, trials: n, confidence: 0.9, population: 2 * n + 3)
                #expect(0 <= ci.lower && ci.lower <= ci.upper && ci.upper <= 1, "\(method) \(k)/\(n)")
                #expect(ci.method == method)
                #expect(!ci.assumptions.isEmpty)
                // The hypergeometric bounds are whole counts over N, and the equal-tailed Jeffreys
                // interval excludes 0 at k = 0 and 1 at k = n by design (no boundary modification).
                let jeffreysEdge = method == .jeffreys && (k == 0 || k == n)
                if method != .hypergeometric && !jeffreysEdge {
                    #expect(ci.contains(ci.estimate), "\(method) \(k)/\(n) excludes its estimate")
                }
            }
        }
    }

    @Test func higherConfidenceIsWider() throws {
        for method in IntervalMethod.allCases where !method.needsPopulation {
            let narrow = try ProportionInterval.compute(method, successes: 4, trials: 11, confidence: 0.8)
            let wide = try ProportionInterval.compute(method, successes: 4, trials: 11, confidence: 0.99)
            #expect(wide.lower < narrow.lower && wide.upper > narrow.upper, "\(method)")
        }
    }

    @Test func exactMethodsHaveTheirKnownEdgeValues() throws {
        // Clopper–Pearson at k = 0: upper = 1 − (α/2)^(1/n).
        let cp = try ProportionInterval.clopperPearson(successes: 0, trials: 10, confidence: 0.95)
        #expect(cp.lower == 0)
        #expect(abs(cp.upper - (1 - pow(0.025, 0.1))) < 1e-14)
        // Mid-p at k = 0: (1 − p)^n / 2 = α/2, so upper = 1 − α^(1/n).
        let mid = try ProportionInterval.midP(successes: 0, trials: 10, confidence: 0.95)
        #expect(abs(mid.upper - (1 - pow(0.05, 0.1))) < 1e-14)
        // A census (n = N) knows the proportion exactly.
        let census = try ProportionInterval.hypergeometric(successes: 3, sample: 5, population: 5, confidence: 0.95)
        #expect(census.lower == 0.6 && census.upper == 0.6)
    }

    @Test func finitePopulationIsNarrowerThanBinomial() throws {
        let exact = try ProportionInterval.hypergeometric(successes: 6, sample: 8, population: 10, confidence: 0.8)
        let binomial = try ProportionInterval.clopperPearson(successes: 6, trials: 8, confidence: 0.8)
        #expect(exact.width < binomial.width)
    }

    @Test func invalidArgumentsThrowNamingTheParameter() {
        #expect(throws: InvalidArgumentError("successes", "4 is more than the 3 trials")) {
            try ProportionInterval.wilson(successes: 4, trials: 3, confidence: 0.95)
        }
        #expect(throws: InvalidArgumentError("successes", "must not be negative, got -1")) {
            try ProportionInterval.wald(successes: -1, trials: 3, confidence: 0.95)
        }
        #expect(throws: InvalidArgumentError("trials", "must be at least 1, got 0")) {
            try ProportionInterval.jeffreys(successes: 0, trials: 0, confidence: 0.95)
        }
        for confidence in [0.0, 1.0, -0.5, 1.5, .nan] {
            #expect(throws: InvalidArgumentError.self) { try ProportionInterval.midP(successes: 1, trials: 3, confidence: confidence) }
        }
        #expect(throws: InvalidArgumentError("population", "3 is smaller than the sample of 5")) {
            try ProportionInterval.hypergeometric(successes: 1, sample: 5, population: 3, confidence: 0.95)
        }
        #expect(throws: InvalidArgumentError.self) {
            try ProportionInterval.compute(.finitePopulationWald, successes: 1, trials: 5, confidence: 0.95)
        }
    }
}
