import Foundation
import Testing
import YJStat

/// A change to the synthetic dataset and the finding it must produce.
struct FindingCase: Sendable, CustomStringConvertible {
    let code: FindingCode
    let severity: Finding.Severity
    let location: String
    let apply: @Sendable (inout DatasetTexts) throws -> Void
    var description: String { "\(code.rawValue) at \(location)" }
}

private func kq(_ id: String, _ relevant: String, _ yes: String, _ percent: String = "") -> String {
    "test-yos,\(id),\(relevant),\(yes),\(percent)"
}
private func inspection(score: String = "36", overall: String = "Outstanding", framework: String = "youth-2018",
                        court: String = "10", ooc: String = "10") -> String {
    "test-yos,Test YOS,2020-01,\(framework),\(score),\(overall),\(court),\(ooc)"
}

@Suite("Consistency checker")
struct ConsistencyCheckerTests {
    static let cases: [FindingCase] = [
        FindingCase(code: .yesExceedsRelevant, severity: .error, location: "2.1.1") {
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "10", "11"))
        },
        FindingCase(code: .relevantExceedsSample, severity: .error, location: "2.1.1") {
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "11", "9"))
        },
        FindingCase(code: .percentMismatch, severity: .error, location: "2.1.1") {
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "10", "8", "75"))
        },
        FindingCase(code: .percentImpossible, severity: .error, location: "2.1.1") {
            // No fraction with at most 10 relevant cases rounds to 65%.
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "", "", "65"))
        },
        FindingCase(code: .printedBandDiffers, severity: .warning, location: "2.1.1") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(court: "20"))
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "17", "11", "65"))
        },
        FindingCase(code: .bandAmbiguousPercent, severity: .warning, location: "2.1.1") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(court: "20"))
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "", "", "65"))
        },
        FindingCase(code: .bandAmbiguousPercent, severity: .info, location: "2.1.1") {
            // 2.1.2 at 55% keeps standard 2.1 at Requires improvement whichever band 65% is.
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(court: "20"))
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "", "", "65"))
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.2,", with: kq("2.1.2", "", "", "55"))
        },
        FindingCase(code: .incompleteCounts, severity: .error, location: "2.1.1") {
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.1,", with: kq("2.1.1", "10", ""))
        },
        FindingCase(code: .incompleteCounts, severity: .error, location: "2.1.2") {
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.2,", with: kq("2.1.2", "", ""))
        },
        FindingCase(code: .noRelevantCases, severity: .info, location: "3.4.2") {
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,3.4.2,", with: kq("3.4.2", "0", "0"))
        },
        FindingCase(code: .missingKeyQuestion, severity: .warning, location: "2.1.3") {
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.3,", with: "")
        },
        FindingCase(code: .unknownKeyQuestion, severity: .error, location: "2.1.4") {
            $0.append(\.keyQuestions, kq("2.1.4", "10", "8"))
        },
        FindingCase(code: .duplicateKeyQuestion, severity: .error, location: "2.1.1") {
            $0.append(\.keyQuestions, kq("2.1.1", "10", "9"))
        },
        FindingCase(code: .discretion, severity: .warning, location: "3.2") {
            // 1 of 2 = 50% (Requires improvement) published Good: one band up, small sub-sample.
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,3.2.3,", with: kq("3.2.3", "2", "1"))
            try $0.replace(\.ratings, lineStartingWith: "test-yos,3.2,", with: "test-yos,3.2,Good")
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "35"))
        },
        FindingCase(code: .unexplainedRating, severity: .error, location: "2.1") {
            // 5 of 10 = 50% (Requires improvement) published Outstanding: two bands.
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.3,", with: kq("2.1.3", "10", "5"))
        },
        FindingCase(code: .unexplainedRating, severity: .error, location: "2.2") {
            // 28 of 40 = 70% (Good) published Outstanding: one band up, but the only trigger (5 points
            // above 65) supports a move down, one case either way stays Good, and 40 cases is not small.
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(court: "40"))
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.2.3,", with: kq("2.2.3", "40", "28"))
        },
        FindingCase(code: .ratingWithinRounding, severity: .warning, location: "2.1") {
            // Printed 65% could be 11/17 = 64.7%, so a published Requires improvement fits.
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "34", court: "20"))
            try $0.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.3,", with: kq("2.1.3", "", "", "65"))
            try $0.replace(\.ratings, lineStartingWith: "test-yos,2.1,", with: "test-yos,2.1,Requires improvement")
        },
        FindingCase(code: .missingStandard, severity: .error, location: "1.1") {
            try $0.replace(\.ratings, lineStartingWith: "test-yos,1.1,", with: "")
        },
        FindingCase(code: .duplicateStandard, severity: .error, location: "1.1") {
            $0.append(\.ratings, "test-yos,1.1,Good")
        },
        FindingCase(code: .unknownStandard, severity: .error, location: "4.1") {
            $0.append(\.ratings, "test-yos,4.1,Good")
        },
        FindingCase(code: .unknownRatingWord, severity: .error, location: "1.1") {
            try $0.replace(\.ratings, lineStartingWith: "test-yos,1.1,", with: "test-yos,1.1,Excellent")
        },
        FindingCase(code: .unknownRatingWord, severity: .error, location: "overall") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(overall: "Superb"))
        },
        FindingCase(code: .missingRating, severity: .warning, location: "1.1") {
            try $0.replace(\.ratings, lineStartingWith: "test-yos,1.1,", with: "test-yos,1.1,")
        },
        FindingCase(code: .missingRating, severity: .warning, location: "overall") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(overall: ""))
        },
        FindingCase(code: .scoreMismatch, severity: .error, location: "score") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "35"))
        },
        FindingCase(code: .overallMismatch, severity: .error, location: "overall") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(overall: "Good"))
        },
        FindingCase(code: .overallMismatch, severity: .error, location: "overall") {
            // No score published: the overall rating is checked against the sum of the ratings (36).
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "", overall: "Requires improvement"))
        },
        FindingCase(code: .scoreOutOfRange, severity: .error, location: "score") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "30/30"))
        },
        FindingCase(code: .scoreOutOfRange, severity: .error, location: "score") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "37"))
        },
        FindingCase(code: .scorePercentNotWhole, severity: .error, location: "score") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "99%"))
        },
        FindingCase(code: .missingInspection, severity: .error, location: "inspection") {
            $0.append(\.ratings, "other-yos,1.1,Good")
        },
        FindingCase(code: .frameworkMismatch, severity: .warning, location: "inspection") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(framework: "youth-2023"))
        },
        FindingCase(code: .invalidServiceID, severity: .warning, location: "inspection") {
            $0.append(\.inspections, "Other_YOS,Other,,youth-2018,,,,")
        },
        FindingCase(code: .missingSampleSize, severity: .info, location: "2") {
            try $0.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(court: ""))
        },
    ]

    @Test func theSyntheticBaseHasNoFindings() throws {
        #expect(try DatasetTexts.synthetic().findings() == [])
    }

    @Test(arguments: cases)
    func eachChangeProducesItsFinding(_ item: FindingCase) throws {
        var texts = DatasetTexts.synthetic()
        try item.apply(&texts)
        let findings = try texts.findings()
        let matching = findings.filter { $0.code == item.code && $0.location == item.location }
        #expect(matching.count == 1, "findings: \(findings.map { "\($0.code.rawValue) \($0.location) \($0.severity)" })")
        #expect(matching.first?.severity == item.severity)
        #expect(!(matching.first?.message.isEmpty ?? true))
    }

    @Test func everyFindingCodeIsExercised() {
        // The extraction-only codes compare figures a report prints twice; the extraction tests raise them.
        #expect(Set(Self.cases.map(\.code)) == Set(FindingCode.allCases.filter { !$0.isExtractionOnly }))
    }

    @Test func rulesChangingOneRatingAndScoreTogetherStayConsistent() throws {
        // 2.1 lowered to Good with score 35 and a key question at 70% of 40: no finding at all.
        var texts = DatasetTexts.synthetic()
        try texts.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "35", court: "40"))
        try texts.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.3,", with: kq("2.1.3", "40", "28"))
        try texts.replace(\.ratings, lineStartingWith: "test-yos,2.1,", with: "test-yos,2.1,Good")
        #expect(try texts.findings() == [])
    }

    @Test func discretionMessageNamesTheTriggersAndDirection() throws {
        var texts = DatasetTexts.synthetic()
        try Self.cases.first { $0.code == .discretion }?.apply(&texts)
        let finding = try #require(try texts.findings().with(.discretion).first)
        #expect(finding.message.contains("published Good; the rules give Requires improvement"))
        #expect(finding.message.contains("one band up"))
        #expect(finding.message.contains("3.2.3: 1/2 → 2/2"))
        #expect(finding.message.contains("3.2.3 rests on 2 relevant cases"))
    }

    @Test func nearBoundaryAloneSupportsOnlyItsDirection() throws {
        // 24 of 40 = 60% (Requires improvement), 5 below 65: published Good is discretion,
        // published Inadequate is not (no trigger supports down).
        var up = DatasetTexts.synthetic()
        try up.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "35", court: "40"))
        try up.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.3,", with: kq("2.1.3", "40", "24"))
        try up.replace(\.ratings, lineStartingWith: "test-yos,2.1,", with: "test-yos,2.1,Good")
        #expect(try up.findings().map(\.code) == [.discretion])
        var down = up
        try down.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "33", court: "40"))
        try down.replace(\.ratings, lineStartingWith: "test-yos,2.1,", with: "test-yos,2.1,Inadequate")
        #expect(try down.findings().map(\.code) == [.unexplainedRating])
    }

    @Test func ratingWordVariantsAreAccepted() throws {
        var texts = DatasetTexts.synthetic()
        try texts.replace(\.ratings, lineStartingWith: "test-yos,1.1,", with: "test-yos,1.1,RI")
        try texts.replace(\.ratings, lineStartingWith: "test-yos,1.2,", with: "test-yos,1.2,Requires Improvement")
        try texts.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "32/36", overall: "outstanding"))
        #expect(try texts.findings() == [])
    }

    @Test func scoreAsAWholeNumberPercentageIsAccepted() throws {
        var texts = DatasetTexts.synthetic()
        try texts.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "100%"))
        #expect(try texts.findings() == [])
        try texts.replace(\.inspections, lineStartingWith: "test-yos,", with: inspection(score: "97.2%"))
        #expect(try texts.findings().map(\.code) == [.scoreMismatch])
    }
}
