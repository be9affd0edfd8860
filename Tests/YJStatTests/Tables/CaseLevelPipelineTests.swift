import Foundation
import Testing
@testable import YJStat
import YJStatSynthetic

@Suite("Totals rows, --where ranges, population by year, the counts export")
struct CaseLevelPipelineTests {
    @Test(arguments: ["Total", "TOTAL", "total ", "All", "all children", "All Children", "England", "WALES", "England and Wales",
                      "england  &  wales", "National", "Grand total", "all_children"])
    func totalsLabelsAreRecognisedInAnyCase(_ label: String) {
        #expect(TotalRowLabel.isTotal(label))
    }

    @Test(arguments: ["White", "Totally", "Allerdale", "New England", "Black", "Unknown", "Wales and Chester", "Cardiff"])
    func ordinaryGroupsAndServicesAreNotTotals(_ label: String) {
        #expect(!TotalRowLabel.isTotal(label))
    }

    @Test func nationalAndTotalKindsDiffer() {
        #expect(TotalRowLabel(label: "England and Wales") == .national)
        #expect(TotalRowLabel(label: "All") == .total)
    }

    /// "a `Total` or `All` row is analysed as an ethnic group": never, in wide or long form.
    @Test func totalRowIsNeverAnalysedAsAGroup() throws {
        let wide = try CSVReader.parse("group,population,arrest\nWhite,1000,50\nBlack,200,20\nTotal,1200,70\n", source: "w.csv")
        let long = try CSVReader.parse("group,stage,count\nWhite,population,1000\nWhite,arrest,50\nBlack,population,200\nBlack,arrest,20\nAll,population,1200\nAll,arrest,71\n", source: "l.csv")
        for (csv, arrestDifference) in [(wide, 0), (long, 1)] {
            let table = try CountsTable(csv: csv)
            #expect(table.groups == ["White", "Black"])
            let report = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions())
            #expect(!report.rows.contains { TotalRowLabel.isTotal($0.group) })
            let arrest = try #require(table.totalsChecks.first { $0.stage == "arrest" })
            #expect(arrest.difference == arrestDifference)
            #expect(arrest.addsUp == (arrestDifference == 0))
            if arrestDifference != 0 { #expect(arrest.sentence.contains("at arrest") && arrest.sentence.contains("difference +1")) }
        }
    }

    @Test func whereRangesExpandToOneFilterPerValue() throws {
        #expect(try ColumnFilter.filters(parsing: "year=2021..2023") == ["2021", "2022", "2023"].map { ColumnFilter(column: "year", value: $0) })
        #expect(try ColumnFilter.filters(parsing: "service=leeds") == [ColumnFilter(column: "service", value: "leeds")])
        #expect(try ColumnFilter.filters(parsing: " year = 2023 ") == [ColumnFilter(column: "year", value: "2023")])
        for bad in ["year=2023..2021", "year=a..b", "year", "=2023", "year=1..100000"] {
            #expect(throws: InvalidArgumentError.self, "\(bad)") { try ColumnFilter.filters(parsing: bad) }
        }
    }

    @Test func rangeFilterKeepsRowsInTheRangeWhenStreaming() throws {
        let text = "service,year\na,2020\na,2021\nb,2022\na,2023\nb,2024\n"
        let scanner = StreamingCSVScanner(keyColumns: ["service"], filters: try ColumnFilter.filters(parsing: "year=2021..2023"), threads: 1)
        let result = try scanner.aggregate(bytes: Array(text.utf8), source: "r.csv")
        #expect(result.countsByKey == [["a"]: 2, ["b"]: 1])
        #expect(result.recordsExcluded == 2)
    }

    static let populationByYear = """
        service,Ethnicity,year,Pop
        leeds,White,2022,1000
        leeds,White,2023,1100
        leeds,Black,2022,200
        leeds,Black,2023,210
        England,White,2023,99999
        """

    @Test func populationFileWithYearsIsJoinedByYear() throws {
        let population = try ServicePopulation(csv: CSVReader.parse(Self.populationByYear, source: "p.csv"))
        #expect(population.hasYears && population.years == ["2022", "2023"])
        #expect(population.totalsRowsSkipped == 1)
        #expect(population.population(of: "England") == nil)
        #expect(try population.population(of: "leeds", years: ["2023"]) == ["White": 1100, "Black": 210])
        #expect(try population.population(of: "leeds", years: ["2022", "2023"]) == ["White": 2100, "Black": 410])
        let error = try #require(throws: InputError.self) { try population.population(of: "leeds", years: ["2021"]) }
        #expect(error.message.contains("in year 2021"))
    }

