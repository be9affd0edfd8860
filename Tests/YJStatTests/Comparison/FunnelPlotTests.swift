import Testing
@testable import YJStat

/// Funnel plot limits and full examples against `Fixtures/comparison.json`: scipy binomial and
/// Poisson quantiles with Spiegelhalter's interpolation at denominators 1…10,000, and complete
/// plots (pooled and given targets; overdispersion with scipy `mstats.winsorize`).
///
/// Tolerance: relative 1e-10 on each limit (measured worst: 9.4e-14 binomial, 1.3e-14 Poisson),
/// absolute floor 1e-13 (a limit near 0 comes from r − α with α ≈ r, where both libraries'
/// distribution functions differ in the last few bits).
@Suite("Funnel plots against scipy")
struct FunnelPlotTests {
    @Test func binomialLimitsFromOneToTenThousand() throws {
        let fixture = try #require(ComparisonFixture.shared)
        let rows = fixture.funnelLimits.binomial
        #expect(rows.count > 400)
        #expect(rows.map(\.n).min() == 1 && rows.map(\.n).max() == 10_000)
        var worst = 0.0
        for row in rows {
            let mine = [FunnelControlLimit.proportion(trials: row.n, target: row.theta, tail: 0.001, side: .lower),
                        FunnelControlLimit.proportion(trials: row.n, target: row.theta, tail: 0.025, side: .lower),
                        FunnelControlLimit.proportion(trials: row.n, target: row.theta, tail: 0.025, side: .upper),
                        FunnelControlLimit.proportion(trials: row.n, target: row.theta, tail: 0.001, side: .upper)]
            for (a, e) in zip(mine, row.limits) {
                worst = max(worst, abs(a - e) / max(abs(e), 1e-3))
                #expect(isClose(a, e, relative: 1e-10, absolute: 1e-13), "θ=\(row.theta) n=\(row.n): \(mine) vs \(row.limits)")
            }
        }
        print("binomial funnel limits: worst relative difference \(worst)")
    }

    @Test func poissonLimitsFromOneToTenThousand() throws {
        let fixture = try #require(ComparisonFixture.shared)
        let rows = fixture.funnelLimits.poisson
        #expect(rows.count > 300)
        var worst = 0.0
        for row in rows {
            let n = Double(row.n)
            let mine = [FunnelControlLimit.rate(population: n, target: row.theta, per: 1, tail: 0.001, side: .lower),
                        FunnelControlLimit.rate(population: n, target: row.theta, per: 1, tail: 0.025, side: .lower),
                        FunnelControlLimit.rate(population: n, target: row.theta, per: 1, tail: 0.025, side: .upper),
                        FunnelControlLimit.rate(population: n, target: row.theta, per: 1, tail: 0.001, side: .upper)]
            for (a, e) in zip(mine, row.limits) {
                worst = max(worst, abs(a - e) / max(abs(e), 1e-3))
                #expect(isClose(a, e, relative: 1e-10, absolute: 1e-13), "θ=\(row.theta) n=\(row.n): \(mine) vs \(row.limits)")
            }
        }
        print("Poisson funnel limits: worst relative difference \(worst)")
    }

