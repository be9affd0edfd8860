import Foundation
import Testing
@testable import YJStat

/// The count checks of a printed row are made once (``PublishedCountCheck``): extraction, the
/// summary's prompt findings and the consistency checker give the same codes for the same
/// figures.
@Suite("Published count checks: one set of rules for extraction, summary and check")
struct PublishedCountCheckTests {
    let framework = TestFrameworks.youth2018
    static let counts: [Int?] = [nil, 0, 1, 3, 8, 9, 20]
    static let percents: [Int?] = [nil, 0, 33, 38, 50, 100]
    static let samples: [Int?] = [nil, 5, 8, 30]

    /// Codes and severities of extraction's check of one prompt row, with the table heading's
    /// case count standing for the sample.
    func extractionFindings(relevant: Int?, yes: Int?, percent: Int?, cases: Int?) -> [String] {
        var result = ExtractionResult(source: "r.txt", service: "s", framework: framework)
        KeyQuestionExtractor.checkRow(CountTable.Row(text: "", relevant: relevant, yes: yes, percent: percent, line: 12),
                                      tableCases: cases, label: "prompt p under 2.1.1", keyQuestion: false, into: &result)
        return result.findings.map { "\($0.severity.rawValue) \($0.code.rawValue)" }
    }

    /// The same figures as a row of `prompts.csv`, checked by the summary.
    func summaryFindings(relevant: Int?, yes: Int?, percent: Int?, sample: Int?) -> [String] {
        let inspection = InspectionDataset(
            inspections: [.init(service: "s", name: nil, published: nil, framework: "youth-2018", score: nil, overallRating: nil,
                                samples: sample.map { ["court_sample": $0] } ?? [:], line: 2)],
            ratings: [], keyQuestions: [])
        let prompt = PromptResult(service: "s", keyQuestion: "2.1.1", prompt: "p", relevant: relevant, yes: yes, percent: percent, line: 2)
        let dataset = SummaryDataset(directory: URL(fileURLWithPath: "/nowhere"), inspection: inspection, frameworks: .all(framework), prompts: [prompt],
                                     discretion: [], demographics: [], population: [], caseload: [], rates: [],
                                     sampleComposition: [], hasSampleComposition: false)
        return dataset.promptFindings(service: "s").map { "\($0.severity.rawValue) \($0.code.rawValue)" }
    }

    /// The same figures as a key question of `key_questions.csv`, checked by the consistency
    /// checker (only its findings of the three shared codes).
    func checkerFindings(relevant: Int, yes: Int, percent: Int?, sample: Int?) -> [String] {
        let shared: Set<FindingCode> = [.yesExceedsRelevant, .relevantExceedsSample, .percentMismatch]
        let dataset = InspectionDataset(
            inspections: [.init(service: "s", name: nil, published: nil, framework: "youth-2018", score: nil, overallRating: nil,
                                samples: sample.map { ["court_sample": $0] } ?? [:], line: 2)],
            ratings: [],
            keyQuestions: [.init(service: "s", keyQuestion: "2.1.1", relevant: relevant, yes: yes,
                                 percent: percent.map { PrintedPercent(whole: $0) }, line: 2)])
        return ConsistencyChecker(framework: framework).check(dataset)
            .filter { shared.contains($0.code) && $0.location == "2.1.1" }
            .map { "\($0.severity.rawValue) \($0.code.rawValue)" }
    }

    @Test func extractionSummaryAndCheckerAgreeOnEveryRowOfTheMatrix() {
        var compared = 0, withFindings = 0
        for relevant in Self.counts {
            for yes in Self.counts {
                for percent in Self.percents {
                    for sample in Self.samples {
                        let extraction = extractionFindings(relevant: relevant, yes: yes, percent: percent, cases: sample)
                        let summary = summaryFindings(relevant: relevant, yes: yes, percent: percent, sample: sample)
                        #expect(extraction == summary, "relevant \(String(describing: relevant)) yes \(String(describing: yes)) percent \(String(describing: percent)) sample \(String(describing: sample))")
                        if let relevant, let yes {
                            #expect(checkerFindings(relevant: relevant, yes: yes, percent: percent, sample: sample) == extraction,
                                    "key question relevant \(relevant) yes \(yes) percent \(String(describing: percent)) sample \(String(describing: sample))")
                        }
                        compared += 1
                        if !extraction.isEmpty { withFindings += 1 }
                    }
                }
            }
        }
        #expect(compared == 7 * 7 * 6 * 4)
        #expect(withFindings > 100 && withFindings < compared)
    }

    @Test func namedCases() {
        // Yes above relevant: the percentage is not also compared with impossible counts.
        #expect(PublishedCountCheck.failures(relevant: 3, yes: 5, percent: PrintedPercent(whole: 50), cases: nil).map(\.code) == [.yesExceedsRelevant])
        // 3 of 8 is 37.5%: 38 (half up) and 38 (half to even) are right, 50 is not.
        #expect(PublishedCountCheck.failures(relevant: 8, yes: 3, percent: PrintedPercent(whole: 38), cases: 8).isEmpty)
        #expect(PublishedCountCheck.failures(relevant: 8, yes: 3, percent: PrintedPercent(whole: 50), cases: 8)
                == [.percentMismatch(printed: PrintedPercent(whole: 50), yes: 3, relevant: 8)])
        // Relevant above the sample.
        #expect(PublishedCountCheck.failures(relevant: 9, yes: 3, percent: nil, cases: 8) == [.relevantExceedsCases(relevant: 9, cases: 8)])
        // Not applicable (no counts) and no relevant cases: nothing to check.
        #expect(PublishedCountCheck.failures(relevant: nil, yes: nil, percent: nil, cases: 8).isEmpty)
        #expect(PublishedCountCheck.failures(relevant: 0, yes: 0, percent: PrintedPercent(whole: 100), cases: 8).isEmpty)
        // Every failure is an error, under the FindingCode vocabulary.
        #expect(Set([PublishedCountCheck.yesExceedsRelevant(yes: 2, relevant: 1), .relevantExceedsCases(relevant: 2, cases: 1),
                     .percentMismatch(printed: PrintedPercent(whole: 1), yes: 1, relevant: 2)].map(\.severity)) == [.error])
    }

    /// A prompt percentage that no rounding gives is now a summary finding too, worded with its
    /// place in prompts.csv.
    @Test func summaryReportsAPromptPercentMismatchWithItsLine() {
        let inspection = InspectionDataset(inspections: [], ratings: [], keyQuestions: [])
        let prompt = PromptResult(service: "s", keyQuestion: "2.1.1", prompt: "p", relevant: 8, yes: 3, percent: 50, line: 7)
        let dataset = SummaryDataset(directory: URL(fileURLWithPath: "/nowhere"), inspection: inspection, frameworks: .all(framework), prompts: [prompt],
                                     discretion: [], demographics: [], population: [], caseload: [], rates: [],
                                     sampleComposition: [], hasSampleComposition: false)
        let findings = dataset.promptFindings(service: "s")
        #expect(findings.map(\.code) == [.percentMismatch])
        #expect(findings.first?.message == "prompt p of 2.1.1 prints 50% but 3/8 = 37.5%, which rounds to neither (prompts.csv line 7)")
    }
}
