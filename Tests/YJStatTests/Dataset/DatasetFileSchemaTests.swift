import Foundation
import Testing
@testable import YJStat

/// Extraction results with every kind of cell a dataset file can hold: blank optional cells,
/// not-applicable key questions, cells that need quoting (commas, quotes, line breaks) and cells a
/// spreadsheet would run as formulas, all drawn from a seeded ``SplitMix64``. Every row is one
/// the schema's reader accepts (the values extraction can hold that no reader accepts are
/// tested separately).
enum DatasetVariants {
    /// Texts that exercise quoting and formula neutralisation (no edge spaces: readers trim cells).
    static let texts = ["plain", "with, comma", "say \"hi\"", "=1+2", "+44 abc", "-minus", "@sum", "two\nlines",
                        "Black and minority ethnic", "ünïcödé", "-0.25", "a,\"b\",\nc"]

    static func results(seed: UInt64, services: Int = 4) -> [ExtractionResult] {
        var random = SplitMix64(seed: seed)
        let framework = TestFrameworks.youth2018
        func text(_ suffix: Int) -> String { texts[Int.random(in: 0..<texts.count, using: &random)] + " \(suffix)" }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &random) ? value() : nil }
        func count(_ upper: Int = 40) -> Int { Int.random(in: 0...upper, using: &random) }
        var line = 0
        func nextLine() -> Int { line += Int.random(in: 1...9, using: &random); return line }
        let ratings = ExtractedRating.allCases
        let codes = FindingCode.allCases, severities = Finding.Severity.allCases

        return (0..<services).map { index in
            let service = text(index)
            var result = ExtractionResult(source: text(100 + index), service: service, framework: framework)
            result.inspection.name = maybe(Located(text(index), line: nextLine()))
            result.inspection.published = maybe(Located(Bool.random(using: &random) ? "2020-12" : text(index), line: nextLine()))
            result.inspection.score = maybe(Located(count(36), line: nextLine()))
            result.inspection.overallRating = maybe(Located(ratings.randomElement(using: &random)!, line: nextLine()))
            result.inspection.courtSample = maybe(Located(count(60), line: nextLine()))
            result.inspection.outOfCourtSample = maybe(Located(count(60), line: nextLine()))
            result.ratings = framework.standards.filter { _ in Bool.random(using: &random) }.map {
                ExtractedStandardRating(standard: $0.id, rating: ratings.randomElement(using: &random)!, footnote: maybe(count(30)), line: nextLine())
            }
            result.keyQuestions = framework.keyQuestionIDs.filter { _ in Bool.random(using: &random) }.map { id in
                if Int.random(in: 0..<5, using: &random) == 0 {
                    return ExtractedKeyQuestion(keyQuestion: id, relevant: nil, yes: nil, percent: nil, line: nextLine(), notApplicable: true)
                }
                return ExtractedKeyQuestion(keyQuestion: id, relevant: maybe(count()), yes: maybe(count()), percent: maybe(count(100)), line: nextLine())
            }
            result.prompts = (0..<Int.random(in: 0...6, using: &random)).map { n in
                PromptResult(service: service, keyQuestion: framework.keyQuestionIDs.randomElement(using: &random)!, prompt: text(n),
                             relevant: maybe(count()), yes: maybe(count()), percent: maybe(count(100)), line: nextLine(), basis: .table)
            }
            result.discretion = framework.standards.filter { $0.isCaseBased && Bool.random(using: &random) }.map {
                ExtractedDiscretion(standard: $0.id, ruleRating: ratings.randomElement(using: &random)!,
                                    publishedRating: ratings.randomElement(using: &random)!, footnote: count(30),
                                    note: Bool.random(using: &random) ? "" : text(0), line: nextLine())
            }
            result.demographics = DemographicShare.Dimension.allCases.flatMap { dimension in
                DemographicShare.Comparator.allCases.flatMap { comparator in
                    (0..<Int.random(in: 0...2, using: &random)).map { n in
                        DemographicShare(service: service, dimension: dimension, category: "\(text(n)) \(n)", servicePercent: count(100),
                                         comparator: comparator, comparatorPercent: count(100), line: nextLine())
                    }
                }
            }
            result.population = PopulationFigure.Measure.allCases.filter { _ in Bool.random(using: &random) }.map {
                ExtractedPopulation(measure: $0.rawValue, value: Int.random(in: 1...500_000, using: &random),
                                    year: Int.random(in: 1800...2200, using: &random), line: nextLine())
            }
            result.caseload = CaseloadCount.Disposal.allCases.filter { _ in Bool.random(using: &random) }.map {
                CaseloadCount(service: service, disposal: $0, count: count(300), line: nextLine())
            }
            result.rates = PublishedRate.Measure.allCases.filter { _ in Bool.random(using: &random) }.map { measure in
                func figure(minimum: Int) -> String {
                    let whole = Int.random(in: minimum...(measure == .reoffendingPercent ? 99 : 99_999), using: &random)
                    return Bool.random(using: &random) ? String(whole) : "\(whole).\(count(9))"
                }
                return ExtractedRate(measure: measure.rawValue, serviceValue: figure(minimum: 0), comparatorValue: figure(minimum: 1), line: nextLine())
            }
            result.sampleComposition = SampleCompositionCount.Domain.allCases.flatMap { domain in
                (0..<Int.random(in: 0...3, using: &random)).map { n in
                    SampleCompositionCount(service: service, domain: domain, disposal: "\(text(n)) \(n)", count: count(), line: nextLine())
                }
            }
            result.findings = (0..<Int.random(in: 0...3, using: &random)).map { n in
                ExtractionFinding(code: codes.randomElement(using: &random)!, severity: severities.randomElement(using: &random)!,
                                  line: maybe(nextLine()), text(n))
            }
            result.warnings = (0..<Int.random(in: 0...3, using: &random)).map { n in ExtractionWarning(line: maybe(nextLine()), text(n)) }
            return result
        }
    }
}

