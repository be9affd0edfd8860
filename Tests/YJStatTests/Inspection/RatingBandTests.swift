import Testing
import YJStat

@Suite("Key-question bands")
struct RatingBandTests {
    /// Every boundary as an exact fraction just below and at it: 4999/10000 = 49.99% is Inadequate,
    /// 5000/10000 = 50% Requires improvement, and so on.
    @Test(arguments: [
        (4999, "Inadequate"), (5000, "Requires improvement"),
        (6499, "Requires improvement"), (6500, "Good"),
        (7999, "Good"), (8000, "Outstanding"),
        (0, "Inadequate"), (10000, "Outstanding"),
    ])
    func boundariesAreExactFractions(yes: Int, expected: String) throws {
        #expect(try youthFramework().band(yes: yes, relevant: 10000).name == expected)
    }

    @Test func theFractionNotThePrintedFigureDecidesTheBand() throws {
        let framework = try youthFramework()
        // 11 of 17 = 64.7%, printed 65%.
        let result = try #require(KeyQuestionResult(keyQuestion: "2.1.1", yes: 11, relevant: 17, printed: PrintedPercent(whole: 65), framework: framework))
        #expect(result.band.name == "Requires improvement")
        #expect(result.basis == .counts)
        #expect(framework.band(percent: 65).name == "Good")
        // 13 of 20 = 65.0% exactly.
        #expect(framework.band(yes: 13, relevant: 20).name == "Good")
        // 1 of 2 = 50% exactly is Requires improvement; 4 of 5 = 80% Outstanding.
        #expect(framework.band(yes: 1, relevant: 2).name == "Requires improvement")
        #expect(framework.band(yes: 4, relevant: 5).name == "Outstanding")
    }

    @Test func printedOnlyResultUsesThePrintedBand() throws {
        let framework = try youthFramework()
        let result = KeyQuestionResult(keyQuestion: "3.1.2", printed: PrintedPercent(whole: 65), framework: framework)
        #expect(result.band.name == "Good")
        #expect(result.basis == .printedPercent)
        #expect(result.text == "printed 65%")
    }

    @Test func impossibleCountsGiveNoResult() throws {
        let framework = try youthFramework()
        #expect(KeyQuestionResult(keyQuestion: "2.1.1", yes: 3, relevant: 2, framework: framework) == nil)
        #expect(KeyQuestionResult(keyQuestion: "2.1.1", yes: 0, relevant: 0, framework: framework) == nil)
        #expect(KeyQuestionResult(keyQuestion: "2.1.1", yes: -1, relevant: 2, framework: framework) == nil)
    }

    @Test func standardRatingIsTheLowestBand() throws {
        let framework = try youthFramework()
        let standard = try #require(framework.standard("2.1"))
        let results = [(8, 8), (7, 8), (5, 8)].enumerated().compactMap { index, counts in
            KeyQuestionResult(keyQuestion: "2.1.\(index + 1)", yes: counts.0, relevant: counts.1, framework: framework)
        }
        let rating = StandardRating(standard: standard, results: results, sampleSize: 8, framework: framework)
        #expect(rating.rating?.name == "Requires improvement")   // 5/8 = 62.5%
        #expect(rating.lowest?.keyQuestion == "2.1.3")
        #expect(rating.missingKeyQuestions.isEmpty)
        let partial = StandardRating(standard: standard, results: Array(results.prefix(2)), sampleSize: 8, framework: framework)
        #expect(partial.missingKeyQuestions == ["2.1.3"])
    }
}
