import Testing
@testable import YJStat

/// One service against a reference value, and two services against each other, against the
/// oracles in `Fixtures/comparison.json`: statsmodels Wilson/Clopper–Pearson intervals, scipy
/// `binomtest`, R `poisson.test`, statsmodels `confint_proportions_2indep` and
/// `confint_poisson_2indep`, scipy `fisher_exact`, and the Altman–Bland formula with scipy.
///
/// Tolerances: relative 1e-10 for intervals built from closed forms and inverted distribution
/// functions, 1e-12 for p-values (their oracles agree with each other to 2.4e-13); an absolute
/// floor of 1e-15 where a bound is 0 or a difference cancels to near 0.
@Suite("Service comparisons against oracles")
struct ServiceComparisonTests {
    static func expectTriple(_ e: IntervalEstimate, _ expected: [Double], _ label: String,
                             relative: Double = 1e-10, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(isClose(e.estimate, expected[0], relative: relative, absolute: 1e-15), "\(label) estimate \(e.estimate) vs \(expected[0])", sourceLocation: sourceLocation)
        #expect(isClose(e.lower, expected[1], relative: relative, absolute: 1e-15), "\(label) lower \(e.lower) vs \(expected[1])", sourceLocation: sourceLocation)
        #expect(isClose(e.upper, expected[2], relative: relative, absolute: 1e-15), "\(label) upper \(e.upper) vs \(expected[2])", sourceLocation: sourceLocation)
    }

    @Test func proportionAgainstReference() throws {
        let fixture = try #require(ComparisonFixture.shared)
        for c in fixture.proportionComparisons {
            let label = "\(c.k)/\(c.n) vs \(c.reference) at \(c.confidence)"
            let wilson = try ProportionComparison(successes: c.k, trials: c.n, reference: c.reference, confidence: c.confidence)
            #expect(isClose(wilson.service.lower, c.wilson[0], relative: 1e-10, absolute: 1e-15), "\(label)")
            #expect(isClose(wilson.service.upper, c.wilson[1], relative: 1e-10, absolute: 1e-15), "\(label)")
            Self.expectTriple(wilson.difference, c.differenceWilson, label + " difference")
            Self.expectTriple(wilson.ratio, c.ratioWilson, label + " ratio")
            #expect(isClose(wilson.pValue, c.pValue, relative: 1e-12), "\(label) p")
            let exact = try ProportionComparison(successes: c.k, trials: c.n, reference: c.reference, confidence: c.confidence,
                                                 interval: .clopperPearson)
            Self.expectTriple(exact.difference, c.differenceExact, label + " exact difference")
            Self.expectTriple(exact.ratio, c.ratioExact, label + " exact ratio")
        }
    }

    @Test func rateAgainstReference() throws {
        let fixture = try #require(ComparisonFixture.shared)
        for c in fixture.rateComparisons {
            let label = "\(c.k) in \(c.population) vs \(c.reference) per \(c.per)"
            let result = try RateComparison(count: c.k, population: c.population, reference: c.reference, per: c.per)
            #expect(result.service.method.rawValue == c.method, "\(label)")
            Self.expectTriple(IntervalEstimate(estimate: result.service.estimate, lower: result.service.lower,
                                                 upper: result.service.upper, confidence: 0.95, method: ""), c.rate, label + " rate")
            Self.expectTriple(result.difference, c.difference, label + " difference")
            Self.expectTriple(result.ratio, c.ratio, label + " ratio")
            #expect(isClose(result.pValue, c.pValue, relative: 1e-12), "\(label) p \(result.pValue) vs \(c.pValue)")
        }
    }

    @Test func twoProportions() throws {
        let fixture = try #require(ComparisonFixture.shared)
        for c in fixture.twoProportions {
            let label = "\(c.k1)/\(c.n1) vs \(c.k2)/\(c.n2)"
            let result = try TwoServiceComparison.proportions(firstSuccesses: c.k1, firstTrials: c.n1,
                                                              secondSuccesses: c.k2, secondTrials: c.n2)
            Self.expectTriple(result.difference, c.difference, label + " difference")
            #expect(isClose(result.ratio.lower, c.ratio[0], relative: 1e-10), "\(label) ratio lower")
            #expect(isClose(result.ratio.upper, c.ratio[1], relative: 1e-10), "\(label) ratio upper")
            #expect(isClose(result.pValue, c.pValue, relative: 1e-12), "\(label) p \(result.pValue) vs \(c.pValue)")
            #expect(result.measure == .proportion)
        }
    }