    /// "five years of records are divided by one year's population without warning".
    @Test func recordsSpanningYearsNeedAYearFilterWhenThePopulationHasNoYear() throws {
        let population = try ServicePopulation(csv: CSVReader.parse("service,group,population\nleeds,White,100\n", source: "p.csv"))
        let text = "service,ethnicity,stage,year\nleeds,White,arrest,2022\nleeds,White,arrest,2023\n"
        let scanner = StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage", "year"], threads: 1)
        let all = try scanner.aggregate(bytes: Array(text.utf8), source: "r.csv")
        let warning = try #require(RecordYears.warning(for: all, yearColumn: "year", population: population))
        #expect(warning.hasPrefix("WARNING: r.csv: the records span 2 years (2022–2023)"))
        #expect(warning.contains("about 2 times too high") && warning.contains("\(Parameter.filter.mention) year=2023"))
        #expect(Parameter.libraryWording(warning).contains("choose a year with `filter` year=2023"))
        #expect(RecordYears.counted(in: all, yearColumn: "year", population: population) == nil)
        var one = scanner
        one.filters = [ColumnFilter(column: "year", value: "2023")]
        let filtered = try one.aggregate(bytes: Array(text.utf8), source: "r.csv")
        #expect(RecordYears.warning(for: filtered, yearColumn: "year", population: population) == nil)
    }

    /// "`aggregate` writes no zero counts and its output cannot be read by `disproportionality --counts`".
    @Test func countsExportHasZerosAndIsReadByTheCountsTable() throws {
        let text = """
            service,ethnicity,stage,year
            leeds,White,arrest,2023
            leeds,White,arrest,2023
            leeds,Black,court,2023
            york,White,court,2023
            york,Total,arrest,2023
            """
        let scanner = StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage", "year"], threads: 1)
        let aggregation = try scanner.aggregate(bytes: Array(text.utf8), source: "r.csv")
        let population = try ServicePopulation(csv: CSVReader.parse(
            "service,group,population\nleeds,White,100\nleeds,Black,20\nyork,White,50\nyork,Black,5\n", source: "p.csv"))
        let export = try DisproportionalityCountsExport(aggregation: aggregation, serviceColumn: "service", groupColumn: "ethnicity",
                                                        stageColumn: "stage", population: population, years: nil)
        #expect(export.header == ["service", "group", "stage", "count"])
        #expect(export.totalsLeftOut == ["Total"])
        #expect(export.rows.count == 2 * (2 + 2 * 2))
        #expect(export.rows.contains(["york", "Black", "arrest", "0"]))
        #expect(export.rows.contains(["leeds", "White", "arrest", "2"]))
        let csv = try CSVTable(source: "counts.csv", header: export.header, records: export.rows.enumerated().map { ($0.offset + 2, $0.element) })
        for (service, part) in try csv.splitting(byColumn: "service") {
            let table = try CountsTable(csv: part)
            #expect(table.groups == ["White", "Black"], "\(service)")
            #expect(table.stages == ["arrest", "court"], "\(service)")
        }
        let single = try DisproportionalityCountsExport(aggregation: aggregation, serviceColumn: nil, groupColumn: "ethnicity", stageColumn: "stage")
        #expect(single.header == ["group", "stage", "count"])
        #expect(single.rows.contains(["White", "court", "1"]))
    }

    /// The synthetic population covers every synthetic service, group (Unknown aside) and year,
    /// and no stage count of the extract exceeds its population.
    @Test func syntheticPopulationMatchesTheExtract() throws {
        let extract = SyntheticExtract(rows: 30_000, seed: 11)
        let rows = SyntheticPopulation(extract: extract).rows
        #expect(rows.count == SyntheticExtract.serviceIDs.count * 6 * SyntheticExtract.years.count)
        let population = try ServicePopulation(csv: CSVReader.parse(SyntheticPopulation(extract: extract).csvText(), source: "p.csv"))
        let scanner = StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage", "year"], threads: 1)
        let aggregation = try scanner.aggregate(bytes: extract.bytes(), source: "r.csv")
        for group in aggregation.groups where group.key[1] != "Unknown" {
            let base = try #require(population.populationByServiceAndYear[group.key[0]]?[group.key[3]]?[group.key[1]], "\(group.key)")
            #expect(group.count <= base, "\(group.key)")
        }
    }
}
