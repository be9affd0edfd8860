import Foundation
import Testing

@Suite("yjstat disproportionality")
struct DisproportionalityCommandTests {
    static let counts = repositoryRoot.appendingPathComponent("Datasets/examples/counts.csv").path
    static let stratified = repositoryRoot.appendingPathComponent("Datasets/examples/counts_by_sex_age.csv").path

    func write(_ text: String, name: String = "counts.csv") throws -> String {
        let url = try temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func textSummaryRanksFindingsAndWarns() throws {
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let out = result.stdout
        #expect(out.contains("compared with White"))
        #expect(out.contains("Largest differences in rate"))
        #expect(out.contains("Most children affected"))
        #expect(out.contains("1. Black at arrest: about 73 more children (54 to 96)"))
        #expect(out.contains("Small numbers"))
        #expect(out.contains("Ethnicity 'Unknown': arrest 31 of 711 (4.4%)"))
        #expect(out.contains("could change depending on the ethnicity"))
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--format", "json", "--wide"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try #require(try jsonRows(result.stdout))
        #expect(rows.count == 30)
        let fields = ["group", "stage", "count", "base", "rate", "reference_rate", "rri", "rri_lower", "rri_upper", "rri_method",
                      "odds_ratio", "or_lower", "or_upper", "or_method", "or_exact", "or_exact_lower", "or_exact_upper",
                      "p_value", "p_adjusted", "stage_share", "base_share", "share_difference_points", "share_ratio",
                      "excess", "excess_lower", "excess_upper", "significant", "small", "zero_cell_rule",
                      "unknown_count", "rri_unknown_lower", "rri_unknown_upper", "depends_on_unknown", "suppressed", "status", "share_ratio_method"]
        for field in fields { #expect(rows[0][field] != nil, "missing \(field)") }
        // Proportional redistribution cannot move an RRI (every count scales alike): no column.
        #expect(rows[0]["rri_redistributed"] == nil)
        let black = try #require(rows.first { $0["group"] as? String == "Black" && $0["stage"] as? String == "arrest" })
        let rri = try #require(black["rri"] as? Double)
        #expect(abs(rri - 2.632080200501253) < 1e-12)  // 118/1900 ÷ 420/17800, statsmodels in the fixture
        #expect(black["significant"] as? Bool == true)
        #expect(black["rri_method"] as? String == "katz")
    }

    @Test func csvWithStrataAddsMantelHaenszelColumns() throws {
        let result = try runCLI(["disproportionality", "--counts", Self.stratified, "--strata", "sex,age_band",
                                 "--unknown", "Unknown", "--format", "csv", "--wide"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let header = try #require(result.stdout.split(separator: "\r\n").first)
        for column in ["mh_rr", "mh_rr_lower", "mh_or", "cmh_p", "breslow_day_p"] { #expect(header.contains(column)) }
    }

    @Test func previousBaseAddsCumulativeRRI() throws {
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--base", "previous",
                                 "--stages", "arrest,court,custody", "--format", "json", "--wide", "--interval", "koopman", "--unknown", "Unknown"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try #require(try jsonRows(result.stdout))
        let court = try #require(rows.first { $0["group"] as? String == "Black" && $0["stage"] as? String == "court" })
        #expect(court["base"] as? Int == 118)
        #expect(court["rate_per"] as? Int == 100)
        #expect(court["rri_method"] as? String == "koopman")
        let cumulative = try #require(court["cumulative_rri"] as? Double)
        #expect(abs(cumulative - (34.0 / 1900) / (88.0 / 17800)) < 1e-12)
    }

    @Test func suppressionMarksCellsInsteadOfDroppingThem() throws {
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown",
                                 "--suppress-below", "5", "--format", "json", "--wide"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try #require(try jsonRows(result.stdout))
        #expect(rows.count == 30)
        let hidden = rows.filter { ($0["suppressed"] as? String).map { !$0.isEmpty } ?? false }
        #expect(!hidden.isEmpty)
        for row in hidden where !((row["suppressed"] as? String)?.hasPrefix("derived") ?? false) {
            #expect(row["count"] as? String == "suppressed" && row["rri"] as? String == "suppressed" && row["rate"] as? String == "suppressed")
            #expect(row["status"] as? String == "suppressed")
        }
        for row in rows { if let count = row["count"] as? Int { #expect(count == 0 || count >= 5) } }
    }

    @Test(arguments: [
        ("group,population,arrest\nWhite,1000,-3\nBlack,100,2\n", "counts.csv:2:3: negative count"),
        ("group,population,arrest\nWhite,1000,30\nBlack,100,200\n", "counts.csv:3:3: count 200 for group 'Black' at stage 'arrest' is more than its base"),
        ("group,population,arrest\nWhite,1000,30\nBlack,,2\n", "counts.csv:3:2: blank population"),
        ("group,population,arrest\nWhite,1000,30\nWhite,1000,31\n", "counts.csv:3:2: duplicate count"),
        ("group,stage,count\nWhite,population,1000\nWhite,arrest,3\nWhite,arrest,4\n", "counts.csv:4:3: duplicate count"),
    ])
    func badCountsExitTwoNamingFileLineColumn(text: String, message: String) throws {
        let path = try write(text)
        let result = try runCLI(["disproportionality", "--counts", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: [
        (["--reference", "Whyte", "--unknown", "Unknown"], "counts.csv: --reference: group 'Whyte' is not in the table"),
        (["--confidence", "1"], "--confidence must be strictly between 0 and 1"),
        (["--base", "stage"], "--base must be one of"),
        (["--suppress-below", "1"], "--suppress-below must be at least 2"),
        (["--stages", "arrest,prison"], "counts.csv: --stages: stage 'prison' is not in the table"),
        (["--unknown", "Not known"], "counts.csv: --unknown: group 'Not known' is not in the table"),
        (["--min-count", "-1"], "--min-count must not be negative"),
    ])
    func badOptionsExitTwo(arguments: [String], message: String) throws {
        let result = try runCLI(["disproportionality", "--counts", Self.counts] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
    }

    /// Library messages mention parameters; the command names them as its flags (issue 14).
    @Test func libraryHintsNameTheFlags() throws {
        let folder = try temporaryFolder()
        let unknown = folder.appendingPathComponent("unknown.csv"), grup = folder.appendingPathComponent("grup.csv")
        try "group,population,arrest\nWhite,1000,40\nUnknown,,3\n".write(to: unknown, atomically: true, encoding: .utf8)
        try "grup,population,arrest\nWhite,1000,40\n".write(to: grup, atomically: true, encoding: .utf8)
        for (path, words) in [(unknown.path, "say so with --unknown Unknown (it needs no population)"),
                              (grup.path, "(name the group column with --group-column)")] {
            let result = try runCLI(["disproportionality", "--counts", path])
            #expect(result.status == 2)
            #expect(result.stderr.contains(words) && !result.stderr.contains("\u{27EA}"), "stderr was: \(result.stderr)")
        }
    }

    @Test func zeroPopulationIsReported() throws {
        let path = try write("group,population,arrest\nWhite,1000,30\nBlack,0,0\nAsian,400,9\n")
        let result = try runCLI(["disproportionality", "--counts", path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Black has a base of 0 at arrest"))
    }

    @Test func missingFileIsAUsageError() throws {
        let result = try runCLI(["disproportionality", "--counts", "/no/such/counts.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such file"))
    }

    /// Issue 14's quoted case: "--reference rest needs…" is CLI wording, written by the command
    /// line from the library's parameter, at the file it was checked against.
    @Test func referenceRestWithOneKnownGroupNamesTheFlagOnce() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("one.csv")
        try "group,population,arrest\nWhite,100,3\nUnknown,,2\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runCLI(["disproportionality", "--counts", file.path, "--unknown", "Unknown", "--reference", "rest"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("one.csv: --reference: 'rest' needs at least two known groups"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
