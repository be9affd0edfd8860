import Foundation
import Testing
import YJStat

/// Tests/YJStatTests/Fixtures/inspection_rounding.json, from Scripts/oracles/inspection_rounding.py
/// (Python fractions and decimal ROUND_HALF_UP / ROUND_HALF_EVEN: exact, so comparisons are exact).
struct RoundingFixture: Decodable {
    struct Pair: Decodable, Equatable {
        let yes: Int
        let relevant: Int
        let band: String
        let conventions: [String]
    }
    struct Case: Decodable, CustomStringConvertible {
        let printed: String
        let maximum_relevant: Int
        let pairs: [Pair]
        let bands: [String]
        var description: String { "\(printed)% with relevant ≤ \(maximum_relevant)" }
    }
    struct ScoreCase: Decodable, CustomStringConvertible {
        let printed: String
        let maximum: Int
        let scores: [Int]
        var description: String { "\(printed)% of \(maximum)" }
    }
    let cases: [Case]
    let score_percents: [ScoreCase]

    static func load() throws -> RoundingFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/inspection_rounding.json")
        return try JSONDecoder().decode(RoundingFixture.self, from: Data(contentsOf: url))
    }
}

@Suite("Rounding analysis")
struct RoundingAnalysisTests {
    @Test func pairsAndBandsMatchTheOracle() throws {
        let framework = try youthFramework()
        let fixture = try RoundingFixture.load()
        #expect(fixture.cases.count >= 15)
        for item in fixture.cases {
            let printed = try #require(PrintedPercent(text: item.printed))
            let analysis = RoundingAnalysis(printed: printed, maximumRelevant: item.maximum_relevant, framework: framework)
            let actual = analysis.pairs.map {
                RoundingFixture.Pair(yes: $0.yes, relevant: $0.relevant, band: $0.band.name, conventions: $0.conventions.map(\.rawValue))
            }
            #expect(actual == item.pairs, "\(item)")
            #expect(analysis.bands.map(\.name) == item.bands, "\(item)")
            #expect(analysis.isImpossible == item.pairs.isEmpty, "\(item)")
        }
    }

    @Test func scorePercentagesMatchTheOracle() throws {
        for item in try RoundingFixture.load().score_percents {
            let printed = try #require(PrintedPercent(text: item.printed))
            #expect(PublishedScore.points(fromPercent: printed, maximum: item.maximum) == item.scores, "\(item)")
        }
    }

    @Test func sixtyFivePercentIsAmbiguousWithTwentyCases() throws {
        let analysis = RoundingAnalysis(printed: PrintedPercent(whole: 65), maximumRelevant: 20, framework: try youthFramework())
        #expect(analysis.isBandAmbiguous)
        #expect(analysis.examples.map { "\($0.yes)/\($0.relevant)" } == ["11/17", "13/20"])
        #expect(analysis.summary == "printed 65% fits 11/17 = 64.7% (Requires improvement) and 13/20 = 65.0% (Good) with at most 20 relevant cases")
        let small = RoundingAnalysis(printed: PrintedPercent(whole: 65), maximumRelevant: 19, framework: try youthFramework())
        #expect(!small.isBandAmbiguous)
        #expect(small.bands.map(\.name) == ["Requires improvement"])
    }

    @Test func tiesDependOnTheConvention() {
        let twelve = PrintedPercent(whole: 12), thirteen = PrintedPercent(whole: 13)
        // 1/8 = 12.5% exactly.
        #expect(thirteen.conventions(roundingYes: 1, relevant: 8) == [.halfUp])
        #expect(twelve.conventions(roundingYes: 1, relevant: 8) == [.halfEven])
        // 3/8 = 37.5%: both give 38.
        #expect(PrintedPercent(whole: 38).conventions(roundingYes: 3, relevant: 8) == [.halfUp, .halfEven])
        #expect(PrintedPercent(whole: 37).conventions(roundingYes: 3, relevant: 8).isEmpty)
    }

    @Test func withoutABoundTheRoundingIntervalDecides() throws {
        let framework = try youthFramework()
        #expect(RoundingAnalysis(printed: PrintedPercent(whole: 65), maximumRelevant: nil, framework: framework).bands.map(\.name) == ["Requires improvement", "Good"])
        #expect(RoundingAnalysis(printed: PrintedPercent(whole: 80), maximumRelevant: nil, framework: framework).bands.map(\.name) == ["Good", "Outstanding"])
        #expect(RoundingAnalysis(printed: PrintedPercent(whole: 50), maximumRelevant: nil, framework: framework).bands.map(\.name) == ["Inadequate", "Requires improvement"])
        #expect(RoundingAnalysis(printed: PrintedPercent(whole: 64), maximumRelevant: nil, framework: framework).bands.map(\.name) == ["Requires improvement"])
        #expect(RoundingAnalysis(printed: PrintedPercent(whole: 79), maximumRelevant: nil, framework: framework).bands.map(\.name) == ["Good"])
    }

    @Test(arguments: [("65", 65, 0), ("65%", 65, 0), (" 64.7 % ", 647, 1), ("0", 0, 0), ("100.00", 10000, 2)])
    func printedPercentsParse(text: String, scaled: Int, decimals: Int) throws {
        let value = try #require(PrintedPercent(text: text))
        #expect(value.scaled == scaled && value.decimals == decimals)
    }

    @Test(arguments: ["", "abc", "-5", "6 5", "65.", ".5", "1e2", "65%%", "1.2345678"])
    func malformedPercentsDoNotParse(text: String) {
        #expect(PrintedPercent(text: text) == nil)
    }

    @Test(arguments: [("29", PublishedScore.points(29, outOf: nil)), ("29/36", .points(29, outOf: 36)), (" 29 / 36 ", .points(29, outOf: 36)),
                      ("80.6%", .percent(PrintedPercent(text: "80.6")!))])
    func scoresParse(text: String, expected: PublishedScore) {
        #expect(PublishedScore(text: text) == expected)
    }

    @Test(arguments: ["", "29/", "/36", "twenty", "29.5", "-3", "29/36/1"])
    func malformedScoresDoNotParse(text: String) {
        #expect(PublishedScore(text: text) == nil)
    }
}
