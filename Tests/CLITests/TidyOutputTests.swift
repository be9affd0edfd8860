import Foundation
import Testing

/// Issue 18, items 1–3: the tidy CSV and JSON of `disproportionality`, `representation` and
/// `board` (few columns, units in the headers, rounded to what the numbers mean), `--wide` (the
/// full table, unchanged), `--precision full`, the JSON document and the CSV notes.
@Suite("tidy CSV and JSON outputs")
struct TidyOutputTests {
    static let counts = "Datasets/examples/counts.csv"

    /// Splits CSV text into rows of fields (no field in these outputs holds a line break).
    static func table(_ csv: String) -> [[String]] {
        csv.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { DisclosureAttacker.csvFields($0) }
    }

    /// Rows as dictionaries by header.
    static func records(_ csv: String) -> [[String: String]] {
        let rows = table(csv)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) }
    }

    func run(_ arguments: [String]) throws -> CLIResult {
        let result = try runCLI(arguments, in: repositoryRoot)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// The significant digits of a number as printed ("0.0123" → 3, "1230" → 3, "2.5e-05" → 2).
    static func significantDigits(_ text: String) -> Int {
        let mantissa = text.lowercased().split(separator: "e").first.map(String.init) ?? text
        var digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        if !mantissa.contains(".") { digits = Substring(digits.reversed().drop { $0 == "0" }.reversed()) }
        return max(1, digits.count)
    }

    static func decimals(_ text: String) -> Int {
        text.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
    }

    // MARK: item 1: columns, units, rounding

    @Test func disproportionalityTidyHeaderHasThirteenColumnsWithUnits() throws {
        let csv = try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv"]).stdout
        let header = try #require(Self.table(csv).first)
        #expect(header == ["group", "stage", "count", "base", "base_stage", "rate_per_1000", "rri", "rri_lower", "rri_upper",
                           "p_adjusted", "excess_children", "flags", "method"])
        #expect(Self.table(csv).dropFirst().allSatisfy { $0.count == 13 })
        #expect(Self.table(csv).count == 31, "one row per group and stage (30)")
    }

    @Test(arguments: [
        (["disproportionality", "--counts", "Datasets/examples/counts.csv", "--unknown", "Unknown", "--base", "previous",
          "--stages", "arrest,court,custody"], "rate_per_100", 14),
        (["disproportionality", "--counts", "Datasets/examples/counts_by_sex_age.csv", "--strata", "sex,age_band", "--unknown", "Unknown"],
         "rate_per_1000", 14),
        (["representation", "--demographics", "Datasets/demographics.csv"], "service_share_percent", 15),
        (["board", "--counts", "Datasets/examples/counts_by_year.csv", "--unknown", "Unknown", "--national", "Datasets/examples/national_counts.csv"],
         "rate_per_1000", 16),
        (["board", "--counts", "Datasets/examples/counts.csv", "--unknown", "Unknown"], "population_share_percent", 13),
    ])
    func everyTidyTableIsNarrowWithUnitsInItsHeader(arguments: [String], unitColumn: String, columns: Int) throws {
        let rows = Self.table(try run(arguments + ["--format", "csv"]).stdout)
        let header = try #require(rows.first)
        #expect(header.count == columns, "\(header)")
        #expect(header.contains(unitColumn), "\(header)")
        #expect(rows.allSatisfy { $0.count == header.count })
        // Never an empty cell: undefined values are words.
        #expect(rows.allSatisfy { $0.allSatisfy { !$0.isEmpty } }, "\(rows.filter { $0.contains("") })")
        let wide = Self.table(try run(arguments + ["--format", "csv", "--wide"]).stdout)
        #expect(wide.count == rows.count, "the tidy and wide tables have the same rows")
        #expect((wide.first?.count ?? 0) > header.count)
    }

    @Test func ratesToOneDecimalPlaceAndRatiosToThreeSignificantFigures() throws {
        let records = Self.records(try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv"]).stdout)
        let black = try #require(records.first { $0["group"] == "Black" && $0["stage"] == "arrest" })
        #expect(black["rate_per_1000"] == "62.1")      // 118/1900 × 1000 = 62.105…
        #expect(black["rri"] == "2.63")                // 2.63208…
        #expect(black["rri_lower"] == "2.16" && black["rri_upper"] == "3.21")
        #expect(black["p_adjusted"] == "1.74e-16")     // 1.7405…e-16
        #expect(black["excess_children"] == "73.2")    // 73.168…
        for row in records {
            for key in ["rate_per_1000", "excess_children"] {
                if let text = row[key], Double(text) != nil { #expect(Self.decimals(text) <= 1, "\(key) \(text)") }
            }
            for key in ["rri", "rri_lower", "rri_upper", "p_adjusted"] {
                if let text = row[key], Double(text) != nil { #expect(Self.significantDigits(text) <= 3, "\(key) \(text)") }
            }
        }
        let white = try #require(records.first { $0["group"] == "White" && $0["stage"] == "arrest" })
        #expect(white["rri"] == "1" && white["rri_lower"] == "not computed" && white["flags"] == "reference")
    }

    @Test func nonFiniteRatiosAreWordsInTheTidyTable_zeroCells() throws {
        let records = Self.records(try run(["disproportionality", "--counts", "Datasets/examples/zero_cells.csv", "--format", "csv"]).stdout)
        let black = try #require(records.first { $0["group"] == "Black" && $0["stage"] == "custody" })
        #expect(black["rri"] == "infinite" && black["rri_upper"] == "infinite" && black["rri_lower"] == "6.94")
        #expect(black["method"] == "koopman")
        let asian = try #require(records.first { $0["group"] == "Asian" && $0["stage"] == "custody" })
        #expect(asian["rri"] == "undefined")
        #expect(asian["flags"]?.contains("zero cell") == true)
    }

    @Test func representationRatiosToThreeSignificantFiguresAndPointsToOneDecimal() throws {
        let records = Self.records(try run(["representation", "--service-percent", "20", "--comparator-percent", "12", "--total", "45",
                                            "--comparator-total", "1800", "--format", "csv"]).stdout)
        let row = try #require(records.first)
        #expect(row["service_share_percent"] == "20" && row["comparator_share_percent"] == "12" && row["service_children"] == "45")
        #expect(row["ratio"] == "1.67")               // 20/12 = 1.666…
        for key in ["ratio", "ratio_lower", "ratio_upper"] { #expect(Self.significantDigits(row[key] ?? "") <= 3, "\(key)") }
        for key in ["difference_points", "difference_lower_points", "difference_upper_points"] { #expect(Self.decimals(row[key] ?? "") <= 1) }
        #expect(row["interval"]?.contains("Katz ratio and Newcombe difference") == true)
        let noTotal = try #require(Self.records(try run(["representation", "--service-percent", "87", "--comparator-percent", "26",
                                                         "--format", "csv"]).stdout).first)
        #expect(noTotal["service_children"] == "not given")
        #expect(noTotal["ratio"] == "3.35" && noTotal["ratio_lower"] == "3.26" && noTotal["ratio_upper"] == "3.43")  // 86.5/26.5, 87.5/25.5
    }

    @Test func precisionFullRoundTripsTheWideValues() throws {
        let base = ["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv"]
        let full = Self.records(try run(base + ["--precision", "full"]).stdout)
        let wide = Self.records(try run(base + ["--wide"]).stdout)
        #expect(full.count == wide.count)
        for (t, w) in zip(full, wide) {
            #expect(t["group"] == w["group"] && t["stage"] == w["stage"] && t["count"] == w["count"] && t["base"] == w["base"])
            #expect(t["rate_per_1000"] == w["rate"], "\(t) \(w)")
            #expect(Double(t["rate_per_1000"]!) == Double(w["rate"]!))
            guard w["is_reference"] == "false" else { continue }
            for (tidy, wideName) in [("rri", "rri"), ("rri_lower", "rri_lower"), ("rri_upper", "rri_upper"), ("p_adjusted", "p_adjusted"),
                                     ("excess_children", "excess")] {
                let a = try #require(t[tidy]), b = try #require(w[wideName])
                if let x = Double(a) { #expect(x == Double(b), "\(tidy): \(a) vs \(b)") } else { #expect(b == "NA" || b == "inf", "\(tidy): \(a) vs \(b)") }
            }
        }
    }

    /// The wide table as the command printed it before issue 18 (README blocks generated by the
    /// earlier binary): `--wide` keeps it byte for byte.
    static let strataBefore = [
        "group,stage,count,base,base_stage,rate,rate_per,reference,is_reference,reference_count,reference_base,reference_rate,rri,rri_lower,rri_upper,rri_method,status,cumulative_rri,cumulative_lower,cumulative_upper,odds_ratio,or_lower,or_upper,or_method,or_exact,or_exact_lower,or_exact_upper,p_value,p_method,p_adjusted,p_adjustment,stage_share,stage_share_lower,stage_share_upper,base_share,base_share_lower,base_share_upper,share_difference_points,share_difference_lower,share_difference_upper,share_ratio,share_ratio_lower,share_ratio_upper,share_ratio_method,excess,excess_lower,excess_upper,significant,small,zero_base,zero_cell,zero_cell_rule,confidence,unknown_count,rate_unknown_upper,rate_redistributed,rri_unknown_lower,rri_unknown_upper,depends_on_unknown,mh_rr,mh_rr_lower,mh_rr_upper,mh_rr_method,mh_or,mh_or_lower,mh_or_upper,mh_or_method,cmh_p,breslow_day_statistic,breslow_day_df,breslow_day_p,sparse_strata,uninformative_strata,suppressed",
        "White,arrest,420,17800,population,23.59550561797753,1000,White,true,420,17800,23.59550561797753,1,NA,NA,katz,ok,NA,NA,NA,NA,NA,NA,none,NA,NA,NA,NA,fisher-exact-two-sided,NA,holm,0.6176470588235294,0.5805574305036364,0.6534149295166597,0.7221095334685599,0.7164831144318373,0.727666736141745,-10.446247464503045,-14.196611487446242,-6.825477981233942,0.8553370786516854,0.8058150251449571,0.9079025524310528,log-ratio,NA,NA,NA,false,false,false,false,exact,0.95,31,NA,NA,NA,NA,false,NA,NA,NA,mantel-haenszel-greenland-robins,NA,NA,NA,mantel-haenszel-robins-breslow-greenland,NA,NA,NA,NA,false,,",
        "Black,arrest,118,1900,population,62.10526315789474,1000,White,false,420,17800,23.59550561797753,2.632080200501253,2.1578674218953635,3.210505942846869,katz,ok,NA,NA,NA,2.7401528512639626,2.221242181321622,3.3802877108260936,woolf,2.7399502235183006,2.201664897703151,3.3893095628445806,6.962376236883752e-18,fisher-exact-two-sided,1.740594059220938e-16,holm,0.17352941176470588,0.14692035904843948,0.2038063418952386,0.07707910750507099,0.07381502682110175,0.08047498373057027,9.645030425963489,6.962543404939983,12.690267232585631,2.251315789473684,1.9000746362752354,2.667486154054072,log-ratio,73.1685393258427,53.66959081608317,95.8769506257658,true,false,false,false,exact,0.95,31,78.42105263157895,64.93653250773994,2.451161162329327,3.3235588972431076,false,2.632080200501253,2.165347620130825,3.1994152428293026,mantel-haenszel-greenland-robins,2.8132864334517356,2.272141615115168,3.4833130575984903,mantel-haenszel-robins-breslow-greenland,5.412817932119104e-23,0.1336525058047809,3,0.9875135860980323,false,,",
    ]

    static let zeroCellsBefore = [
        "group,stage,count,base,rri,rri_lower,rri_upper,rri_method,status,odds_ratio,or_lower,or_upper,or_method",
        "White,arrest,40,4000,1,NA,NA,katz,ok,NA,NA,NA,none",
        "Black,arrest,9,300,3,1.469761068936228,6.123444272825889,katz,ok,3.0618556701030926,1.4713695505575504,6.371587709552625,woolf",
        "Asian,arrest,0,250,0,0,1.5153225200693035,koopman,ok,0,0,1.5418944189076857,exact-conditional",
        "Mixed,arrest,3,60,5,1.5907631795175752,15.715727093697035,katz,ok,5.2105263157894735,1.566190783903543,17.33478754093262,woolf",
        "White,custody,0,4000,1,NA,NA,katz,ok,NA,NA,NA,none",
        "Black,custody,2,300,inf,6.944093214737503,inf,koopman,infinite,inf,2.508704234559248,inf,exact-conditional",
        "Asian,custody,0,250,NA,0,inf,koopman,undefined,NA,0,inf,exact-conditional",
        "Mixed,custody,0,60,NA,0,inf,koopman,undefined,NA,0,inf,exact-conditional",
    ]

    @Test func wideKeepsThePreviousTable() throws {
        let strata = try run(["disproportionality", "--counts", "Datasets/examples/counts_by_sex_age.csv", "--strata", "sex,age_band",
                              "--unknown", "Unknown", "--format", "csv", "--wide"]).stdout
        #expect(Array(strata.components(separatedBy: "\r\n").prefix(3)) == Self.strataBefore)
        let zero = try run(["disproportionality", "--counts", "Datasets/examples/zero_cells.csv", "--format", "csv", "--wide"]).stdout
        let keep = Array(0..<4) + Array(12..<17) + Array(20..<24)
        let cut = zero.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            let fields = line.components(separatedBy: ",")
            return keep.map { fields[$0] }.joined(separator: ",")
        }
        #expect(cut == Self.zeroCellsBefore)
    }

    @Test(arguments: [["--wide"], ["--precision", "full"], ["--notes"]])
    func tableOptionsGoWithCSVOrJSON(extra: [String]) throws {
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown"] + extra, in: repositoryRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(extra[0]) goes with --format csv"), "\(result.stderr)")
    }

    @Test func precisionWithWideIsAnError() throws {
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--format", "csv", "--wide", "--precision", "full"],
                                in: repositoryRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--precision is for the tidy table; --wide always keeps every digit"))
    }

    // MARK: item 2: the JSON document

    @Test(arguments: [
        ["disproportionality", "--counts", "Datasets/examples/counts.csv", "--unknown", "Unknown"],
        ["representation", "--demographics", "Datasets/demographics.csv"],
        ["board", "--counts", "Datasets/examples/counts.csv", "--unknown", "Unknown"],
    ])
    func jsonIsAnObjectWithRowsWarningsMethodsAndInputs(arguments: [String]) throws {
        let text = try run(arguments + ["--format", "json"]).stdout
        let object = try #require(try parseJSON(text) as? [String: Any])
        #expect(Set(object.keys) == ["rows", "warnings", "methods", "inputs"])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(object["warnings"] is [String])
        #expect(!((object["methods"] as? [String]) ?? []).isEmpty)
        let inputs = try #require(object["inputs"] as? [String: Any])
        let files = try #require(inputs["files"] as? [[String: String]])
        #expect(files.first?["path"] == arguments[2] && files.first?["option"] == arguments[1].replacingOccurrences(of: "--", with: ""))
        let options = try #require(inputs["options"] as? [String: Any])
        if arguments.contains("--unknown") { #expect(options["unknown"] as? String == "Unknown") }
        #expect(options["format"] == nil, "how the result is written is not an input")
        // Tidy rows by default, the wide ones with --wide.
        let wide = try #require(try jsonRows(try run(arguments + ["--format", "json", "--wide"]).stdout))
        #expect(wide.count == rows.count && (wide.first?.count ?? 0) > (rows.first?.count ?? 0))
    }

    @Test func jsonWarningsAreTheTextSummarysWarnings() throws {
        let text = try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown"]).stdout
        let object = try #require(try parseJSON(try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown",
                                                          "--format", "json"]).stdout) as? [String: Any])
        let warnings = try #require(object["warnings"] as? [String])
        #expect(warnings.contains { $0.hasPrefix("Ethnicity 'Unknown': arrest 31 of 711 (4.4%)") })
        #expect(warnings.contains { $0.hasPrefix("Small numbers") })
        for warning in warnings { #expect(text.contains(String(warning.prefix(60))), "\(warning)") }
        let methods = try #require(object["methods"] as? [String])
        for method in methods { #expect(text.contains(String(method.prefix(60))), "\(method)") }
    }

    // MARK: item 3: notes

    @Test func csvOutputFileGetsANotesFileBesideIt() throws {
        let folder = try temporaryFolder()
        let csv = folder.appendingPathComponent("board.csv")
        _ = try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--output", csv.path])
        let written = try String(contentsOf: csv, encoding: .utf8)
        #expect(written.hasPrefix("group,stage,count,base,base_stage,rate_per_1000"), "the .csv name chose the tidy CSV")
        #expect(!written.contains("#"), "the CSV itself has no notes")
        let notes = try String(contentsOf: folder.appendingPathComponent("board.notes.txt"), encoding: .utf8)
        #expect(notes.hasPrefix("Notes for board.csv (yjstat disproportionality)\n\nWarnings:\n- Small numbers"))
        #expect(notes.contains("\nMethods:\n- rate = count / base x 1000") || notes.contains("\nMethods:\n- "))
        #expect(notes.contains("\nInputs:\n- --counts \(Self.counts)\n- --unknown Unknown\n"))
        #expect(notes.contains("- Ethnicity 'Unknown': arrest 31 of 711 (4.4%)"))
        // The JSON document carries the same warnings and methods; nothing is written beside it.
        let json = folder.appendingPathComponent("rows.json")
        _ = try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--output", json.path])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rows.notes.txt").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rows.json.notes.txt").path))
    }

    @Test func standardOutputGetsCommentedNotesOnlyWithNotes() throws {
        let base = ["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv"]
        let plain = try run(base).stdout
        #expect(!plain.contains("#"))
        for output in [[], ["--output", "-"]] {
            let annotated = try run(base + output + ["--notes"]).stdout
            #expect(annotated.hasPrefix(plain), "the table first, unchanged")
            let trailing = annotated.dropFirst(plain.count).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(!trailing.isEmpty && trailing.allSatisfy { $0.hasPrefix("#") })
            #expect(trailing.contains("# Warnings:") && trailing.contains("# Methods:") && trailing.contains("# Inputs:"))
        }
    }

    @Test func theNotesFileNeverReplacesAnInput() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("counts.notes.txt")
        try String(contentsOf: repositoryRoot.appendingPathComponent(Self.counts), encoding: .utf8).write(to: input, atomically: true, encoding: .utf8)
        let before = try String(contentsOf: input, encoding: .utf8)
        let result = try runCLI(["disproportionality", "--counts", input.path, "--unknown", "Unknown", "--output",
                                 folder.appendingPathComponent("counts.csv").path], in: repositoryRoot)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(try String(contentsOf: input, encoding: .utf8) == before)
    }

    @Test func notesUnderDisclosureControlHideWhatTheTableHides() throws {
        let folder = try temporaryFolder()
        let counts = folder.appendingPathComponent("counts.csv")
        try DisclosureCommandTests.issueTable.write(to: counts, atomically: true, encoding: .utf8)
        let csv = folder.appendingPathComponent("published.csv")
        _ = try run(["disproportionality", "--counts", counts.path, "--unknown", "Unknown", "--suppress-below", "5", "--output", csv.path])
        let notes = try String(contentsOf: folder.appendingPathComponent("published.notes.txt"), encoding: .utf8)
            .replacingOccurrences(of: counts.path, with: "FILE")
        let printed = DisclosureCommandTests.numbers(in: notes)
        #expect(!printed.contains("197"), "the arrest total")
        #expect(notes.contains("Ethnicity 'Unknown': arrest 15 (stage total hidden)"), "\(notes)")
        let table = try String(contentsOf: csv, encoding: .utf8)
        #expect(table.contains("Other,arrest,suppressed,1500,population,suppressed"), "\(table)")
        #expect(table.contains("hidden: primary"))
    }

    // MARK: board

    @Test func boardTidyRowsMatchTheDisproportionalityRows() throws {
        let board = Self.records(try run(["board", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv", "--precision", "full"]).stdout)
        let analysis = Self.records(try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv",
                                             "--wide"]).stdout)
        #expect(board.count == analysis.count)
        for (b, a) in zip(board, analysis) {
            #expect(b["group"] == a["group"] && b["stage"] == a["stage"] && b["count"] == a["count"] && b["population"] == a["base"])
            #expect(b["rate_per_1000"] == a["rate"])
            if a["is_reference"] == "false" { #expect(b["rri"] == a["rri"] && b["rri_lower"] == a["rri_lower"]) }
            #expect(Double(b["stage_share_percent"]!)! == Double(a["stage_share"]!)! * 100)
        }
        let wide = try run(["board", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv", "--wide"]).stdout
        let disproportionality = try run(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--format", "csv", "--wide"]).stdout
        #expect(wide == disproportionality, "board --wide is the disproportionality table of the same counts")
    }

    @Test func boardOutputNameChoosesTheFormat() throws {
        let folder = try temporaryFolder()
        for (name, prefix) in [("pack.md", "# "), ("pack.csv", "group,stage,count,population"), ("pack.json", "{")] {
            let file = folder.appendingPathComponent(name)
            _ = try run(["board", "--counts", Self.counts, "--unknown", "Unknown", "--output", file.path])
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix(prefix), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pack.notes.txt").path))
        let html = try runCLI(["board", "--counts", Self.counts, "--unknown", "Unknown", "--output", folder.appendingPathComponent("pack.html").path],
                              in: repositoryRoot)
        #expect(html.status == 2)
        #expect(html.stderr.contains("--output pack.html: the HTML page is written by --html pack.html"), "\(html.stderr)")
        let mismatch = try runCLI(["board", "--counts", Self.counts, "--format", "csv", "--output", folder.appendingPathComponent("x.md").path],
                                  in: repositoryRoot)
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("--output x.md is a .md file but --format is csv"), "\(mismatch.stderr)")
    }
}
