import Foundation
import Testing
@testable import YJStat

/// The repository root, from this file's path.
let extractionRepositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The seed reports: `../shared/seeds` beside the repository (present in CI), or the folder named
/// by the environment variable `YJSTAT_SEEDS` (for worktrees that live elsewhere).
let seedFolder = ProcessInfo.processInfo.environment["YJSTAT_SEEDS"].map { URL(fileURLWithPath: $0) }
    ?? extractionRepositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

/// The seed report files, sorted by name (empty when the folder is absent).
func seedFiles() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: seedFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { seedFolder.appendingPathComponent($0) }
}

let seedsPresent = !seedFiles().isEmpty

/// Every seed report, extracted once for all tests.
let seedResults: [ExtractionResult]? = try? seedFiles().map { url in
    ReportExtractor.extract(text: String(decoding: try Data(contentsOf: url), as: UTF8.self), source: url.path)
}

/// Extracts every seed report.
func extractSeeds() throws -> [ExtractionResult] {
    try #require(seedResults)
}

@Suite("Extraction of the seed reports reproduces the bundled datasets", .enabled(if: seedsPresent, "../shared/seeds is not present"))
struct SeedExtractionTests {
    /// Rows of a bundled dataset file, header first.
    func bundled(_ name: String) throws -> CSVTable {
        try CSVReader.read(contentsOf: extractionRepositoryRoot.appendingPathComponent("Datasets").appendingPathComponent(name))
    }

    /// Rows of an extracted file, header first.
    func extracted(_ name: String, _ results: [ExtractionResult]) throws -> CSVTable {
        let file = try #require(ExtractedDatasetWriter.files(for: results).first { $0.name == name })
        return try CSVReader.parse(file.text, source: name)
    }

    /// The cells of every row, as text, for the given columns.
    func cells(_ table: CSVTable, columns: [String], keep: (CSVRow) -> Bool = { _ in true }) -> [[String]] {
        table.rows.filter(keep).map { row in columns.map { row.optionalString($0) ?? "" } }
    }

    @Test(arguments: ["inspections.csv", "ratings.csv", "key_questions.csv", "demographics.csv", "population.csv",
                      "caseload.csv", "rates.csv", "prompts.csv", "sample_composition.csv"])
    func fileIsReproducedExactly(name: String) throws {
        let results = try extractSeeds()
        let expected = try bundled(name)
        let actual = try extracted(name, results)
        #expect(actual.header == expected.header)
        let services = Set(results.map(\.service))
        let expectedRows = cells(expected, columns: expected.header) { services.contains(($0.optionalString("service")) ?? "") }
        #expect(cells(actual, columns: expected.header) == expectedRows)
    }

    /// K&C and NS prompts come from their prompt tables; Brent prints none, and its 13 rows are
    /// read from the section narratives (two as failures subtracted from the relevant cases).
    @Test func promptRowsComeFromTablesOrNarrative() throws {
        let results = try extractSeeds()
        for result in results where result.service != "brent" {
            #expect(result.prompts.count == 93, "\(result.service)")
            #expect(result.prompts.allSatisfy { $0.basis == .table })
        }
        let brent = try #require(results.first { $0.service == "brent" })
        #expect(brent.prompts.count == 13)
        let subtracted = brent.prompts.filter { $0.basis == .narrativeFailuresSubtracted }.map { "\($0.keyQuestion) \($0.prompt)" }
        #expect(subtracted == ["2.3.3 protects-actual-potential-victims", "2.4.2 responds-to-changes"])
        #expect(brent.prompts.allSatisfy { $0.basis != .table })
        // Figures about YCC or triage cases only are warnings, not rows.
        #expect(brent.warnings.contains { $0.message.contains("subgroup") })
    }

    /// Discretion rows match in service, standard, rule rating and published rating; the note is
    /// free text in each file's own words.
    @Test func discretionRowsMatchExceptTheNote() throws {
        let results = try extractSeeds()
        let columns = ["service", "standard", "rule_rating", "published_rating"]
        let expected = cells(try bundled("discretion.csv"), columns: columns)
        let actual = cells(try extracted("discretion.csv", results), columns: columns)
        #expect(actual == expected)
        for row in results.flatMap(\.discretion) { #expect(row.note.hasPrefix("Footnote \(row.footnote):")) }
    }

    @Test func completenessOnEverySeed() throws {
        for result in try extractSeeds() {
            let completeness = result.completeness
            #expect(completeness.ratingsMissing.isEmpty, "\(result.source)")
            #expect(completeness.keyQuestionsMissing.isEmpty, "\(result.source)")
            #expect(completeness.hasCore, "\(result.source)")
            for table in ["demographics.age", "demographics.ethnicity", "demographics.sex", "population"] {
                #expect(completeness.contextualTables[table] == true, "\(result.source): \(table)")
            }
            #expect(!result.findings.contains { $0.severity == .error }, "\(result.source): \(result.findings)")
            #expect(result.inspection.overallRating != nil)
        }
    }

    @Test func scoresAreCheckedAgainstTheRatings() throws {
        let results = try extractSeeds()
        let printed = results.compactMap { $0.inspection.score?.value }
        #expect(printed == [29, 26])
        for result in results where result.inspection.score != nil {
            let framework = TestFrameworks.youth2018
            let sum = result.ratings.reduce(0) { $0 + (framework.rating(named: $1.rating.description)?.score ?? -100) }
            #expect(sum == result.inspection.score?.value)
            #expect(!result.findings.contains { $0.code == .scoreMismatch })
        }
    }

    @Test func everyValueHasAnInputLineInsideTheFile() throws {
        for (url, result) in zip(seedFiles(), try extractSeeds()) {
            let lineCount = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count
            let lines = ExtractedDatasetWriter.provenance(result).compactMap { Int($0[4]) }
            #expect(lines.count > 50)
            #expect(lines.allSatisfy { (1...lineCount).contains($0) })
        }
    }

    @Test func brentNationalEthnicityTotalIsReportedAsRounding() throws {
        let brent = try #require(try extractSeeds().first { $0.service == "brent" })
        let finding = try #require(brent.findings.first { $0.code == .percentagesDoNotSum })
        #expect(finding.severity == .info)
        #expect(finding.message.contains("101"))
    }

    /// `check --report` path: the extracted dataset through the ratings engine gives no errors and
    /// exactly the four discretion standards the reports footnote.
    @Test func extractedDatasetPassesTheConsistencyChecker() throws {
        let dataset = InspectionDataset(extracted: try extractSeeds())
        let findings = ConsistencyChecker(framework: try Framework.youth2018()).check(dataset)
        #expect(!findings.contains { $0.severity == .error }, "\(findings.filter { $0.severity == .error })")
        let discretion = findings.filter { $0.code == .discretion }.map { "\($0.service) \($0.location)" }
        #expect(discretion.count == 4, "\(discretion)")
    }
}
