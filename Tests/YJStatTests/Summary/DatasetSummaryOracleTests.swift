import Foundation
import Testing
import YJStat

/// The summary's numbers on the bundled datasets against `Fixtures/summary.json`, which
/// `Scripts/oracles/summary.py` computes from the same CSV files with scipy, statsmodels and R.
@Suite("Summary numbers against the oracle")
struct DatasetSummaryOracleTests {
    struct Fixture: Decodable {
        struct Sample: Decodable {
            let name: String
            let size: Int
            let infinite_margin: Double
            let implied_population: [Int]?
            let caseload: Int?
            let caseload_margin_a: Double?
            let caseload_margin_b: Double?
            let rule_size: Int?
            let exact_coverage: Double?
        }
        struct Confidence: Decodable {
            let key_question: String
            let yes: Int
            let relevant: Int
            let assumed: Bool
            let bands: [Double]
        }
        struct RepresentationEntry: Decodable {
            let dimension: String
            let category: String
            let comparator: String
            let derived_percent: Int?
            let ratio: Double?
            let ratio_rounding: [Double?]
            let difference_rounding: [Double]
            let ratio_sampling: [Double]?
            let difference_sampling: [Double]?
        }
        struct Rate: Decodable {
            let measure: String
            let ratio_rounding: [Double]
            let counts: [Int]?
            let p_value: Double?
            let rate_interval: [Double]?
            let ratio_interval: [Double]?
        }
        struct Service: Decodable {
            let samples: [Sample]
            let sixty_forty_out_of_court: Int
            let rating_confidence: [String: Confidence]
            let representation: [RepresentationEntry]
            let rates: [Rate]
        }
        struct Funnel: Decodable {
            struct Tails: Decodable {
                let at_least: Double
                let at_most: Double
            }
            let pooled: Double
            let points: [String: Tails]
        }
        let services: [String: Service]
        let funnels: [String: Funnel]
    }

    static let datasets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets")

    func summary() throws -> DatasetSummary {
        try DatasetSummary(dataset: try SummaryDataset.read(directory: Self.datasets, frameworks: .given(try Framework.youth2018())))
    }