@Suite("Dataset file schemas: one declaration of each file's columns, reader and writer")
struct DatasetFileSchemaTests {
    static let seeds: [UInt64] = Array(1...12)
    let framework = TestFrameworks.youth2018

    /// Every schema's file name, so that each gets its own named test case.
    static let fileNames = DatasetFiles.all.map { $0.fileName }

    private static func schema(named name: String) throws -> any DatasetFileSchema.Type {
        try #require(DatasetFiles.all.first { $0.fileName == name })
    }

    @Test func theWriterWritesExactlyTheSchemaFilesInOrder() {
        let files = ExtractedDatasetWriter.files(for: DatasetVariants.results(seed: 7))
        #expect(files.map(\.name) == DatasetFiles.all.map { $0.fileName })
        #expect(Set(files.map(\.name)).count == files.count)
        // The summary reader's files are schema files too.
        #expect(Set(SummaryDataset.requiredFiles + SummaryDataset.optionalFiles).isSubset(of: Set(files.map(\.name))))
    }

    @Test(arguments: fileNames)
    func headerIsTheSchemaColumnsAndEveryRowHasOneCellPerColumn(_ name: String) throws {
        let schema = try Self.schema(named: name)
        for seed in Self.seeds {
            let results = DatasetVariants.results(seed: seed)
            let file = try #require(ExtractedDatasetWriter.files(for: results).first { $0.name == name })
            let table = try CSVReader.parse(file.text, source: name)
            #expect(table.header == schema.columns)
            #expect(file.text.hasPrefix(schema.columns.joined(separator: ",") + "\n"))
            #expect(table.rows.allSatisfy { $0.fields.count == schema.columns.count })
            #expect(table.rows.count == results.map { schema.cells(of: $0).count }.reduce(0, +))
        }
    }

    /// Written by extraction, read by the schema's reader, written back from the read rows: the
    /// same text, for every file, so the reader and both writers agree on every column.
    @Test(arguments: fileNames)
    func writtenThenReadGivesBackTheSameCells(_ name: String) throws {
        let schema = try Self.schema(named: name)
        for seed in Self.seeds {
            try roundTrip(schema, DatasetVariants.results(seed: seed))
        }
    }

    private func roundTrip<Schema: DatasetFileSchema>(_ schema: Schema.Type, _ results: [ExtractionResult]) throws {
        let written = Schema.text(for: results)
        let rows = try Schema.rows(of: try CSVReader.parse(written, source: Schema.fileName), frameworks: .all(framework))
        #expect(Schema.text(of: rows) == written, "\(Schema.fileName)")
    }