    @Test func fullExamplesMatch() throws {
        let fixture = try #require(ComparisonFixture.shared)
        #expect(fixture.funnelExamples.count == 8)
        for example in fixture.funnelExamples {
            let units = example.units.map { FunnelPlot.Unit(service: $0.service, numerator: $0.numerator, denominator: $0.denominator) }
            let measure: FunnelMeasure = example.kind == "proportion" ? .proportion : .rate(per: example.per)
            let target: FunnelPlot.Target = example.givenTarget.map { .given($0) } ?? .pooled
            let plot = try FunnelPlot(units: units, measure: measure, target: target, overdispersion: example.overdispersion)
            let label = "\(example.kind) target=\(String(describing: example.givenTarget)) od=\(example.overdispersion)"
            #expect(isClose(plot.target, example.target, relative: 1e-14), "\(label)")
            #expect(plot.targetIsPooled == (example.givenTarget == nil))
            if let phi = example.phi {
                let estimate = try #require(plot.overdispersion)
                #expect(isClose(estimate.phi, phi, relative: 1e-12), "\(label) φ \(estimate.phi) vs \(phi)")
                #expect(isClose(estimate.tauSquared, try #require(example.tau2), relative: 1e-10, absolute: 1e-300), "\(label) τ²")
            } else {
                #expect(plot.overdispersion == nil)
            }
            #expect(plot.points.count == example.points.count)
            for (point, expected) in zip(plot.points, example.points) {
                #expect(point.service == expected.service)
                #expect(isClose(point.value, expected.value, relative: 1e-14), "\(label) \(point.service) value")
                #expect(isClose(point.z, expected.z, relative: 1e-10, absolute: 1e-13), "\(label) \(point.service) z")
                let limits = [point.limits.lower998, point.limits.lower95, point.limits.upper95, point.limits.upper998]
                for (a, e) in zip(limits, expected.limits) {
                    #expect(isClose(a, e, relative: 1e-10, absolute: 1e-13 * example.per), "\(label) \(point.service) limits \(limits) vs \(expected.limits)")
                }
                #expect(point.flag.rawValue == expected.flag, "\(label) \(point.service)")
            }
        }
    }

    @Test func examplesCoverEveryFlagAndBothOverdispersionOutcomes() throws {
        let fixture = try #require(ComparisonFixture.shared)
        let flags = Set(fixture.funnelExamples.flatMap { $0.points.map(\.flag) })
        #expect(flags.count >= 3, "flags seen: \(flags)")
        let taus = fixture.funnelExamples.compactMap(\.tau2)
        #expect(taus.contains { $0 > 0 })
    }

    @Test func interpolationIsContinuousAndOrdered() {
        // Limits must nest (99.8% outside 95%) and straddle the target at every n.
        for n in [1, 2, 5, 17, 100, 999, 10_000] {
            let l = FunnelPlot.limits(theta: 0.3, denominator: n, measure: .proportion, tauSquared: 0)
            #expect(l.lower998 <= l.lower95 && l.lower95 <= 0.3 && 0.3 <= l.upper95 && l.upper95 <= l.upper998, "n=\(n): \(l)")
            #expect(l.lower998 >= 0 && l.upper998 <= 1)
        }
        // Continuity in θ across a jump of the quantile: nearby θ give nearby limits.
        let a = FunnelControlLimit.binomialCount(trials: 40, probability: 0.25, tail: 0.025, side: .upper)
        let b = FunnelControlLimit.binomialCount(trials: 40, probability: 0.25 + 1e-9, tail: 0.025, side: .upper)
        #expect(abs(a - b) < 1e-6)
    }

    @Test func overdispersionWidensLimitsAndShrinksZ() throws {
        let units = (0..<30).map { i in
            FunnelPlot.Unit(service: "S\(i)", numerator: 20 + (i % 5) * 15, denominator: 200)
        }
        let plain = try FunnelPlot(units: units, measure: .proportion)
        let adjusted = try FunnelPlot(units: units, measure: .proportion, overdispersion: true)
        let estimate = try #require(adjusted.overdispersion)
        #expect(estimate.isApplied && estimate.phi > 1)
        #expect(adjusted.points[0].limits.upper998 > plain.points[0].limits.upper998)
        #expect(abs(adjusted.points[0].z) < abs(plain.points[0].z))
        #expect(adjusted.methodDescription.contains("overdispersion"))
        let reported = try #require(adjusted.tauSquaredInReportedUnits)
        #expect(reported == estimate.tauSquared)
    }