    /// Relative agreement (absolute below 1e-300).
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-10) -> Bool {
        a == b || abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
    }

    @Test func sampleAudits() throws {
        let fixture = try loadFixture("summary.json", as: Fixture.self)
        let summary = try summary()
        #expect(summary.services.count == fixture.services.count)
        for service in summary.services {
            let expected = try #require(fixture.services[service.service])
            let parts = [service.samples.court, service.samples.outOfCourt].compactMap { $0 }
            #expect(parts.count == expected.samples.count)
            for (part, reference) in zip(parts, expected.samples) {
                #expect(part.sample == reference.size)
                // Closed forms with the normal quantile: scipy and yjstat agree to about 1e-15; 1e-10 allowed.
                #expect(close(part.infinitePopulationMargin.margin, reference.infinite_margin), "\(service.service) \(part.name)")
                #expect([part.impliedPopulation.lower, part.impliedPopulation.upper].compactMap { $0 } == (reference.implied_population ?? []))
                #expect(part.caseload == reference.caseload)
                let audit = part.caseloadAudit
                #expect((audit == nil) == (reference.caseload_margin_a == nil))
                if let audit, let a = reference.caseload_margin_a, let b = reference.caseload_margin_b {
                    #expect(close(audit.margins.first { $0.correction == .cochranA }?.margin ?? .nan, a))
                    #expect(close(audit.margins.first { $0.correction == .cochranB }?.margin ?? .nan, b))
                    #expect(audit.ruleSizes.first { $0.correction == .cochranA && $0.rounding == .up }?.size == reference.rule_size)
                    #expect(close(audit.exactCoverage ?? .nan, reference.exact_coverage ?? .nan))
                }
            }
            #expect(service.samples.sixtyFortyOutOfCourt == expected.sixty_forty_out_of_court)
        }
    }

    @Test func ratingConfidenceOfTheDecidingKeyQuestions() throws {
        let fixture = try loadFixture("summary.json", as: Fixture.self)
        for service in try summary().services {
            let expected = try #require(fixture.services[service.service])
            #expect(service.ratingConfidence.map(\.standard) == expected.rating_confidence.keys.sorted())
            for entry in service.ratingConfidence {
                let reference = try #require(expected.rating_confidence[entry.standard])
                #expect(entry.keyQuestion == reference.key_question, "\(service.service) \(entry.standard)")
                #expect(entry.yes == reference.yes && entry.relevant == reference.relevant, "\(service.service) \(entry.standard)")
                #expect(entry.countsAssumed == reference.assumed)
                let bands = try #require(entry.confidence).bands.map(\.probability)
                // Regularized incomplete beta against scipy's beta.cdf: agreement to ~1e-15; 1e-10 allowed
                // (absolute for band probabilities near 0).
                for (ours, theirs) in zip(bands, reference.bands) { #expect(abs(ours - theirs) <= 1e-10, "\(service.service) \(entry.standard)") }
            }
        }
    }

    @Test func representationRoundingAndSamplingIntervals() throws {
        let fixture = try loadFixture("summary.json", as: Fixture.self)
        for service in try summary().services {
            let expected = try #require(fixture.services[service.service])
            #expect(service.representation.entries.count == expected.representation.count)
            for reference in expected.representation {
                let entry = try #require(service.representation.entries.first {
                    $0.dimension.rawValue == reference.dimension && $0.category == reference.category && $0.comparator.rawValue == reference.comparator
                }, "\(service.service) \(reference.category) \(reference.comparator)")
                let r = entry.representation
                if let derived = reference.derived_percent { #expect(Int(r.comparatorPercent) == derived) }
                if let ratio = reference.ratio { #expect(close(r.ratio, ratio)) }
                if let low = reference.ratio_rounding[0] { #expect(close(r.ratioRounding.lowerBound, low)) }
                if let high = reference.ratio_rounding[1] { #expect(close(r.ratioRounding.upperBound, high)) }
                #expect(close(r.differenceRounding.lowerBound, reference.difference_rounding[0]))
                #expect(close(r.differenceRounding.upperBound, reference.difference_rounding[1]))
                #expect((r.ratioSampling == nil) == (reference.ratio_sampling == nil), "\(service.service) \(reference.category)")
                if let sampling = reference.ratio_sampling, let ours = r.ratioSampling {
                    // Wilson bounds against statsmodels: ~1e-15; 1e-10 allowed.
                    #expect(close(ours.lowerBound, sampling[0]) && close(ours.upperBound, sampling[1]), "\(service.service) \(reference.category)")
                }
                if let sampling = reference.difference_sampling, let ours = r.differenceSampling {
                    #expect(abs(ours.lowerBound - sampling[0]) <= 1e-9 && abs(ours.upperBound - sampling[1]) <= 1e-9)
                }
            }
        }
    }

    @Test func ratesAgainstEnglandAndWales() throws {
        let fixture = try loadFixture("summary.json", as: Fixture.self)
        for service in try summary().services {
            let expected = try #require(fixture.services[service.service])
            #expect(service.rates.map(\.rate.measure.rawValue) == expected.rates.map(\.measure))
            for (comparison, reference) in zip(service.rates, expected.rates) {
                #expect(close(comparison.ratioRounding.lowerBound, reference.ratio_rounding[0]))
                #expect(close(comparison.ratioRounding.upperBound, reference.ratio_rounding[1]))
                #expect(comparison.consistentCounts.map { Array($0) } == reference.counts)
                #expect((comparison.test == nil) == (reference.p_value == nil))
                if let test = comparison.test, let p = reference.p_value, let rate = reference.rate_interval, let ratio = reference.ratio_interval {
                    // R poisson.test p-value: agreement to ~1e-15; 1e-9 allowed for R's printed precision.
                    #expect(close(test.pValue, p, 1e-9))
                    #expect(close(test.service.lower, rate[0]) && close(test.service.upper, rate[1]))
                    #expect(close(test.ratio.lower, ratio[0]) && close(test.ratio.upper, ratio[1]))
                }
            }
        }
    }

    @Test func funnelFlagsFollowTheExactBinomialTails() throws {
        let fixture = try loadFixture("summary.json", as: Fixture.self)
        let summary = try summary()
        #expect(summary.keyQuestionFunnels.map(\.domainID) == ["2", "3"])
        for funnel in summary.keyQuestionFunnels {
            let reference = try #require(fixture.funnels[funnel.domainID])
            let plot = try #require(funnel.plot)
            #expect(close(plot.target, reference.pooled, 1e-14))
            #expect(Set(plot.points.map(\.service)) == Set(reference.points.keys))
            #expect(funnel.excludedServices == ["brent"])
            for point in plot.points {
                let tails = try #require(reference.points[point.service])
                let expected: FunnelFlag = tails.at_least < 0.001 ? .high998 : tails.at_least < 0.025 ? .high95
                    : tails.at_most < 0.001 ? .low998 : tails.at_most < 0.025 ? .low95 : .within
                #expect(point.flag == expected, "\(point.service)")
            }
        }
    }

    /// Spiegelhalter's interpolated upper limit lies just below 100% for small samples, so a
    /// plain comparison would flag 4/4 as above the 99.8% limit although it is the most likely
    /// outcome; the exact-tail flag does not.
    @Test func aPerfectResultInASmallSampleIsNotFlagged() throws {
        let plot = try FunnelPlot(units: [.init(service: "a", numerator: 4, denominator: 4), .init(service: "b", numerator: 37, denominator: 41)],
                                  measure: .proportion)
        let limit = plot.limits(at: 4).upper998
        #expect(limit < 1, "the interpolated limit is below 100% (\(limit)), which is why the exact tails are used")
        #expect(KeyQuestionFunnel.exactTailFlag(numerator: 4, denominator: 4, target: plot.target) == .within)
        // 0 of 8 at 90%: P(X ≤ 0) = 0.1^8 = 1e-8 < 0.001.
        #expect(KeyQuestionFunnel.exactTailFlag(numerator: 0, denominator: 8, target: 0.9) == .low998)
        // 2 of 8 at 50%: P(X ≤ 2) = 37/256 = 0.145, within.
        #expect(KeyQuestionFunnel.exactTailFlag(numerator: 2, denominator: 8, target: 0.5) == .within)
        // 8 of 8 at 50%: P(X ≥ 8) = 1/256 = 0.0039, between 0.001 and 0.025.
        #expect(KeyQuestionFunnel.exactTailFlag(numerator: 8, denominator: 8, target: 0.5) == .high95)
    }
}
