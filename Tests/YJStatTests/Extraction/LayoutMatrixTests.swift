import Foundation
import Testing
@testable import YJStat

/// Extraction of the same facts printed in many layouts (``ReportLayoutMatrix``): every layout
/// must give the bundled dataset's rows exactly, and say every expected field was found.
@Suite("Layout matrix: the bundled reports' facts in ten layouts extract identically")
struct LayoutMatrixTests {
    static let files = ["inspections.csv", "ratings.csv", "key_questions.csv"]

    /// The rows of `name` for one service in the bundled dataset, header first.
    static func bundledRows(_ name: String, service: String) throws -> [[String]] {
        let table = try CSVReader.read(contentsOf: ReportLayoutMatrix.datasets.appendingPathComponent(name))
        return [table.header] + table.rows.filter { $0.optionalString("service") == service }.map { row in
            table.header.map { row.optionalString($0) ?? "" }
        }
    }

    /// The rows of `name` as extraction writes them, header first.
    static func extractedRows(_ name: String, _ result: ExtractionResult) throws -> [[String]] {
        let file = try #require(ExtractedDatasetWriter.files(for: [result]).first { $0.name == name })
        let table = try CSVReader.parse(file.text, source: name)
        return [table.header] + table.rows.map { row in table.header.map { row.optionalString($0) ?? "" } }
    }

    @Test(arguments: ReportLayoutMatrix.Layout.allCases)
    func everyLayoutExtractsTheBundledRows(layout: ReportLayoutMatrix.Layout) throws {
        for facts in try ReportLayoutMatrix.bundledFacts() {
            let text = ReportLayoutMatrix.render(facts, layout: layout)
            let result = ReportExtractor.extract(text: text, source: "\(layout)-\(facts.service).txt")
            #expect(result.service == facts.service, "\(layout) \(facts.service)")
            #expect(result.completeness.missingExpected == [], "\(layout) \(facts.service)")
            for name in Self.files {
                #expect(try Self.extractedRows(name, result) == Self.bundledRows(name, service: facts.service), "\(layout) \(facts.service) \(name)")
            }
        }
    }

    /// Every layout gives byte-identical dataset files for the same facts.
    @Test func allLayoutsGiveIdenticalFiles() throws {
        for facts in try ReportLayoutMatrix.bundledFacts() {
            let outputs = ReportLayoutMatrix.Layout.allCases.map { layout in
                ExtractedDatasetWriter.files(for: [ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: layout), source: "r.txt")])
                    .filter { Self.files.contains($0.name) }.map(\.text)
            }
            #expect(Set(outputs.map { $0.joined(separator: "\u{1}") }).count == 1, "\(facts.service)")
        }
    }

    /// Removing one key question's figures reports exactly that key question missing, never a
    /// guessed value, in a same-line and a next-line layout.
    @Test(arguments: [ReportLayoutMatrix.Layout.numberedFiguresAtLineEnd, .figuresOnNextLine, .unnumberedHeadingsPerCent])
    func removingOneKeyQuestionFigureReportsExactlyThatFieldMissing(layout: ReportLayoutMatrix.Layout) throws {
        for facts in try ReportLayoutMatrix.bundledFacts() {
            for question in facts.keyQuestions {
                let text = ReportLayoutMatrix.render(facts, layout: layout, omittingFiguresOf: question.id)
                let result = ReportExtractor.extract(text: text, source: "damaged.txt")
                #expect(result.completeness.keyQuestionsMissing == [question.id], "\(layout) \(facts.service) \(question.id)")
                #expect(result.completeness.missingExpected == ["key question \(question.id)"])
                #expect(result.warnings.contains { $0.message.hasPrefix("no result found for key question \(question.id) ") })
                #expect(!result.keyQuestions.contains { $0.keyQuestion == question.id })
            }
        }
    }

    /// LF, CR LF and CR-only line ends give identical results, line numbers included.
    @Test(arguments: ReportLayoutMatrix.Layout.allCases)
    func lineEndingsGiveIdenticalResults(layout: ReportLayoutMatrix.Layout) throws {
        let facts = try #require(try ReportLayoutMatrix.bundledFacts().first)
        let text = ReportLayoutMatrix.render(facts, layout: layout)
        let lf = ReportExtractor.extract(text: text, source: "r.txt")
        for ending in ["\r\n", "\r"] {
            let other = ReportExtractor.extract(text: text.replacingAll("\n", with: ending), source: "r.txt")
            #expect(other == lf, "\(layout) \(ending.debugDescription)")
        }
    }

    /// A printed standard that the framework does not have (a later framework's resettlement
    /// standard) is a warning; the framework chosen is said.
    @Test func frameworkChoiceIsStatedAndAnUnknownResettlementStandardIsAWarning() throws {
        let facts = try #require(try ReportLayoutMatrix.bundledFacts().first)
        let text = ReportLayoutMatrix.render(facts, layout: .numberedFiguresAtLineEnd)
            .replacingAll("Overall rating", with: "4.1 Resettlement Good\n\nOverall rating")
        let result = ReportExtractor.extract(text: text, source: "r.txt")
        #expect(result.framework == "youth-2018")
        #expect(result.frameworkReason.contains("12 of the 12 standards"))
        #expect(result.warnings.contains { $0.message.contains("4.1 Resettlement") })
        #expect(result.wordingEdition == nil)
        let unnumbered = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: .unnumberedFiguresAtLineEnd), source: "r.txt")
        #expect(unnumbered.wordingEdition == "2020-2021")
        let older = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: .capitalisedHeadingsOlderWording), source: "r.txt")
        #expect(older.wordingEdition == "2018-2019")
    }
}
