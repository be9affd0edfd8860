import Foundation
import Testing
@testable import YJStat

/// Framework versions in extraction (issue 15, issue 14 acceptance): the extractor chooses the
/// framework from what the report prints, says which, and every step — sections, key questions,
/// ratings, completeness, the checks on the extracted rows and the rating rules — uses it.
@Suite("Framework versions: chosen from the report, used by every step")
struct FrameworkVersionTests {
    /// The layouts the version tests print in (one per kind of question/figure layout).
    static let layouts: [ReportLayoutMatrix.Layout] = [.numberedFiguresAtLineEnd, .unnumberedFiguresAtLineEnd, .tabSeparatedCells,
                                                       .twoColumnLayout, .unnumberedHeadingsPerCent]

    /// A bundled report's facts printed under the 2021 standards, with a resettlement standard
    /// rated Outstanding (which, if it were scored, would make the printed score wrong by 3).
    static func reports2021() throws -> [(facts: ReportLayoutMatrix.Facts, layout: ReportLayoutMatrix.Layout, text: String)] {
        try ReportLayoutMatrix.bundledFacts().flatMap { bundled in
            let facts = ReportLayoutMatrix.under2021Standards(bundled, resettlement: "Outstanding")
            return layouts.map { (facts, $0, ReportLayoutMatrix.render(facts, layout: $0, framework: TestFrameworks.youth2021)) }
        }
    }

