import Foundation
import Testing
@testable import YJStat

/// The steps of the layout-independent pipeline, each on its own: figure groups, sections,
/// question identification and resolution, service identity, contextual label variants.
@Suite("Extraction pipeline steps")
struct ExtractionPipelineTests {
    static func group(_ text: String) -> FigureGroup? {
        let words = text.split(separator: " ")
        return FigureGroup.tokens(words).flatMap { FigureGroup.make($0, line: 1, afterQuestionMark: true) }
    }

    /// Count pairs "12 7", "7 of 12", "7/12", percentages "64%", "64 per cent", N/A and a dash.
    @Test(arguments: [("12 7", 12, 7, nil), ("7 of 12", 12, 7, nil), ("7/12", 12, 7, nil), ("64%", nil, nil, 64),
                      ("64 per cent", nil, nil, 64), ("64 %", nil, nil, 64), ("12 7 58%", 12, 7, 58), ("N/A", nil, nil, nil),
                      ("N/A N/A", nil, nil, nil), ("-", nil, nil, nil), ("27 1 1", 1, 1, nil)] as [(String, Int?, Int?, Int?)])
    func figureGroupsInEveryPrintedForm(text: String, relevant: Int?, yes: Int?, percent: Int?) throws {
        let group = try #require(Self.group(text))
        #expect(group.relevant == relevant)
        #expect(group.yes == yes)
        #expect(group.percent == percent)
    }

    @Test(arguments: ["cases inspected", "7 of", "12", "of 12", "64% more", "7/x"])
    func textIsNotAFigureGroup(text: String) {
        #expect(Self.group(text) == nil)
    }

    /// "2.1. Assessment", "Assessment" under "2. Court disposals", "ASSESSMENT" under
    /// "OUT-OF-COURT DISPOSALS"; an annex ends the standard.
    @Test func sectionsByTheFrameworksNamesNumberedOrNot() {
        let text = "2.1. Assessment\nline a\n2. Court disposals\nPlanning\nline b\nOUT-OF-COURT DISPOSALS\nASSESSMENT\nline c\nAnnex 1\nline d\n"
        let body = ReportDocument(text: text).body
        let sections = ReportSections(body, framework: TestFrameworks.youth2018)
        #expect(sections.standardOfLine == ["2.1", "2.1", nil, "2.2", "2.2", nil, "3.1", "3.1", nil, nil])
    }

    /// Counts beat a printed percentage and are cross-checked against it: 7/12 is 58%, so a
    /// printed 64% is an error finding (the checker's `percent-mismatch`); the figures stay as printed.
    @Test func countsAndAPercentThatDisagreeAreAnErrorFinding() throws {
        let facts = try #require(try ReportLayoutMatrix.bundledFacts().first { $0.service == "north-somerset" })
        var text = ReportLayoutMatrix.render(facts, layout: .numberedFiguresAtLineEnd)
        text = text.replacingAll("do enough to keep the child safe? 8 8\n", with: "do enough to keep the child safe? 8 8 75%\n")
        let result = ReportExtractor.extract(text: text, source: "r.txt")
        let row = try #require(result.keyQuestions.first { $0.keyQuestion == "2.1.2" })
        #expect(row.relevant == 8 && row.yes == 8 && row.percent == 75)
        #expect(result.findings.contains { $0.code == .percentMismatch && $0.severity == .error && $0.line == row.line })
    }

    /// A key question printed twice with different figures keeps the first and reports the second.
    @Test func aKeyQuestionFoundTwiceKeepsTheFirstAndReportsTheSecond() throws {
        let text = "2.1. Assessment\n2.1.3. Does assessment keep other people safe? 8 6\nLater again:\n2.1.3. Does assessment keep other people safe? 8 5\n"
        let body = ReportDocument(text: text).body
        let read = KeyQuestionReader(framework: TestFrameworks.youth2018).read(body, sections: ReportSections(body, framework: TestFrameworks.youth2018))
        #expect(read.results.map { "\($0.keyQuestion) \($0.relevant ?? -1) \($0.yes ?? -1) \($0.line)" } == ["2.1.3 8 6 2"])
        #expect(read.warnings.map(\.line) == [4])
        #expect(read.warnings.first?.message.contains("5 yes of 8 relevant") == true)
    }

    /// A question with another printed id ("1.4.1.") is never read by its wording, and narrative
    /// text between a question and a figure means the question has no figures here.
    @Test func otherIdsAndFiguresAfterTextAreNotTaken() {
        let text = "2.1. Assessment\n1.4.1. Does assessment keep the child safe? 4 4\nDoes assessment keep other people safe?\nOf the 4 cases inspected:\n4 3\n"
        let body = ReportDocument(text: text).body
        let read = KeyQuestionReader(framework: TestFrameworks.youth2018).read(body, sections: ReportSections(body, framework: TestFrameworks.youth2018))
        #expect(read.results.isEmpty)
    }

    /// The service comes from the title ("… youth justice services in Kirklees"), never from a
    /// body sentence naming a board; the slug matches the bundled datasets' style.
    @Test func serviceFromTheTitleNotFromABodySentence() {
        let text = "An inspection of youth justice services in Kirklees\n\nThe Kirklees Youth Justice Service should:\n\nThe Calderdale Youth Offending Service should:\n"
        let result = ReportExtractor.extract(text: text, source: "x.txt")
        #expect(result.service == "kirklees")
        #expect(result.inspection.name?.value == "Kirklees Youth Justice Service")
        let board = "An inspection of youth offending services in\n\nLambeth\n\nThe Southwark and Lambeth Youth Offending Service should:\n"
        let other = ReportExtractor.extract(text: board, source: "x.txt")
        #expect(other.service == "lambeth")
        #expect(other.inspection.name == nil)
        #expect(other.warnings.contains { $0.message.contains("names another service than the title") })
        let header = "Some text\n\nInspection of youth offending services: Kensington & Chelsea YOS 35\n"
        #expect(ReportExtractor.extract(text: header, source: "x.txt").service == "kensington-and-chelsea")
    }

    /// Ethnicity headings in any of the years' label variants and column orders.
    @Test(arguments: [
        ("Race/ethnicity White Black and minority ethnic Unknown", "10% 85% 5%", [10, 85, 5]),
        ("Ethnicity BAME White Not known", "85% 10% 5%", [10, 85, 5]),
        ("Ethnicity Black, Asian and minority ethnic Not known White", "85% 5% 10%", [10, 85, 5]),
    ])
    func ethnicityLabelVariantsAndColumnOrder(heading: String, serviceRow: String, expected: [Int]) {
        let text = "\(heading)\nTestshire YOS \(serviceRow)\nNational average \(serviceRow)\n"
        let result = ReportExtractor.extract(text: text, source: "x.txt")
        let ethnicity = result.demographics.filter { $0.dimension == .ethnicity }
        #expect(ethnicity.map(\.category) == ["White", "Black and minority ethnic", "Unknown"])
        #expect(ethnicity.map(\.servicePercent) == expected)
        #expect(!result.warnings.contains { $0.message.contains("ethnicity table heading") })
    }
}