    @Test(arguments: fileNames)
    func aFileMissingAnyColumnIsRejectedNamingTheFileLineAndColumnName(_ name: String) throws {
        let schema = try Self.schema(named: name)
        let file = try #require(ExtractedDatasetWriter.files(for: DatasetVariants.results(seed: 3)).first { $0.name == name })
        let table = try CSVReader.parse(file.text, source: name)
        for (index, column) in schema.columns.enumerated() {
            func without(_ cells: [String]) -> String {
                var cells = cells
                cells.remove(at: index)
                return CSVWriter.line(cells, neutralise: false)
            }
            let text = without(table.header) + table.rows.map { without($0.fields) }.joined()
            let damaged = try CSVReader.parse(text, source: name)
            let error = try #require(throws: InputError.self, "\(name) without \(column)") {
                _ = try schema.rows(of: damaged, frameworks: .all(framework))
            }
            #expect(error.file == name && error.line == 1, "\(error)")
            #expect(error.message.contains("missing column '\(column)'"), "\(error)")
        }
    }

    /// A blank cell that a reader refuses is reported at its own line and column.
    @Test(arguments: fileNames)
    func aRefusedBlankCellIsLocatedAtItsLineAndColumn(_ name: String) throws {
        let schema = try Self.schema(named: name)
        let file = try #require(ExtractedDatasetWriter.files(for: DatasetVariants.results(seed: 5, services: 6)).first { $0.name == name })
        let table = try CSVReader.parse(file.text, source: name)
        let first = try #require(table.rows.first, "\(name) has rows")
        var refused = 0
        for index in schema.columns.indices {
            var fields = first.fields
            fields[index] = ""
            let text = CSVWriter.line(table.header, neutralise: false) + CSVWriter.line(fields, neutralise: false)
            do {
                _ = try schema.rows(of: try CSVReader.parse(text, source: name), frameworks: .all(framework))
            } catch let error as InputError {
                refused += 1
                #expect(error.file == name && error.line == 2 && error.column == index + 1,
                        "blank \(schema.columns[index]): \(error)")
            }
        }
        #expect(refused >= 1, "a blank service is refused in \(name)")
    }

    @Test func variantCellsAreReadBackAsWritten() throws {
        var result = ExtractionResult(source: "r.txt", service: "=cmd", framework: framework)
        result.inspection.name = Located("Youth, \"Justice\"\nService", line: 3)
        result.keyQuestions = [ExtractedKeyQuestion(keyQuestion: "2.1.1", relevant: nil, yes: nil, percent: nil, line: 9, notApplicable: true),
                               ExtractedKeyQuestion(keyQuestion: "2.1.2", relevant: 4, yes: nil, percent: nil, line: 10)]
        result.prompts = [PromptResult(service: "=cmd", keyQuestion: "2.1.1", prompt: "+risk", relevant: nil, yes: 2, percent: nil, line: 11)]
        let inspections = try InspectionsSchema.rows(of: try CSVReader.parse(InspectionsSchema.text(for: [result]), source: "inspections.csv"))
        #expect(inspections.map(\.service) == ["'=cmd"])  // neutralised, and kept so on reading
        #expect(inspections.first?.name == "Youth, \"Justice\"\nService")
        #expect(inspections.first?.score == nil && inspections.first?.samples.isEmpty == true && inspections.first?.framework == "youth-2018")
        let questions = try KeyQuestionsSchema.rows(of: try CSVReader.parse(KeyQuestionsSchema.text(for: [result]), source: "key_questions.csv"))
        #expect(questions.map(\.notApplicable) == [true, false])
        #expect(questions.last?.relevant == 4 && questions.last?.yes == nil && questions.last?.percent == nil)
        let prompts = try PromptsSchema.rows(of: try CSVReader.parse(PromptsSchema.text(for: [result]), source: "prompts.csv"), frameworks: .all(framework))
        #expect(prompts.map(\.prompt) == ["'+risk"] && prompts.first?.relevant == nil && prompts.first?.yes == 2)
    }

    /// What extraction can hold but a dataset row cannot (the one place the two differ): a blank
    /// year or rule rating is written as a blank cell, which the reader refuses at its place.
    @Test func extractionOnlyBlanksAreRefusedWhenRead() throws {
        var result = ExtractionResult(source: "r.txt", service: "s", framework: framework)
        result.population = [ExtractedPopulation(measure: "total", value: 1000, year: nil, line: 4)]
        result.discretion = [ExtractedDiscretion(standard: "2.1", ruleRating: nil, publishedRating: .good, footnote: 3, note: "n", line: 5)]
        let year = try #require(throws: InputError.self) {
            try PopulationSchema.rows(of: try CSVReader.parse(PopulationSchema.text(for: [result]), source: "population.csv"))
        }
        #expect(year.description.hasPrefix("population.csv:2:4:"))
        let rule = try #require(throws: InputError.self) {
            try DiscretionSchema.rows(of: try CSVReader.parse(DiscretionSchema.text(for: [result]), source: "discretion.csv"), frameworks: .all(framework))
        }
        #expect(rule.description.hasPrefix("discretion.csv:2:3:"))
    }

    /// The bundled datasets read through the schemas and written back give the same bytes, so the
    /// schemas describe the bundled files exactly.
    @Test(arguments: SummaryDataset.requiredFiles + SummaryDataset.optionalFiles)
    func bundledDatasetFilesAreWrittenBackByteForByte(_ name: String) throws {
        let schema = try Self.schema(named: name)
        let url = extractionRepositoryRoot.appendingPathComponent("Datasets").appendingPathComponent(name)
        try bundledRoundTrip(schema, url)
    }

    private func bundledRoundTrip<Schema: DatasetFileSchema>(_ schema: Schema.Type, _ url: URL) throws {
        let original = try String(contentsOf: url, encoding: .utf8)
        let rows = try Schema.rows(of: try CSVReader.read(contentsOf: url), frameworks: .all(framework))
        #expect(Schema.text(of: rows) == original, "\(Schema.fileName)")
    }
}