    /// A report with a resettlement standard is read with youth-2021: 4.1 is extracted as a
    /// rating that is not scored, 3.4 as a judgement standard without key questions, and the
    /// score and overall-rating checks count 12 scored standards (no score mismatch although
    /// 4.1 is rated Outstanding). The dataset rows name the framework.
    @Test func aResettlementStandardIsExtractedAsRatedNotScored() throws {
        for (facts, layout, text) in try Self.reports2021() {
            let label = "\(facts.service) \(layout)"
            let result = ReportExtractor.extract(text: text, source: "r.txt")
            #expect(result.framework.id == "youth-2021", "\(label)")
            #expect(result.frameworkReason.contains("13 of the 13 standards of youth-2021"), "\(label): \(result.frameworkReason)")
            #expect(result.frameworkReason.contains("4.1 rated, not scored"), "\(label)")
            #expect(result.completeness.missingExpected == [], "\(label)")
            #expect(result.completeness.ratingsFound.last == "4.1")
            #expect(result.completeness.keyQuestionsFound.count == 21)
            #expect(result.ratings.first { $0.standard == "4.1" }?.rating == .outstanding, "\(label)")
            #expect(result.findings.filter { $0.severity == .error } == [], "\(label): \(result.findings)")
            #expect(!result.findings.contains { $0.code == .scoreMismatch || $0.code == .frameworkMismatch })
            #expect(!result.warnings.contains { $0.message.contains("does not have") }, "\(label)")

            // Rating rules with the chosen framework: 4.1 is assessed but not in the score.
            let dataset = InspectionDataset(extracted: [result])
            let evaluation = ConsistencyChecker(framework: result.framework).evaluate(dataset, service: facts.service)
            let resettlement = try #require(evaluation.assessment.standards.first { $0.standard.id == "4.1" })
            #expect(!resettlement.standard.isScored)
            #expect(resettlement.published?.name == "Outstanding")
            let scores = ["Inadequate": 0, "Requires improvement": 1, "Good": 2, "Outstanding": 3]
            let scoredSum = facts.ratings.filter { $0.0 != "4.1" }.reduce(0) { $0 + (scores[$1.1] ?? -100) }
            #expect(evaluation.assessment.publishedRatingsScore == scoredSum, "\(label)")
            if let printed = Int(facts.score) { #expect(printed == scoredSum) }
            #expect(evaluation.findings.filter { $0.severity == .error } == [])

            // The dataset files: the framework column, the 4.1 row, no 3.4 key questions.
            let files = ExtractedDatasetWriter.files(for: [result])
            let inspections = try #require(files.first { $0.name == "inspections.csv" }).text
            #expect(inspections.contains(",2022-03,youth-2021,\(facts.score),"), "\(label): \(inspections)")
            let ratings = try #require(files.first { $0.name == "ratings.csv" }).text
            #expect(ratings.contains("\(facts.service),4.1,Outstanding"))
            let questions = try #require(files.first { $0.name == "key_questions.csv" }).text
            #expect(!questions.contains(",3.4."))
        }
    }

    /// The same report forced to youth-2018 (`extract --framework youth-2018.json`): the
    /// resettlement standard is a warning, not a rating; 3.4's rating and key questions are
    /// missing (its printed name is another standard's), so the extraction is incomplete —
    /// the framework decides what is expected, and the 2018 one is never used silently.
    @Test func readingA2021ReportWithThe2018FrameworkSaysWhatDoesNotFit() throws {
        let (_, _, text) = try #require(try Self.reports2021().first)
        let result = ReportExtractor.extract(text: text, source: "r.txt", frameworks: [TestFrameworks.youth2018])
        #expect(result.framework.id == "youth-2018")
        #expect(result.frameworkReason.contains("the only framework given"))
        #expect(result.warnings.contains { $0.message.contains("standard 4.1 Resettlement policy and provision") && $0.message.contains("which framework youth-2018 does not have") })
        #expect(result.completeness.missingExpected == ["rating 3.4", "key question 3.4.1", "key question 3.4.2"])
        #expect(!result.ratings.contains { $0.standard == "4.1" })
    }

    /// The 2018 seeds' shape (3.4 Joint working, no 4.1) is read with youth-2018.
    @Test func a2018ReportIsReadWithThe2018Framework() throws {
        for facts in try ReportLayoutMatrix.bundledFacts() {
            let result = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: .numberedFiguresAtLineEnd), source: "r.txt")
            #expect(result.framework.id == "youth-2018")
            #expect(result.frameworkReason.contains("youth-2021: 11 of 13, and 3.4 as another framework names it"), "\(result.frameworkReason)")
        }
    }

    /// When the standard list does not tell the frameworks apart, the fieldwork month decides,
    /// else the publication month (with a warning when both frameworks remain possible), else
    /// the oldest framework with a warning. The reason always says which.
    @Test(arguments: [
        ("Our fieldwork took place between 14 September and 18 September 2020.", "youth-2018", "fieldwork 2020-09", false),
        ("Our fieldwork took place between 4 October and 8 October 2021.", "youth-2021", "fieldwork 2021-10", false),
        ("Fieldwork started: June 2021", "youth-2018", "fieldwork 2021-06", false),
        ("DECEMBER 2019", "youth-2018", "published 2019-12", false),
        ("MARCH 2022", "youth-2021", "published 2022-03", true),
        ("", "youth-2018", "nothing printed tells youth-2018 and youth-2021 apart", true),
    ])
    func datesDecideWhenTheStandardListDoesNot(line: String, expected: String, reason: String, warns: Bool) {
        let text = "An inspection of youth offending services in Testshire\n\n\(line)\n\n2.1 Assessment Good\n2.2 Planning Good\n"
        let result = ReportExtractor.extract(text: text, source: "r.txt")
        #expect(result.framework.id == expected)
        #expect(result.frameworkReason.contains(reason), "\(result.frameworkReason)")
        #expect(result.warnings.contains { $0.message.contains("framework") && ($0.message.contains("assumed") || $0.message.contains("could not be told")) } == warns)
    }

    /// Issue 14 acceptance: a modified framework file (a changed wording cue and a changed band
    /// boundary) is seen by extraction (the question is found by the new wording only), by the
    /// checks on the extracted rows and by the rating rules — from the one file.
    @Test func aModifiedFrameworkFileIsSeenByExtractionCheckingAndRating() throws {
        let original = BundledFrameworks.youth2018
        #expect(original.contains("\"child's desistance\""))
        #expect(original.contains("\"rating\": \"Good\",\n      \"minimum_percent\": 65"))
        let modifiedText = original.replacingOccurrences(of: "\"child's desistance\"", with: "\"child's progress\"")
            .replacingOccurrences(of: "\"rating\": \"Good\",\n      \"minimum_percent\": 65", with: "\"rating\": \"Good\",\n      \"minimum_percent\": 75")
        let modified = try Framework.decode(modifiedText, source: "modified.json")
        let bundled = TestFrameworks.youth2018
        // North Somerset: 2.3 and 2.4 rest on 5 of 7 (71.4%), Good under 65%, below a 75% Good.
        let facts = try #require(try ReportLayoutMatrix.bundledFacts().first { $0.service == "north-somerset" })
        let text = ReportLayoutMatrix.render(facts, layout: .unnumberedFiguresAtLineEnd)
            .replacingAll("the child's desistance", with: "the child's progress")

        let withBundled = ReportExtractor.extract(text: text, source: "r.txt", frameworks: [bundled])
        let withModified = ReportExtractor.extract(text: text, source: "r.txt", frameworks: [modified])

        // Extraction: the desistance questions (x.y.1) are found by the new cue only.
        let desistance = bundled.keyQuestionIDs.filter { $0.hasSuffix(".1") && !$0.hasPrefix("3.4") }
        #expect(withBundled.completeness.keyQuestionsMissing == desistance)
        #expect(withModified.completeness.keyQuestionsMissing == [])
        for name in LayoutMatrixTests.files {
            #expect(try LayoutMatrixTests.extractedRows(name, withModified) == LayoutMatrixTests.bundledRows(name, service: facts.service), "\(name)")
        }

        // Checking: against the same report read with the bundled file, the checks flag 2.3 and
        // 2.4 (published Good, rule rating now Requires improvement) — in the extraction's own
        // findings (report lines of 2.3 and 2.4) and in the checker's.
        let complete = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: .unnumberedFiguresAtLineEnd), source: "r.txt",
                                               frameworks: [bundled])
        #expect(complete.completeness.missingExpected == [])
        func flaggedLines(_ result: ExtractionResult) -> Set<Int> {
            Set(result.findings.filter { $0.code == .discretion || $0.code == .unexplainedRating }.compactMap(\.line))
        }
        func flaggedStandards(_ result: ExtractionResult) -> Set<String> {
            Set(ConsistencyChecker(framework: result.framework).check(InspectionDataset(extracted: [result]))
                .filter { $0.code == .discretion || $0.code == .unexplainedRating }.map(\.location))
        }
        let newLines = flaggedLines(withModified).subtracting(flaggedLines(complete))
        let ratingLines = Set(withModified.ratings.filter { ["2.3", "2.4"].contains($0.standard) }.map(\.line))
        #expect(newLines == ratingLines && ratingLines.count == 2, "\(newLines) \(ratingLines)")
        #expect(flaggedStandards(withModified).subtracting(flaggedStandards(complete)) == ["2.3", "2.4"])
        #expect(flaggedStandards(complete).isDisjoint(with: ["2.3", "2.4"]))

        // Rating: the rule rating of 2.3 and 2.4 moves from Good to Requires improvement.
        let rule = { (result: ExtractionResult, standard: String) -> String? in
            ConsistencyChecker(framework: result.framework).evaluate(InspectionDataset(extracted: [result]), service: facts.service)
                .assessment.standards.first { $0.standard.id == standard }?.rule?.rating?.name
        }
        #expect(rule(complete, "2.3") == "Good")
        #expect(rule(complete, "2.4") == "Good")
        #expect(rule(withModified, "2.3") == "Requires improvement")
        #expect(rule(withModified, "2.4") == "Requires improvement")
    }
}
