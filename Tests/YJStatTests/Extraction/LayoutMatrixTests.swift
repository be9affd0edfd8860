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

    /// Regression (issue 15): a key question printed as "N/A" or a dash is extracted as not
    /// applicable — found, not missing, no counts or percentage guessed — written as `N/A` in
    /// `key_questions.csv`, read back as not applicable, and checked as "no relevant cases"
    /// rather than as incomplete counts.
    @Test(arguments: ["N/A", "-"])
    func keyQuestionPrintedNotApplicable(mark: String) throws {
        let facts = try #require(try ReportLayoutMatrix.bundledFacts().first)
        for layout in ReportLayoutMatrix.Layout.allCases {
            for id in ["2.1.1", "3.3.3"] {
                var damaged = facts
                let index = try #require(damaged.keyQuestions.firstIndex { $0.id == id })
                damaged.keyQuestions[index] = (id: id, relevant: mark, yes: mark, percent: "")
                let result = ReportExtractor.extract(text: ReportLayoutMatrix.render(damaged, layout: layout), source: "na.txt")
                if mark == "-" && layout == .twoColumnLayout {
                    // A dash beside a question's first line is not read as a figure (it may be
                    // prose); the key question is reported missing, never guessed.
                    #expect(result.completeness.missingExpected == ["key question \(id)"], "\(layout) \(mark) \(id)")
                    continue
                }
                let question = try #require(result.keyQuestions.first { $0.keyQuestion == id }, "\(layout) \(mark) \(id)")
                #expect(question.notApplicable, "\(layout) \(mark) \(id)")
                #expect(question.relevant == nil && question.yes == nil && question.percent == nil, "\(layout) \(mark) \(id)")
                #expect(result.completeness.missingExpected == [], "\(layout) \(mark) \(id)")
                #expect(!result.findings.contains { $0.code == .incompleteCounts }, "\(layout) \(mark) \(id)")
                #expect(result.findings.contains { $0.code == .noRelevantCases && $0.message.contains("not applicable") })
                let csv = try #require(ExtractedDatasetWriter.files(for: [result]).first { $0.name == "key_questions.csv" })
                #expect(csv.text.contains("\(result.service),\(id),N/A,N/A,\n") || csv.text.contains("\(result.service),\(id),N/A,N/A,\r\n"))
                let table = try CSVReader.parse(csv.text, source: "key_questions.csv")
                let inspections = try CSVReader.parse(try #require(ExtractedDatasetWriter.files(for: [result]).first { $0.name == "inspections.csv" }).text, source: "inspections.csv")
                let ratings = try CSVReader.parse(try #require(ExtractedDatasetWriter.files(for: [result]).first { $0.name == "ratings.csv" }).text, source: "ratings.csv")
                let dataset = try InspectionDataset(inspections: inspections, ratings: ratings, keyQuestions: table)
                let row = try #require(dataset.keyQuestions.first { $0.keyQuestion == id })
                #expect(row.notApplicable && row.relevant == nil && row.yes == nil && row.percent == nil)
            }
        }
    }

    /// A key-question row with N/A in one count column only, or with a percentage, is an input error.
    @Test(arguments: [("N/A", "3", ""), ("4", "N/A", ""), ("N/A", "N/A", "50")])
    func halfNotApplicableRowIsAnInputError(relevant: String, yes: String, percent: String) throws {
        let inspections = try CSVReader.parse("service,name,published,framework,score,overall_rating,court_sample,ooc_sample\nx,X,,youth-2018,,,4,4\n", source: "i.csv")
        let ratings = try CSVReader.parse("service,standard,rating\n", source: "r.csv")
        let keyQuestions = try CSVReader.parse("service,key_question,relevant,yes,percent\nx,2.1.1,\(relevant),\(yes),\(percent)\n", source: "k.csv")
        #expect(throws: (any Error).self) { try InspectionDataset(inspections: inspections, ratings: ratings, keyQuestions: keyQuestions) }
    }

    /// Contextual facts (issue 15): the demographics tables in each label variant ("Race/ethnicity"
    /// or "Ethnicity", "BAME", "Black, Asian and minority ethnic", "Not known", "Sex") and column
    /// order give the bundled national rows of every service.
    @Test(arguments: [0, 1, 2])
    func contextualFactsLabelVariants(variant: Int) throws {
        for facts in try ReportLayoutMatrix.bundledFacts() {
            let text = ReportLayoutMatrix.render(facts, layout: .numberedFiguresAtLineEnd)
                + ReportLayoutMatrix.contextualFacts(facts, variant: variant).joined(separator: "\n") + "\n"
            let result = ReportExtractor.extract(text: text, source: "r.txt")
            let national = result.demographics.filter { $0.comparator == .national }
            #expect(national.map { "\($0.dimension.rawValue) \($0.category) \($0.servicePercent) \($0.comparatorPercent)" }
                    == facts.demographics.map { "\($0.dimension) \($0.category) \($0.service) \($0.national)" }, "variant \(variant) \(facts.service)")
            for table in ["demographics.age", "demographics.ethnicity", "demographics.sex"] {
                #expect(result.completeness.contextualTables[table] == true, "variant \(variant) \(facts.service) \(table)")
            }
        }
    }

    /// Contextual facts (issue 15): population, caseload, first-time-entrant and reoffending
    /// rates in each label and layout variant give the bundled rows of every service, and every
    /// variant gives identical `population.csv`, `caseload.csv` and `rates.csv` files.
    @Test(arguments: 0..<ReportLayoutMatrix.contextualTableVariants)
    func populationCaseloadAndRateLabelVariants(variant: Int) throws {
        for facts in try ReportLayoutMatrix.bundledFacts() {
            let text = ReportLayoutMatrix.render(facts, layout: .numberedFiguresAtLineEnd)
                + ReportLayoutMatrix.contextualTables(facts, variant: variant).joined(separator: "\n") + "\n"
            let result = ReportExtractor.extract(text: text, source: "r.txt")
            for name in ["population.csv", "caseload.csv", "rates.csv"] {
                #expect(try Self.extractedRows(name, result) == Self.bundledRows(name, service: facts.service), "variant \(variant) \(facts.service) \(name)")
            }
            #expect(result.completeness.contextualTables["population"] == !facts.population.isEmpty)
            #expect(result.completeness.contextualTables["caseload"] == !facts.caseload.isEmpty)
            #expect(result.completeness.contextualTables["rates"] == !facts.rates.isEmpty)
            #expect(!result.warnings.contains { $0.message.contains("caseload line") || $0.message.contains("caseload for") || $0.message.contains("population figure") || $0.message.contains("could not be read") },
                    "variant \(variant) \(facts.service): \(result.warnings.map(\.message))")
        }
    }

    /// Prompt tables (issue 15): each key question's prompts printed as a counts table after the
    /// standard's key questions, in the layouts with counts at the end of the line, give the
    /// bundled `prompts.csv` rows of every service whose prompts are all printed as counts, and
    /// the key-question rows are unchanged.
    @Test(arguments: [ReportLayoutMatrix.Layout.numberedFiguresAtLineEnd, .unnumberedFiguresAtLineEnd])
    func promptTablesGiveTheBundledPromptRows(layout: ReportLayoutMatrix.Layout) throws {
        let services = try ReportLayoutMatrix.bundledFacts().filter { facts in !facts.prompts.isEmpty && facts.prompts.allSatisfy { $0.percent.isEmpty } }
        #expect(services.count == 2)
        for facts in services {
            let result = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: layout, promptTables: true), source: "r.txt")
            for name in Self.files + ["prompts.csv"] {
                #expect(try Self.extractedRows(name, result) == Self.bundledRows(name, service: facts.service), "\(layout) \(facts.service) \(name)")
            }
            #expect(result.completeness.missingExpected == [], "\(layout) \(facts.service)")
            #expect(!result.warnings.contains { $0.message.contains("prompt") }, "\(result.warnings.map(\.message).filter { $0.contains("prompt") })")
        }
    }

    /// Professional-discretion footnotes (issue 15): a footnote number glued to each rating the
    /// panel set ("Good20") and the footnote naming the rating it was changed from give the
    /// bundled discretion rows (standard, rule rating, published rating) of every service, in
    /// every layout, and no disagreement with the printed counts.
    @Test(arguments: ReportLayoutMatrix.Layout.allCases)
    func discretionFootnotesGiveTheBundledDiscretionRows(layout: ReportLayoutMatrix.Layout) throws {
        for facts in try ReportLayoutMatrix.bundledFacts() where !facts.discretion.isEmpty {
            let result = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: layout, discretionFootnotes: true), source: "r.txt")
            #expect(result.discretion.map { "\($0.standard) \($0.ruleRating?.description ?? "") \($0.publishedRating)" }
                    == facts.discretion.map { "\($0.standard) \($0.rule) \($0.published)" }, "\(layout) \(facts.service)")
            #expect(!result.findings.contains { $0.code == .discretionSourceDisagrees }, "\(layout) \(facts.service)")
            for name in Self.files {
                #expect(try Self.extractedRows(name, result) == Self.bundledRows(name, service: facts.service), "\(layout) \(facts.service) \(name)")
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
        #expect(result.framework.id == "youth-2018")
        #expect(result.frameworkReason.contains("12 of the 12 standards"))
        #expect(result.warnings.contains { $0.message.contains("4.1 Resettlement") })
        #expect(result.wordingEdition == nil)
        let unnumbered = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: .unnumberedFiguresAtLineEnd), source: "r.txt")
        #expect(unnumbered.wordingEdition == "2020-2021")
        let older = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: .capitalisedHeadingsOlderWording), source: "r.txt")
        #expect(older.wordingEdition == "2018-2019")
    }
}
