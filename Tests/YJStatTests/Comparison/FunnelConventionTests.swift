import Foundation
import Testing
@testable import YJStat

/// Every funnel limit convention against its published formula (scipy oracle, 1e-9 relative),
/// full plots with ratio, rate and proportion measures, overdispersion scales and trimming, and
/// the flag rule: exact tails on both sides under the exact conventions.
@Suite("Funnel limit conventions")
struct FunnelConventionTests {
    static let tails: [(Double, FunnelControlLimit.Side)] = [(0.001, .lower), (0.025, .lower), (0.025, .upper), (0.001, .upper)]

    @Test func everyConventionReproducesItsFormulaToOneInABillion() throws {
        let fixture = try #require(FunnelConventionFixture.shared)
        #expect(fixture.limits.count >= 400)
        for row in fixture.limits {
            let model: FunnelCountModel = row.kind == "binomial" ? .binomial(trials: Int(row.n), probability: row.theta)
                                                                  : .poisson(mean: row.n * row.theta)
            let convention = try #require(FunnelLimitConvention(rawValue: row.convention))
            for ((tail, side), expected) in zip(Self.tails, row.counts) {
                let actual = model.limitCount(convention, tail: tail, side: side)
                #expect(isClose(actual, expected, relative: 1e-9, absolute: 1e-12),
                        "\(row.kind) n=\(row.n) θ=\(row.theta) \(row.convention) \(side) \(tail): \(actual) vs \(expected)")
            }
        }
    }

    @Test func fullPlotsMatchTheOracleUnderEveryConventionAndOverdispersionOption() throws {
        let fixture = try #require(FunnelConventionFixture.shared)
        #expect(fixture.plots.count >= 40)
        for example in fixture.plots {
            let plot = try example.build()
            let label = "\(example.measure) \(example.convention) \(String(describing: example.overdispersion))"
            #expect(isClose(plot.target, example.target, relative: 1e-13), "\(label) target")
            if let phi = example.phi {
                let estimate = try #require(plot.overdispersion)
                #expect(isClose(estimate.phi, phi, relative: 1e-11), "\(label) φ \(estimate.phi) vs \(phi)")
                #expect(isClose(estimate.tauSquared, try #require(example.tau2), relative: 1e-9, absolute: 1e-300), "\(label) τ²")
                #expect(estimate.trimmed == example.trimmed, "\(label) trimmed")
                #expect(estimate.isApplied == example.applied, "\(label) applied")
            } else {
                #expect(plot.overdispersion == nil)
            }
            for (point, expected) in zip(plot.points, example.points) {
                #expect(point.service == expected.service)
                #expect(isClose(point.value, expected.value, relative: 1e-14), "\(label) \(point.service) value")
                #expect(isClose(point.z, expected.z, relative: 1e-9, absolute: 1e-12), "\(label) \(point.service) z \(point.z) vs \(expected.z)")
                let limits = [point.limits.lower998, point.limits.lower95, point.limits.upper95, point.limits.upper998]
                for (a, e) in zip(limits, expected.limits) {
                    #expect(isClose(a, e, relative: 1e-9, absolute: 1e-12 * example.per),
                            "\(label) \(point.service) limits \(limits) vs \(expected.limits)")
                }
                #expect(isClose(try #require(point.tailAtLeast), expected.atLeast, relative: 1e-9, absolute: 1e-300), "\(label) \(point.service) P(X ≥ k)")
                #expect(isClose(try #require(point.tailAtMost), expected.atMost, relative: 1e-9, absolute: 1e-300), "\(label) \(point.service) P(X ≤ k)")
                #expect(point.flag.rawValue == expected.flag, "\(label) \(point.service) \(point.flag) vs \(expected.flag)")
            }
        }
    }

    /// The case: 182 observed against 143.68 expected. Spiegelhalter's interpolated upper
    /// 99.8% limit lies just below 182/143.68, but P(X ≥ 182) = 0.00117 > 0.001: high at 95% only.
    @Test func observed182AgainstExpected143point68IsHigh95NotHigh998() throws {
        for measure in [FunnelMeasure.ratio, .rate(per: 1)] {
            let plot = try FunnelPlot(units: [.init(service: "A", numerator: 182, denominator: 143.68)], measure: measure,
                                      target: .given(1))
            let point = plot.points[0]
            #expect(point.value > point.limits.upper998)
            #expect(isClose(try #require(point.tailAtLeast), 0.0011695919550120948, relative: 1e-9))
            #expect(point.flag == .high95)
        }
        // One more event is significant at 99.8%; under first-significant limits the line sits there.
        let next = try FunnelPlot(units: [.init(service: "A", numerator: 183, denominator: 143.68)], measure: .ratio,
                                  target: .given(1))
        #expect(next.points[0].flag == .high998)
        let drawn = try FunnelPlot(units: [.init(service: "A", numerator: 182, denominator: 143.68)], measure: .ratio,
                                   target: .given(1), limits: .firstSignificant)
        #expect(drawn.points[0].limits.upper998 * 143.68 == 183)
        #expect(drawn.points[0].flag == .high95)
    }

    /// Generated services (proportions, person-year rates, fractional expected counts, tiny ones):
    /// under every exact convention the flag is the exact-tail flag on both sides; first-significant
    /// points are flagged exactly when on or beyond a drawn limit; Spiegelhalter points below the
    /// lower line are exactly the low flags, and every high flag lies above the upper line; normal
    /// points are flagged exactly when strictly outside a drawn limit.
    @Test func flagsCrossExactlyWhereTheirConventionSays() throws {
        var generator = SplitMix64(seed: 19)
        for trial in 0..<60 {
            let measure: FunnelMeasure = [.proportion, .rate(per: 1000), .ratio][trial % 3]
            var units: [FunnelPlot.Unit] = []
            for i in 0..<15 {
                let scale = [0.1, 1, 10, 100, 2000][Int(generator.next() % 5)]
                switch measure {
                case .proportion:
                    let n = 1 + Int(generator.next() % UInt64(scale * 3 + 1))
                    units.append(.init(service: "S\(i)", numerator: Int(generator.next() % UInt64(n + 1)), denominator: n))
                case .rate, .ratio:
                    let denominator = scale * (0.05 + Double(generator.next() % 1000) / 500)
                    let mean = denominator * (measure == .ratio ? 1 : 0.02)
                    let count = Int((mean * Double(generator.next() % 300) / 100).rounded())
                    units.append(.init(service: "S\(i)", numerator: count, denominator: denominator))
                }
            }
            let target: FunnelPlot.Target = measure == .proportion ? .given(0.35) : measure == .ratio ? .given(1) : .given(20)
            for convention in FunnelLimitConvention.allCases {
                let plot = try FunnelPlot(units: units, measure: measure, target: target, limits: convention)
                for point in plot.points {
                    let label = "\(measure.name) \(convention) \(point.service) \(point.numerator)/\(point.denominator)"
                    let limits = point.limits
                    let model = measure.countModel(theta: plot.target / measure.scale, denominator: point.denominator)
                    let tails = model.tails(observed: point.numerator)
                    switch convention {
                    case .normal:
                        #expect(point.flag == FunnelFlag.classify(point.value, against: limits), "\(label)")
                        #expect(point.flag.isOutside95 == (point.value > limits.upper95 || point.value < limits.lower95), "\(label)")
                    default:
                        #expect(point.flag == FunnelFlag.fromTails(atLeast: tails.atLeast, atMost: tails.atMost), "\(label)")
                    }
                    let k = Double(point.numerator)
                    if convention == .firstSignificant {
                        let counts = Self.tails.map { model.limitCount(.firstSignificant, tail: $0.0, side: $0.1) }
                        #expect((point.flag == .high998) == (k >= counts[3]), "\(label) \(counts)")
                        #expect((point.flag == .high95 || point.flag == .high998) == (k >= counts[2]), "\(label) \(counts)")
                        #expect((point.flag == .low998) == (k <= counts[0]), "\(label) \(counts)")
                        #expect((point.flag == .low95 || point.flag == .low998) == (k <= counts[1]), "\(label) \(counts)")
                    }
                    if convention == .spiegelhalter {
                        let counts = Self.tails.map { model.limitCount(.spiegelhalter, tail: $0.0, side: $0.1) }
                        if point.flag == .high998 { #expect(k > counts[3], "\(label)") }
                        if point.flag.isOutside95, tails.atLeast < 0.025 { #expect(k > counts[2], "\(label)") }
                        // Below the interpolated lower line ⇔ low (ties at a whole-number line aside).
                        if counts[0] != counts[0].rounded() || k != counts[0] {
                            #expect((point.flag == .low998) == (k < counts[0]), "\(label) \(counts)")
                        }
                    }
                }
            }
        }
    }

    @Test func badOptionsAndDenominatorsAreRefusedNamingTheProblem() {
        let rates: [FunnelPlot.Unit] = [.init(service: "A", numerator: 3, denominator: 10.5),
                                        .init(service: "B", numerator: 5, denominator: 20.25),
                                        .init(service: "C", numerator: 9, denominator: 12.0)]
        #expect { try FunnelPlot(units: rates, measure: .ratio, overdispersion: FunnelOverdispersionOptions(scale: .arcsine)) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "scale"
        }
        #expect { try FunnelPlot(units: rates, measure: .proportion) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "denominator"
        }
        #expect { try FunnelPlot(units: rates, measure: .ratio, overdispersion: FunnelOverdispersionOptions(trim: 0.6)) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "trim"
        }
        #expect { try FunnelPlot(units: [.init(service: "A", numerator: 1, denominator: 0.0)], measure: .ratio) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "denominator"
        }
        #expect { try FunnelPlot(units: [.init(service: "A", numerator: 1, denominator: Double.infinity)], measure: .rate(per: 1)) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "denominator"
        }
    }

    @Test func firstSignificantLimitsAreInfiniteWhereNoCountIsSignificant() throws {
        // Expected 0.05: P(X = 0) = 0.951, so no count is low; P(X ≥ 1) = 0.049, so the 95% upper is 2.
        let model = FunnelCountModel.poisson(mean: 0.05)
        #expect(model.limitCount(.firstSignificant, tail: 0.025, side: .lower) == -.infinity)
        #expect(model.limitCount(.firstSignificant, tail: 0.025, side: .upper) == 2)
        // Two cases at 50%: P(X = 2) = 0.25, nothing is significant at 2.5%.
        #expect(FunnelCountModel.binomial(trials: 2, probability: 0.5).limitCount(.firstSignificant, tail: 0.025, side: .upper) == .infinity)
        let plot = try FunnelPlot(units: [.init(service: "tiny", numerator: 0, denominator: 0.05),
                                          .init(service: "big", numerator: 40, denominator: 30.5)],
                                  measure: .ratio, target: .given(1), limits: .firstSignificant)
        #expect(plot.points[0].limits.lower95 == -.infinity)
        #expect(plot.points[0].flag == .within)
    }
}
