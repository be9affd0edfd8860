import Foundation
import Testing

/// Issue 17 from the command line: the cases the issue quotes, each a named test, and the
/// README's case-level pipeline run end to end on a fresh folder.
@Suite("Analyst files and the case-level pipeline")
struct AnalystFilesCommandTests {
    static let corpus = repositoryRoot.appendingPathComponent("Tests/YJStatTests/Fixtures/excel")

    func write(_ text: String, _ name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func counts(_ name: String, _ extra: [String] = ["--unknown", "Unknown"]) throws -> CLIResult {
        try runCLI(["disproportionality", "--counts", Self.corpus.appendingPathComponent(name).path, "--format", "csv"] + extra)
    }

    /// "a semicolon-separated file … gives `missing column 'group' (found: group;population;arrest;…)`".
    @Test func semicolonFileGivesTheCleanNumbersAndNamesTheDelimiter() throws {
        let clean = try counts("clean_counts.csv"), semicolon = try counts("semicolon.csv"), tab = try counts("tab.csv")
        #expect(clean.status == 0 && semicolon.status == 0 && tab.status == 0, "\(semicolon.stderr)")
        #expect(semicolon.stdout == clean.stdout && tab.stdout == clean.stdout)
        #expect(semicolon.stderr.contains("note: semicolon.csv: read as semicolon-separated"))
        #expect(tab.stderr.contains("note: tab.csv: read as tab-separated"))
        #expect(clean.stderr.isEmpty)
    }

    /// "`--group-column Ethnicity` is silently ignored with `--counts`".
    @Test func groupColumnWorksWithCounts() throws {
        let url = try write("Ethnic background,population,arrest\nWhite,1000,50\nBlack,200,20\n", "c.csv")
        let result = try runCLI(["disproportionality", "--counts", url.path, "--group-column", "Ethnic background", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Black"))
        let wrong = try runCLI(["disproportionality", "--counts", url.path, "--group-column", "Ethnicty"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--group-column: no column 'Ethnicty'"), "\(wrong.stderr)")
        let long = try write("Grp,Outcome,Children\nWhite,population,1000\nWhite,arrest,50\nBlack,population,200\nBlack,arrest,20\n", "l.csv")
        let named = try runCLI(["disproportionality", "--counts", long.path, "--group-column", "Grp", "--stage-column", "Outcome",
                                "--count-column", "Children", "--format", "csv"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout == result.stdout)
    }

    /// "a Windows-1252 file gives `field is not valid UTF-8 text` with no hint to save as CSV UTF-8".
    @Test func windows1252FileIsReadWithAWarningNamingFileAndEncoding() throws {
        let result = try counts("cp1252.csv"), clean = try counts("clean_counts.csv")
        #expect(result.status == 0)
        #expect(result.stdout == clean.stdout)
        #expect(result.stderr.contains("note: cp1252.csv: not UTF-8 text; read as Windows-1252"))
        #expect(result.stderr.contains("CSV UTF-8"))
        let undefined = try counts("undefined_byte.csv")
        #expect(undefined.status == 2)
        #expect(undefined.stderr.contains("undefined_byte.csv:4:1: byte 0x81 is neither UTF-8 nor Windows-1252 text; in Excel use File > Save As"))
    }

    /// "Excel's trailing rows of empty cells (`,,,,,,`) stop the run with `'group' is blank`".
    @Test func trailingEmptyRowsAreSkippedWithANote() throws {
        let result = try counts("trailing_empty_rows.csv"), clean = try counts("clean_counts.csv")
        #expect(result.status == 0 && result.stdout == clean.stdout)
        #expect(result.stderr.contains("skipped 3 empty rows (every cell blank) on lines 8–10"))
    }

    /// "a blank cell is reported at column 1 when it is in column 7".
    @Test func blankCellIsReportedAtItsRealColumn() throws {
        let url = try write("group,population,a,b,c,d,custody\nWhite,100,5,4,3,2,1\nBlack,50,5,4,3,2,\n", "b.csv")
        let result = try runCLI(["disproportionality", "--counts", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("b.csv:3:7: blank count for group 'Black' at stage 'custody': write 0 if there were none"), "\(result.stderr)")
    }

    /// "forgetting `--unknown` gives `missing population ('population') for group 'Unknown'` with no hint".
    @Test func forgettingUnknownSuggestsTheFlag() throws {
        let result = try counts("unknown_without_flag.csv", [])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown_without_flag.csv:7:2: blank population ('population') for group 'Unknown'; if 'Unknown' is the unknown-ethnicity group, say so with --unknown Unknown"), "\(result.stderr)")
    }

    /// "a `Total` or `All` row is analysed as an ethnic group ("Total at arrest: about 117 more children…")".
    @Test func totalRowIsNotAnalysedAsAGroupAndIsChecked() throws {
        let clean = try counts("clean_counts.csv")
        let addsUp = try counts("total_adds_up.csv")
        #expect(addsUp.status == 0 && addsUp.stdout == clean.stdout)
        #expect(addsUp.stderr.contains("note: totals row 'Total' at arrest: 702, the sum of the groups"))
        let wrong = try counts("total_does_not_add_up.csv")
        #expect(wrong.status == 1, "a totals row that does not add up is a finding")
        #expect(wrong.stdout == clean.stdout)
        #expect(wrong.stderr.contains("finding: 'All children' at arrest is 719 but the groups add up to 702"), "\(wrong.stderr)")
        let text = try runCLI(["disproportionality", "--counts", Self.corpus.appendingPathComponent("total_does_not_add_up.csv").path,
                               "--unknown", "Unknown"])
        #expect(text.status == 1)
        #expect(!text.stdout.contains("All children at"))
        #expect(text.stdout.contains("Totals rows (not analysed as groups; used to check that the groups add up)"))
        #expect(text.stdout.contains("FINDING: 'All children' at arrest is 719 but the groups add up to 702 (17 fewer than the total; difference +17)"))
    }

    /// "an `England and Wales` row in a funnel file is taken as a service and moves the pooled target".
    @Test func englandAndWalesRowInAFunnelIsTheComparatorNotAService() throws {
        let path = Self.corpus.appendingPathComponent("funnel_england_and_wales.csv").path
        let result = try runCLI(["funnel", "--data", path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("England and Wales"))
        #expect(result.stdout.split(separator: "\r\n").count == 7)
        #expect(result.stderr.contains("Target: the 'England and Wales' row (line 5), the national comparator"))
        let text = try runCLI(["funnel", "--data", path])
        #expect(text.stdout.contains("Target: the 'England and Wales' row (line 5), the national comparator; it is not plotted as a service."))
        let total = try runCLI(["funnel", "--data", Self.corpus.appendingPathComponent("funnel_total_does_not_add_up.csv").path])
        #expect(total.status == 1)
        #expect(total.stdout.contains("FINDING: the 'TOTAL' row (line 8) is 671/2070 but the services add up to 666/2070"))
    }

    @Test func everyCountsCorpusFileGivesTheCleanNumbersOrExitTwoWithLineColumnAndFix() throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("expected.json"))
        let expected = try #require(try parseJSON(String(decoding: data, as: UTF8.self)) as? [String: [String: Any]])
        let clean = try counts("clean_counts.csv")
        for (name, expectation) in expected.sorted(by: { $0.key < $1.key }) where expectation["kind"] as? String == "counts" {
            let result = try counts(name, expectation["without_unknown"] as? Bool == true ? [] : ["--unknown", "Unknown"])
            if expectation["outcome"] as? String == "same" {
                #expect(result.status == (expectation["finding"] == nil ? 0 : 1), "\(name): \(result.stderr)")
                #expect(result.stdout == clean.stdout, "\(name)")
            } else {
                let line = try #require(expectation["line"] as? Int), column = try #require(expectation["column"] as? Int)
                #expect(result.status == 2, "\(name)")
                #expect(result.stderr.contains("error: \(name):\(line):\(column): "), "\(name): \(result.stderr)")
                #expect(result.stderr.contains(expectation["contains"] as? String ?? "\u{0}"), "\(name): \(result.stderr)")
            }
        }
    }

    /// "`aggregate` writes no zero counts and its output (`service, stage, count`) cannot be read by
    /// `disproportionality --counts`; `disproportionality --records --service all --population
    /// population.csv` cannot be run as written" — the README pipeline, end to end.
    @Test func readmeCaseLevelPipelineRunsEndToEnd() throws {
        let folder = try temporaryFolder()
        let synth = try runCLI(["synth", "--rows", "60000", "--seed", "1", "--out", "records.csv", "--population", "population.csv"], in: folder)
        #expect(synth.status == 0, "\(synth.stderr)")
        #expect(synth.stdout.contains("wrote 4650 population rows"))
        let one = try runCLI(["aggregate", "--records", "records.csv", "--counts-for", "disproportionality", "--population", "population.csv",
                              "--where", "service=leeds", "--where", "year=2021..2023", "--format", "csv", "--output", "leeds.csv"], in: folder)
        #expect(one.status == 0, "\(one.stderr)")
        let leeds = try String(contentsOf: folder.appendingPathComponent("leeds.csv"), encoding: .utf8)
        #expect(leeds.hasPrefix("group,stage,count\r\n"))
        #expect(leeds.contains("\r\nWhite,population,") && leeds.contains("\r\nWhite,custody,"))
        let fromCounts = try runCLI(["disproportionality", "--counts", "leeds.csv", "--unknown", "Unknown", "--format", "csv"], in: folder)
        #expect(fromCounts.status == 0, "\(fromCounts.stderr)")
        let fromRecords = try runCLI(["disproportionality", "--records", "records.csv", "--service", "leeds", "--population", "population.csv",
                                      "--where", "year=2021..2023", "--unknown", "Unknown", "--format", "csv"], in: folder)
        #expect(fromRecords.status == 0, "\(fromRecords.stderr)")
        // The two paths agree on every measure of the groups both have (group … rri_upper). The
        // export also writes the groups with a population and no record in the period (zeros),
        // which the records path leaves out until its population join lists them too.
        func measures(_ text: String, dropFirst: Int, keyWidth: Int = 2) -> [String: String] {
            var out: [String: String] = [:]
            for line in text.split(separator: "\r\n").dropFirst() {
                let cells = Array(line.split(separator: ",", omittingEmptySubsequences: false).dropFirst(dropFirst).map(String.init))
                out[cells.prefix(keyWidth).joined(separator: "/")] = cells.prefix(15 + keyWidth - 2).joined(separator: ",")
            }
            return out
        }
        let viaCounts = measures(fromCounts.stdout, dropFirst: 0), viaRecords = measures(fromRecords.stdout, dropFirst: 1)
        #expect(!viaRecords.isEmpty)
        for (key, value) in viaRecords { #expect(viaCounts[key] == value, "\(key)") }
        for (key, value) in viaCounts where viaRecords[key] == nil { #expect(value.split(separator: ",")[2] == "0", "\(key) is a zero row") }
        #expect(viaCounts.keys.contains("Chinese/arrest"))

        let every = try runCLI(["aggregate", "--records", "records.csv", "--counts-for", "disproportionality", "--population", "population.csv",
                                "--format", "csv", "--output", "counts.csv"], in: folder)
        #expect(every.status == 0, "\(every.stderr)")
        let all = try String(contentsOf: folder.appendingPathComponent("counts.csv"), encoding: .utf8)
        #expect(all.hasPrefix("service,group,stage,count\r\n"))
        let perService = try runCLI(["disproportionality", "--counts", "counts.csv", "--unknown", "Unknown", "--format", "csv"], in: folder)
        #expect(perService.status == 0, "\(perService.stderr)")
        let records = try runCLI(["disproportionality", "--records", "records.csv", "--service", "all", "--population", "population.csv",
                                  "--unknown", "Unknown", "--format", "csv"], in: folder)
        #expect(records.status == 0, "\(records.stderr)")
        let allViaCounts = measures(perService.stdout, dropFirst: 0, keyWidth: 3)
        let allViaRecords = measures(records.stdout, dropFirst: 0, keyWidth: 3)
        #expect(allViaRecords.count > 100)
        #expect(records.stdout.contains("\r\nwrexham,"))
        #expect(perService.stdout.contains("\r\nwrexham,"))
        for (key, value) in allViaRecords { #expect(allViaCounts[key] == value, "\(key)") }
    }

    /// "`--records` has no year filter, so five years of records are divided by one year's population without warning".
    @Test func recordsSpanningSeveralYearsWithoutAYearColumnWarnLoudly() throws {
        let folder = try temporaryFolder()
        _ = try runCLI(["synth", "--rows", "3000", "--seed", "2", "--out", "records.csv"], in: folder)
        try Data("service,group,population\nleeds,White,5000\nleeds,Black,800\n".utf8).write(to: folder.appendingPathComponent("pop.csv"))
        let result = try runCLI(["disproportionality", "--records", "records.csv", "--service", "leeds", "--population", "pop.csv"], in: folder)
        #expect(result.stderr.contains("WARNING: records.csv: the records span 5 years (2019–2023) but pop.csv has no 'year' column"), "\(result.stderr)")
        #expect(result.stderr.contains("about 5 times too high") && result.stderr.contains("--where year=2023"))
        let fixed = try runCLI(["disproportionality", "--records", "records.csv", "--service", "leeds", "--population", "pop.csv",
                                "--where", "year=2023", "--unknown", "Unknown"], in: folder)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(!fixed.stderr.contains("WARNING"))
        let exported = try runCLI(["aggregate", "--records", "records.csv", "--counts-for", "disproportionality", "--population", "pop.csv",
                                   "--where", "service=leeds"], in: folder)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("WARNING: records.csv: the records span 5 years"))
    }

    @Test func whereTakesSeveralConditionsAndARange() throws {
        let url = try write("Service,Year,stage\nleeds,2020,arrest\nleeds,2021,arrest\nleeds,2023,court\nyork,2022,arrest\n", "r.csv")
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "stage", "--where", "service=leeds", "--where", "year=2021..2023",
                                 "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "stage,count\r\narrest,1\r\ncourt,1\r\n")
        let backwards = try runCLI(["aggregate", "--records", url.path, "--by", "stage", "--where", "year=2023..2021"])
        #expect(backwards.status == 2)
        #expect(backwards.stderr == "yjstat aggregate: error: --where: range 2023..2021 runs backwards; write 2021..2023\n")
        let population = try write("service,group,population\nleeds,White,100\n", "p.csv")
        let extract = try write("service,ethnicity,stage,year\nleeds,White,arrest,2023\n", "e.csv")
        let records = try runCLI(["disproportionality", "--records", extract.path, "--service", "leeds", "--population", population.path,
                                  "--where", "year=2023..2021"])
        #expect(records.stderr == "yjstat disproportionality: error: --where: range 2023..2021 runs backwards; write 2021..2023\n")
    }
}
