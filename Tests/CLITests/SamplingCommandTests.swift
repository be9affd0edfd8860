import Foundation
import Testing
@testable import YJStatCLI
import YJStat

@Suite("yjstat sampling commands: bad input")
struct SamplingBadInputTests {
    @Test(arguments: [
        (["sample-size", "--population", "0"], "--population must be at least 1"),
        (["sample-size", "--population", "-5"], "--population must be at least 1"),
        (["sample-size", "--margin", "0"], "--margin: must be strictly between 0 and 1"),
        (["sample-size", "--margin", "5"], "--margin: must be strictly between 0 and 1"),
        (["sample-size", "--proportion", "1"], "--proportion: must be strictly between 0 and 1"),
        (["sample-size", "--proportion", "0"], "--proportion: must be strictly between 0 and 1"),
        (["sample-size", "--confidence", "80"], "--confidence: must be strictly between 0 and 1"),
        (["sample-size", "--correction", "cochran"], "--correction must be one of"),
        (["sample-size", "--rounding", "down"], "--rounding must be one of"),
        (["sample-size", "--confidence", "0.999", "--margin", "0.001", "--compare"], "--margin: the exact search would examine"),
        (["margin", "--sample", "6", "--population", "5"], "--sample (6) is more than --population (5)"),
        (["margin", "--sample", "0"], "--sample must be at least 1"),
        (["margin", "--sample", "3", "--population", "0"], "--population must be at least 1"),
        (["margin", "--sample", "3", "--proportion", "1.5"], "--proportion: must be strictly between 0 and 1"),
        (["margin", "--population", "5"], "missing required option --sample"),
        (["audit-sample", "--sample", "9", "--population", "8"], "--sample (9) is more than --population (8)"),
        (["audit-sample", "--sample", "5", "--margin", "1"], "--margin: must be strictly between 0 and 1"),
        (["plan", "--court-population", "0", "--ooc-population", "4"], "--court-population must be at least 1"),
        (["plan", "--court-population", "5", "--ooc-population", "0"], "--ooc-population must be at least 1"),
        (["plan", "--court-population", "5", "--ooc-population", "4", "--rule", "60-40"], "--rule must be one of"),
        (["plan", "--court-population", "5", "--ooc-population", "4", "--proportion", "0"], "--proportion: must be strictly between 0 and 1"),
        (["band-confidence", "--yes", "4", "--of", "3"], "--yes (4) is more than --of (3)"),
        (["band-confidence", "--yes", "2", "--of", "3", "--population", "2"], "--of (3) is more than --population (2)"),
        (["band-confidence", "--yes", "2", "--of", "3", "--population", "0"], "--population must be at least 1"),
        (["band-confidence", "--yes", "2", "--of", "3", "--prior", "flat"], "--prior must be one of"),
        (["design-risk", "--sample", "6", "--population", "5"], "--sample (6) is more than --population (5)"),
        (["design-risk", "--sample", "3", "--population", "0"], "--population must be at least 1"),
        (["design-risk", "--sample", "3", "--population", "5", "--true-proportion", "1.2"], "--true-proportion must be between 0 and 1"),
    ])
    func exitsTwoNamingTheFlag(arguments: [String], message: String) throws {
        let result = try runCLI(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: [
        ("sex,count\nmale,-3\nfemale,4\n", ":2:2: count must not be negative"),
        ("sex,count\nmale,3\nmale,4\n", ":3:1: duplicate stratum male"),
        ("sex,n\nmale,3\n", ":1: missing column 'count'"),
        ("sex,count\nmale,three\n", ":2:2: expected a whole number"),
        ("sex,count\nmale,3,4\n", ":2:"),
    ])
    func badStrataFilesExitTwoNamingFileLineColumn(text: String, message: String) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("strata.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try runCLI(["allocate", "--sample", "2", "--strata", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("strata.csv" + message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func allocationBadNumbersExitTwo() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("strata.csv")
        try "sex,count\nmale,3\nfemale,2\nother,0\n".write(to: file, atomically: true, encoding: .utf8)
        let tooMany = try runCLI(["allocate", "--sample", "6", "--strata", file.path])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("--sample: 6 is more than the 5 eligible cases"), "\(tooMany.stderr)")
        let minimum = try runCLI(["allocate", "--sample", "3", "--minimum", "2", "--strata", file.path])
        #expect(minimum.status == 2)
        #expect(minimum.stderr.contains("--minimum: a minimum of 2 in each of the 2 non-empty strata needs 4 cases"), "\(minimum.stderr)")
        let missing = try runCLI(["allocate", "--sample", "3", "--strata", folder.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--strata: no such file"))
    }
}

@Suite("yjstat sampling commands: results")
struct SamplingResultTests {
    @Test func sampleSizeJSONHasTheDocumentedKeys() throws {
        let result = try runCLI(["sample-size", "--population", "100", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect(object["sample_size"] as? Int == 63)
        #expect(object["correction"] as? String == "cochran-a")
        #expect(object["rounding"] as? String == "up")
        let unrounded = try #require(object["unrounded"] as? Double)
        #expect(abs(unrounded - 62.391368252845744) < 1e-9)
        let z = try #require(object["z"] as? Double)
        #expect(abs(z - 1.2815515655446004) < 1e-12)
    }

    @Test func compareAddsEveryFormAndTheExactPair() throws {
        let result = try runCLI(["sample-size", "--population", "58", "--compare", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try parseJSON(result.stdout) as? [String: Any])
        let compare = try #require(object["compare"] as? [[String: Any]])
        #expect(compare.count == 6)
        #expect(Set(compare.compactMap { $0["sample_size"] as? Int }) == [43, 44, 58])
        let exact = try #require(object["exact"] as? [String: Any])
        let first = try #require(exact["first_sufficient"] as? Int), from = try #require(exact["sufficient_from"] as? Int)
        #expect(first <= from)
        let text = try runCLI(["sample-size", "--population", "58", "--compare"])
        #expect(text.stdout.contains("The forms and roundings disagree: 43, 44, 58."))
    }

    @Test func marginJSONKeyIsAProportion() throws {
        let result = try runCLI(["margin", "--sample", "63", "--population", "100", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try parseJSON(result.stdout) as? [String: Any])
        let margin = try #require(object["margin"] as? Double)
        #expect(margin > 0.049 && margin <= 0.05)
    }

    @Test func auditExitsOneWhenThePrecisionIsNotMet() throws {
        let short = try runCLI(["audit-sample", "--sample", "29", "--population", "40"])
        #expect(short.status == 1)
        #expect(short.stdout.contains("does NOT meet"))
        #expect(short.stdout.contains("34-35"))
        let met = try runCLI(["audit-sample", "--sample", "63", "--population", "100", "--format", "csv"])
        #expect(met.status == 0)
        #expect(met.stdout.hasPrefix("correction,rounding,sample,population,achieved_margin,meets_target"))
    }

    @Test func planReproducesThePublishedSixtyFortyPairs() throws {
        let result = try runCLI(["plan", "--court-population", "4", "--ooc-population", "9", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try parseJSON(result.stdout) as? [String: Any])
        let court = try #require(object["court"] as? [String: Any]), ooc = try #require(object["out_of_court"] as? [String: Any])
        #expect(court["sample_size"] as? Int == 4)
        #expect(ooc["sample_size"] as? Int == 3)
        #expect(object["total"] as? Int == 7)
    }

    @Test func allocateTotalsTheSampleAndWritesBothTables() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("strata.csv")
        try "sex,disposal,count\nmale,referral,14\nmale,yro,9\nfemale,referral,5\nfemale,yro,0\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let json = try runCLI(["allocate", "--sample", "10", "--strata", file.path, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try parseJSON(json.stdout) as? [String: Any])
        let strata = try #require(object["strata"] as? [[String: Any]])
        #expect(strata.compactMap { $0["allocated"] as? Int } == [5, 3, 2, 0])
        let marginals = try #require(object["marginals"] as? [[String: Any]])
        #expect(marginals.count == 4)
        let csv = try runCLI(["allocate", "--sample", "10", "--strata", file.path, "--format", "csv", "--csv-table", "marginals"])
        #expect(csv.stdout.hasPrefix("variable,level,population,population_share,allocated,allocated_share,difference"))
        // The output may never replace the input file.
        let clobber = try runCLI(["allocate", "--sample", "10", "--strata", file.path, "--output", file.path])
        #expect(clobber.status != 0)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("sex,disposal,count"))
    }

    @Test func bandConfidenceProbabilitiesSumToOne() throws {
        let result = try runCLI(["band-confidence", "--yes", "11", "--of", "17", "--population", "25", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect(object["observed_band"] as? String == "Requires improvement")
        let bands = try #require(object["bands"] as? [[String: Any]])
        let total = bands.compactMap { $0["probability"] as? Double }.reduce(0, +)
        #expect(bands.count == 4 && abs(total - 1) < 1e-12)
    }

    @Test func designRiskSingleAndTable() throws {
        let single = try runCLI(["design-risk", "--sample", "4", "--population", "5", "--true-proportion", "0.8", "--format", "json"])
        #expect(single.status == 0)
        let object = try #require(try parseJSON(single.stdout) as? [String: Any])
        #expect(object["true_band"] as? String == "Outstanding")
        let wrong = try #require(object["probability_wrong_band"] as? Double)
        #expect(abs(wrong - 0.8) < 1e-12)   // 4 of the 5 samples of 4 show 3 of 4 = 75%, Good
        let table = try runCLI(["design-risk", "--sample", "4", "--population", "5", "--format", "csv"])
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\r\n").count == 5)
    }

    /// A range error from the sampling library is reported by `CLI.run` through `ParameterFlags`
    /// (issue 14; no wrapper in the commands): `--flag: message`, the parameter always written as
    /// the flag that supplied it, never as the library's argument name, and without the usage
    /// lines of a malformed command line.
    @Test(arguments: [
        (["margin", "--sample", "3", "--proportion", "1.5"], "yjstat margin: error: --proportion: must be strictly between 0 and 1, got 1.5\n"),
        (["sample-size", "--margin", "0"],
         "yjstat sample-size: error: --margin: must be strictly between 0 and 1 (a proportion: 0.05 is five points), got 0.0\n"),
        (["audit-sample", "--sample", "5", "--confidence", "1"], "yjstat audit-sample: error: --confidence: must be strictly between 0 and 1, got 1.0\n"),
        (["plan", "--court-population", "5", "--ooc-population", "4", "--margin", "2"],
         "yjstat plan: error: --margin: must be strictly between 0 and 1 (a proportion: 0.05 is five points), got 2.0\n"),
    ])
    func libraryRangeErrorsAreRenderedOnceAgainstTheFlag(arguments: [String], stderr: String) throws {
        let result = try runCLI(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == stderr)
        #expect(result.stdout.isEmpty)
    }

    /// Every parameter the sampling library names is a flag of the command that supplies it.
    @Test func everySamplingParameterHasItsFlag() {
        let expected: [(command: String, parameter: Parameter, flag: String)] = [
            ("sample-size", "margin", "--margin"), ("sample-size", "proportion", "--proportion"), ("sample-size", "population", "--population"),
            ("margin", "sample", "--sample"), ("margin", "population", "--population"), ("audit-sample", "sample", "--sample"),
            ("design-risk", "sample", "--sample"), ("design-risk", "trueProportion", "--true-proportion"),
            ("plan", "courtPopulation", "--court-population"), ("plan", "outOfCourtPopulation", "--ooc-population"), ("plan", "margin", "--margin"),
            ("band-confidence", "successes", "--yes"), ("band-confidence", "sample", "--of"), ("band-confidence", "population", "--population"),
            ("allocate", "sample", "--sample"), ("allocate", "minimum", "--minimum"), ("allocate", "strata", "--strata"),
        ]
        for (command, parameter, flag) in expected {
            #expect(ParameterFlags.flag(for: parameter, in: command) == flag, "\(command) \(parameter)")
        }
    }
}