    @Test func twoRates() throws {
        let fixture = try #require(ComparisonFixture.shared)
        for c in fixture.twoRates {
            let label = "\(c.k1)/\(c.t1) vs \(c.k2)/\(c.t2)"
            let result = try TwoServiceComparison.rates(firstCount: c.k1, firstPopulation: c.t1, secondCount: c.k2,
                                                        secondPopulation: c.t2, per: c.per)
            Self.expectTriple(result.difference, c.difference, label + " difference")
            Self.expectTriple(result.ratio, c.ratio, label + " ratio")
            #expect(isClose(result.pValue, c.pValue, relative: 1e-12), "\(label) p \(result.pValue) vs \(c.pValue)")
        }
    }

    @Test func relativeRateIndices() throws {
        let fixture = try #require(ComparisonFixture.shared)
        #expect(fixture.rriComparisons.count == 6)
        for c in fixture.rriComparisons {
            let model = try #require(RelativeRateIndexComparison.Model(rawValue: c.model))
            func counts(_ v: [Double]) -> RelativeRateIndexComparison.Counts {
                .init(groupEvents: Int(v[0]), groupBase: v[1], referenceEvents: Int(v[2]), referenceBase: v[3])
            }
            let label = "\(c.model) \(c.service)"
            let result = try RelativeRateIndexComparison(service: counts(c.service), national: counts(c.national), model: model)
            Self.expectTriple(result.service, c.serviceRRI, label + " service RRI", relative: 1e-12)
            Self.expectTriple(result.ratio, c.ratio, label + " ratio", relative: 1e-12)
            #expect(isClose(result.pValue, c.pValue, relative: 1e-12), "\(label) p")
            let national = try RelativeRateIndexComparison(service: counts(c.service), national: counts(c.national), model: model).national.estimate
            let known = try RelativeRateIndexComparison(service: counts(c.service), nationalIndex: national, model: model)
            Self.expectTriple(known.ratio, c.ratioKnownNational, label + " known national", relative: 1e-12)
            #expect(known.national.lower == known.national.upper)
        }
    }

    @Test func theIssuesHeadlineFigures() throws {
        // Reoffending 50.4% (126 of 250) against 40.1%; first-time entrants 285 (57 in 20,000)
        // against 236 per 100,000.
        let reoffending = try ProportionComparison(successes: 126, trials: 250, reference: 0.401)
        #expect(isClose(reoffending.difference.estimate, 0.103, relative: 1e-12))
        #expect(reoffending.difference.lower > 0)
        let entrants = try RateComparison(count: 57, population: 20_000, reference: 236)
        #expect(entrants.service.estimate == 285)
        #expect(entrants.ratio.contains(1))
        #expect(entrants.pValue > 0.05)
    }

    @Test func badArgumentsThrow() {
        #expect(throws: InvalidArgumentError.self) { try ProportionComparison(successes: 3, trials: 4, reference: 0) }
        #expect(throws: InvalidArgumentError.self) { try ProportionComparison(successes: 3, trials: 4, reference: 1) }
        #expect(throws: InvalidArgumentError.self) { try ProportionComparison(successes: 5, trials: 4, reference: 0.5) }
        #expect(throws: InvalidArgumentError.self) { try ProportionComparison(successes: 3, trials: 4, reference: 0.5, interval: .wald) }
        #expect(throws: InvalidArgumentError.self) { try RateComparison(count: 3, population: 400, reference: 0) }
        #expect(throws: InvalidArgumentError.self) { try RateComparison(count: -3, population: 400, reference: 20) }
        #expect(throws: InvalidArgumentError.self) { try RateComparison(count: 3, population: 0, reference: 20) }
        #expect(throws: InvalidArgumentError.self) {
            try TwoServiceComparison.rates(firstCount: 0, firstPopulation: 10, secondCount: 0, secondPopulation: 10)
        }
        #expect(throws: InvalidArgumentError.self) {
            try TwoServiceComparison.proportions(firstSuccesses: 3, firstTrials: 2, secondSuccesses: 0, secondTrials: 10)
        }
        let counts = RelativeRateIndexComparison.Counts(groupEvents: 5, groupBase: 4, referenceEvents: 3, referenceBase: 10)
        #expect(throws: InvalidArgumentError.self) {
            try RelativeRateIndexComparison(service: counts, nationalIndex: 1.2, model: .binomial)
        }
        #expect(throws: InvalidArgumentError.self) {
            try RelativeRateIndexComparison(service: counts, nationalIndex: -1, model: .poisson)
        }
    }
}
