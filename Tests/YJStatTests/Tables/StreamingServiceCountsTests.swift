import Foundation
import Testing
@testable import YJStat
import YJStatSynthetic

@Suite("Per-service counts table from case-level records")
struct StreamingServiceCountsTests {
    let text = """
    service,ethnicity,stage,year
    york,White,arrest,2022
    leeds,Black,arrest,2022
    leeds,Black,custody,2023
    leeds,White,arrest,2023
    york,White,court,2023

    """

    func aggregation(_ keys: [String] = ["service", "ethnicity", "stage"], filters: [ColumnFilter] = []) throws -> AggregationResult {
        try StreamingCSVScanner(keyColumns: keys, filters: filters).aggregate(bytes: Array(text.utf8), source: "records.csv")
    }

    @Test func everyServiceGetsEveryGroupAndStageWithZerosFilledIn() throws {
        let table = try ServiceCountsTable(aggregation: try aggregation())
        #expect(table.services == ["leeds", "york"])
        #expect(table.groups == ["White", "Black"])
        #expect(table.stages == ["arrest", "custody", "court"])
        #expect(table.rows.count == 2 * 2 * 3)
        #expect(table.rows(forService: "york").map(\.count) == [1, 0, 1, 0, 0, 0])
        #expect(table.rows(forService: "leeds").first { $0.group == "Black" && $0.stage == "custody" }?.count == 1)
        #expect(table.rows.map(\.count).reduce(0, +) == 5)
    }

    @Test func withoutZerosOnlyObservedCellsRemain() throws {
        let table = try ServiceCountsTable(aggregation: try aggregation(), includeZeros: false)
        #expect(table.rows.count == 5)
    }

    @Test func stageOrderComesFirstAndOtherStagesFollow() throws {
        let table = try ServiceCountsTable(aggregation: try aggregation(), stageOrder: ["court", "arrest", "remand"])
        #expect(table.stages == ["court", "arrest", "custody"])
    }

    @Test func extraKeyColumnsAreSummedOver() throws {
        let byYear = try aggregation(["year", "service", "ethnicity", "stage"])
        let table = try ServiceCountsTable(aggregation: byYear, includeZeros: false)
        #expect(table == (try ServiceCountsTable(aggregation: try aggregation(), includeZeros: false)))
    }

    @Test func aMissingKeyIsAnError() throws {
        #expect(throws: InputError.self) {
            try ServiceCountsTable(aggregation: try aggregation(["service", "stage"]))
        }
    }

    @Test func resultRowsAreLongForm() throws {
        let rows = try ServiceCountsTable(aggregation: try aggregation(), includeZeros: false).resultRows
        #expect(rows.first?.names == ["service", "group", "stage", "count"])
        #expect(CSVWriter.render(rows: rows).hasPrefix("service,group,stage,count\r\nleeds,White,arrest,1\r\n"))
    }

    @Test func aggregatingAFileForOneServiceFiltersIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-records-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (table, aggregation) = try ServiceCountsTable.aggregate(records: url, service: "york")
        #expect(table.services == ["york"])
        #expect(aggregation.recordsExcluded == 3)
        #expect(table.rows.map(\.count).reduce(0, +) == 2)
    }

    @Test func theSyntheticExtractGivesAFullNationalTable() throws {
        let bytes = SyntheticExtract(rows: 40_000, seed: 9).bytes()
        let result = try StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage"]).aggregate(bytes: bytes, source: "s.csv")
        let table = try ServiceCountsTable(aggregation: result, stageOrder: SyntheticExtract.stages)
        #expect(table.services.count == 155)
        #expect(table.stages == SyntheticExtract.stages)
        #expect(table.rows.count == 155 * 7 * 6)
        #expect(table.rows.map(\.count).reduce(0, +) == 40_000)
    }
}

@Suite("Per-service counts feed the disproportionality analysis")
struct StreamingServiceCountsDisproportionalityTests {
    @Test func oneServiceBecomesACountsTableWithItsPopulation() throws {
        let text = "service,ethnicity,stage\nleeds,White,arrest\nleeds,White,arrest\nleeds,Black,arrest\nleeds,Black,court\nyork,White,arrest\n"
        let result = try StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage"]).aggregate(bytes: Array(text.utf8), source: "records.csv")
        let table = try ServiceCountsTable(aggregation: result)
        let csv = try table.countsCSV(forService: "leeds", population: ["White": 900, "Black": 100], source: "records.csv")
        #expect(csv.source == "records.csv[service=leeds]")
        let counts = try CountsTable(csv: csv)
        #expect(counts.groups == ["White", "Black"])
        #expect(counts.stages == ["arrest", "court"])
        #expect(counts.population(group: "Black") == 100)
        #expect(counts.count(group: "White", stage: "court") == 0)
        #expect(counts.count(group: "Black", stage: "arrest") == 1)
        let report = try DisproportionalityAnalysis.run(counts, options: DisproportionalityOptions())
        let black = try #require(report.rows.first { $0.group == "Black" && $0.stage == "arrest" })
        // Rate per 1,000: Black 1/100, White 2/900.
        #expect(abs(black.rate - 10) < 1e-12)
        #expect(abs(black.referenceRate - 2000.0 / 900) < 1e-12)
    }

    @Test func unknownServicesAndClashingStageNamesAreErrors() throws {
        let text = "service,ethnicity,stage\nleeds,White,population\n"
        let result = try StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage"]).aggregate(bytes: Array(text.utf8), source: "records.csv")
        let table = try ServiceCountsTable(aggregation: result)
        #expect(throws: InputError.self) { try table.countsCSV(forService: "york") }
        #expect(throws: InputError.self) { try table.countsCSV(forService: "leeds", population: ["White": 10]) }
    }
}