    @Test func winsorisingMatchesItsDefinition() {
        let values: [Double] = [5, -3, 0, 1, 2, 9, -8, 4, 3, 7]
        // ⌊0.1 · 10⌋ = 1 at each end: -8 → -3 and 9 → 7.
        #expect(FunnelOverdispersion.winsorise(values, fraction: 0.1) == [5, -3, 0, 1, 2, 7, -3, 4, 3, 7])
        #expect(FunnelOverdispersion.winsorise([1, 2, 3], fraction: 0.1) == [1, 2, 3])
    }

    @Test func limitCurveSpansTheRange() throws {
        let plot = try FunnelPlot(units: [.init(service: "A", numerator: 3, denominator: 10),
                                          .init(service: "B", numerator: 40, denominator: 90)], measure: .proportion)
        let curve = plot.limitCurve(from: 1, to: 500, count: 100)
        #expect(curve.first?.denominator == 1 && curve.last?.denominator == 500)
        #expect(curve.count == 100)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.denominator < $1.denominator })
    }

    @Test func badInputThrowsNamingTheProblem() {
        func plot(_ units: [FunnelPlot.Unit], _ measure: FunnelMeasure = .proportion,
                  target: FunnelPlot.Target = .pooled, overdispersion: Bool = false) throws {
            _ = try FunnelPlot(units: units, measure: measure, target: target, overdispersion: overdispersion)
        }
        let a = FunnelPlot.Unit(service: "A", numerator: 3, denominator: 10)
        #expect(throws: InvalidArgumentError.self) { try plot([]) }
        #expect(throws: InvalidArgumentError("service", "'A' appears more than once")) { try plot([a, a]) }
        #expect(throws: InvalidArgumentError.self) { try plot([.init(service: "B", numerator: 0, denominator: 0)]) }
        #expect(throws: InvalidArgumentError.self) { try plot([.init(service: "B", numerator: -1, denominator: 5)]) }
        #expect(throws: InvalidArgumentError.self) { try plot([.init(service: "B", numerator: 6, denominator: 5)]) }
        #expect(throws: InvalidArgumentError.self) { try plot([.init(service: "B", numerator: 0, denominator: 5)]) }
        #expect(throws: InvalidArgumentError.self) { try plot([a], target: .given(1.2)) }
        #expect(throws: InvalidArgumentError.self) { try plot([a], .rate(per: 100_000), target: .given(-5)) }
        #expect(throws: InvalidArgumentError.self) { try plot([a], .rate(per: 0)) }
        #expect(throws: InvalidArgumentError.self) { try plot([a], overdispersion: true) }
        // A rate may exceed its population (events, not people), unlike a proportion.
        #expect(throws: Never.self) { try plot([.init(service: "B", numerator: 6, denominator: 5)], .rate(per: 1000)) }
    }
}

@Suite("Funnel flags at 100%")
struct FunnelPerfectResultTests {
    /// 4 of 4 against a pooled 41/45 ≈ 91%: P(X = 4) ≈ 0.69, the most likely outcome, so not
    /// flagged although the interpolated 99.8% limit at n = 4 lies just below 100%.
    @Test func aPerfectSmallSampleIsNotFlaggedButAnImprobableOneIs() throws {
        let plot = try FunnelPlot(units: [.init(service: "small", numerator: 4, denominator: 4),
                                          .init(service: "large", numerator: 37, denominator: 41)], measure: .proportion)
        #expect(plot.limits(at: 4).upper998 < 1)
        #expect(plot.points[0].flag == .within)
        // 8 of 8 at a given 50%: P(X = 8) = 1/256 ≈ 0.0039, beyond 2.5% but not 0.1%.
        let half = try FunnelPlot(units: [.init(service: "a", numerator: 8, denominator: 8)], measure: .proportion,
                                  target: .given(0.5))
        #expect(half.points[0].flag == .high95)
        // 12 of 12 at 50%: P = 1/4096 < 0.001.
        let twelve = try FunnelPlot(units: [.init(service: "a", numerator: 12, denominator: 12)], measure: .proportion,
                                    target: .given(0.5))
        #expect(twelve.points[0].flag == .high998)
    }
}
