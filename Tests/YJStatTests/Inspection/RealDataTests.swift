import Foundation
import Testing
import YJStat

/// Acceptance and mutation tests on the bundled datasets transcribed from the three seed reports
/// (Kensington & Chelsea, North Somerset, Brent).
@Suite("Inspection checks on the bundled datasets")
struct RealDataTests {
    @Test func noErrorsAndExactlyTheFourFootnotedDiscretionCases() throws {
        let findings = try DatasetTexts.bundled().findings()
        #expect(!findings.hasError, "\(findings.filter { $0.severity == .error })")
        let discretion = findings.with(.discretion)
        #expect(discretion.map { "\($0.service) \($0.location)" } == [
            "kensington-and-chelsea 3.1", "kensington-and-chelsea 3.2", "north-somerset 3.2", "north-somerset 3.3",
        ])
        #expect(discretion.allSatisfy { $0.severity == .warning })
        #expect(discretion[0].message.contains("published Requires improvement; the rules give Inadequate"))
        #expect(discretion[1].message.contains("3.2.3: 0/1 → 1/1"))
        #expect(discretion[2].message.contains("3.2.3: 1/2 → 2/2"))
        #expect(discretion[3].message.contains("3.3.3 rests on 2 relevant cases"))
    }

    /// The datasets' own record of the footnoted discretion cases (Datasets/discretion.csv) agrees
    /// with the rule and published ratings the engine finds.
    @Test func discretionCasesAgreeWithTheDatasetsFootnoteRecord() throws {
        let table = try CSVReader.read(contentsOf: inspectionRepositoryRoot.appendingPathComponent("Datasets/discretion.csv"))
        let framework = try youthFramework()
        let dataset = try DatasetTexts.bundled().dataset()
        let checker = ConsistencyChecker(framework: framework)
        var recorded: [String] = []
        for row in table.rows {
            let service = try row.string("service"), standard = try row.string("standard")
            recorded.append("\(service) \(standard)")
            let assessment = checker.assess(dataset, service: service)
            let item = try #require(assessment.standards.first { $0.standard.id == standard })
            #expect(item.rule?.rating?.name == (try row.string("rule_rating")))
            #expect(item.published?.name == (try row.string("published_rating")))
        }
        #expect(recorded == checker.check(dataset).with(.discretion).map { "\($0.service) \($0.location)" })
    }

    @Test func bandAmbiguousPrintedPercentagesAreFlagged() throws {
        let ambiguous = try DatasetTexts.bundled().findings().with(.bandAmbiguousPercent)
        #expect(ambiguous.map { "\($0.service) \($0.location) \($0.severity.rawValue)" } == [
            "brent 2.4.2 warning", "brent 3.1.2 warning", "brent 3.2.2 warning", "brent 3.3.1 info",
        ])
        #expect(ambiguous[0].message.contains("11/17 = 64.7% (Requires improvement) and 13/20 = 65.0% (Good)"))
    }

    @Test func recomputedScoresAndRatings() throws {
        let framework = try youthFramework()
        let dataset = try DatasetTexts.bundled().dataset()
        let checker = ConsistencyChecker(framework: framework)
        let expected: [(String, Int, Int)] = [("kensington-and-chelsea", 29, 27), ("north-somerset", 26, 24), ("brent", 21, 21)]
        for (service, published, rule) in expected {
            let assessment = checker.assess(dataset, service: service)
            #expect(assessment.publishedRatingsScore == published, "\(service)")
            #expect(assessment.ruleScore == rule, "\(service)")
            #expect(assessment.publishedOverall?.name == "Good")
        }
    }

    // MARK: - Mutations of the real fixture

    @Test func raisingOneCountRemovesOneDiscretionCase() throws {
        // North Somerset 3.3.3 from 1/2 to 2/2: the rule rating becomes Outstanding, one band above
        // the published Good, still explained by the small sub-sample, but now a move down.
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.keyQuestions, lineStartingWith: "north-somerset,3.3.3,", with: "north-somerset,3.3.3,2,2,")
        let finding = try #require(try texts.findings().with(.discretion).first { $0.service == "north-somerset" && $0.location == "3.3" })
        #expect(finding.message.contains("one band down"))
    }

    @Test func loweringOneCountTwoBandsIsUnexplained() throws {
        // North Somerset 2.3.3 from 5/7 to 3/7 = 42.9% (Inadequate) against a published Good.
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.keyQuestions, lineStartingWith: "north-somerset,2.3.3,", with: "north-somerset,2.3.3,7,3,")
        let findings = try texts.findings()
        #expect(findings.with(.unexplainedRating).map { "\($0.service) \($0.location)" } == ["north-somerset 2.3"])
        #expect(findings.with(.discretion).count == 4)
    }

    @Test func yesAboveRelevantInTheRealFixture() throws {
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.keyQuestions, lineStartingWith: "kensington-and-chelsea,2.1.1,", with: "kensington-and-chelsea,2.1.1,4,5,")
        #expect(try texts.findings().with(.yesExceedsRelevant).map(\.location) == ["2.1.1"])
    }

    @Test func relevantAboveTheSampleInTheRealFixture() throws {
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.keyQuestions, lineStartingWith: "north-somerset,2.1.1,", with: "north-somerset,2.1.1,9,9,")
        #expect(try texts.findings().with(.relevantExceedsSample).map { "\($0.service) \($0.location)" } == ["north-somerset 2.1.1"])
    }

    @Test func changingOnePublishedRatingBreaksTheScore() throws {
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.ratings, lineStartingWith: "north-somerset,1.1,", with: "north-somerset,1.1,Good")
        let findings = try texts.findings()
        #expect(findings.with(.scoreMismatch).map(\.service) == ["north-somerset"])
        #expect(findings.hasError)
    }

    @Test func changingTheScoreBreaksScoreAndOverall() throws {
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.inspections, lineStartingWith: "kensington-and-chelsea,",
                          with: "kensington-and-chelsea,Kensington & Chelsea Youth Offending Service,,youth-2018,18,Good,4,3")
        let findings = try texts.findings()
        #expect(findings.with(.scoreMismatch).map(\.service) == ["kensington-and-chelsea"])
        #expect(findings.with(.overallMismatch).map(\.service) == ["kensington-and-chelsea"])
    }

    @Test func changingAPrintedPercentInThePercentOnlyReport() throws {
        // Brent 3.3.3 from 62% to 40% (Inadequate) against a published Requires improvement: no
        // trigger (40 is 10 points from 50, sample 20, no counts for a one-case change).
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.keyQuestions, lineStartingWith: "brent,3.3.3,", with: "brent,3.3.3,,,40")
        #expect(try texts.findings().with(.unexplainedRating).map { "\($0.service) \($0.location)" } == ["brent 3.3"])
        // 46% is within 5 points of 50: discretion.
        try texts.replace(\.keyQuestions, lineStartingWith: "brent,3.3.3,", with: "brent,3.3.3,,,46")
        #expect(try texts.findings().with(.discretion).contains { $0.service == "brent" && $0.location == "3.3" })
    }

    @Test func changingAPublishedRatingWordToAnUnknownOne() throws {
        var texts = try DatasetTexts.bundled()
        try texts.replace(\.ratings, lineStartingWith: "brent,2.2,", with: "brent,2.2,Very good")
        #expect(try texts.findings().with(.unknownRatingWord).map { "\($0.service) \($0.location)" } == ["brent 2.2"])
    }
}
