import Foundation
import Testing

@Suite("yjstat model")
struct ModelCommandTests {
    func write(_ text: String, _ name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// A small extract: one row per child per outcome; remand more likely for group B.
    func records() throws -> URL {
        var lines = ["service,ethnicity,sex,stage"]
        let cells: [(String, String, Int, Int)] = [("B", "Male", 30, 12), ("B", "Female", 10, 3), ("W", "Male", 60, 9),
                                                    ("W", "Female", 25, 2), ("A", "Male", 20, 4), ("A", "Female", 8, 1)]
        for (group, sex, court, remand) in cells {
            for i in 0..<court { lines.append("\(i % 2 == 0 ? "leeds" : "york"),\(group),\(sex),court") }
            for i in 0..<remand { lines.append("\(i % 2 == 0 ? "leeds" : "york"),\(group),\(sex),remand") }
            lines.append("leeds,\(group),\(sex),arrest")
        }
        return try write(lines.joined(separator: "\n") + "\n", "records.csv")
    }

    @Test func recordsTextReportShowsAdjustedAndCrudeRatiosTestsAndConvergence() throws {
        let url = try records()
        let result = try runCLI(["model", "--records", url.path, "--outcome", "stage=remand", "--among", "stage=court",
                                 "--among", "stage=remand", "--terms", "ethnicity,sex", "--reference", "ethnicity=W"])
        #expect(result.status == 0, "\(result.stderr)")
        for text in ["Logistic regression of stage=remand among stage=court|remand", "adjusted OR", "profile 95%", "crude OR",
                     "Likelihood-ratio tests", "ethnicity", "Deviance", "AIC", "converged in", "184 records at risk, 31 with the outcome",
                     "4 covariate patterns".replacingOccurrences(of: "4", with: "6")] {
            #expect(result.stdout.contains(text), "missing \(text)\n\(result.stdout)")
        }
    }

    @Test func csvRowsCarryEveryCoefficientWithIntervals() throws {
        let url = try records()
        let result = try runCLI(["model", "--records", url.path, "--outcome", "stage=remand", "--among", "stage=court",
                                 "--among", "stage=remand", "--terms", "ethnicity,sex", "--reference", "ethnicity=W", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 1 + 4)   // intercept, A, B, Female
        #expect(lines[0].contains("ratio,wald_lower,wald_upper,profile_lower,profile_upper,crude_ratio"))
        #expect(lines.contains { $0.contains("ethnicity=B,ethnicity,B,W,") })
    }

    @Test func serviceSelectsOneServiceAndSolverIsReported() throws {
        let url = try records()
        let result = try runCLI(["model", "--records", url.path, "--outcome", "stage=remand", "--among", "stage=court",
                                 "--among", "stage=remand", "--terms", "ethnicity", "--service", "leeds", "--solver", "swift"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("in service leeds"))
        #expect(result.stdout.contains("solver swift"))
    }

    @Test func outcomeValueThatNeverOccursExitsTwo() throws {
        let url = try records()
        let result = try runCLI(["model", "--records", url.path, "--outcome", "sex=Unknown", "--among", "stage=court",
                                 "--among", "stage=remand", "--terms", "ethnicity"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("records.csv"))
        #expect(result.stderr.contains("the outcome sex=Unknown never occurs among stage=court|remand"))
        let custody = try runCLI(["model", "--records", url.path, "--outcome", "stage=custody", "--among", "stage=court",
                                  "--among", "stage=remand", "--terms", "ethnicity,sex"])
        #expect(custody.status == 2)
        #expect(custody.stderr.contains("never occurs"))
        let excluded = try runCLI(["model", "--records", url.path, "--outcome", "stage=remand", "--among", "stage=court", "--terms", "ethnicity"])
        #expect(excluded.status == 2)
        #expect(excluded.stderr.contains("--among stage=court --among stage=remand"))
    }

    @Test func termWithOneLevelExitsTwo() throws {
        let url = try records()
        let result = try runCLI(["model", "--records", url.path, "--outcome", "stage=remand", "--among", "stage=court",
                                 "--among", "stage=remand", "--terms", "ethnicity,sex", "--where", "sex=Male"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("term 'sex' has only one level ('Male')"))
    }

    @Test func referenceLevelAbsentExitsTwo() throws {
        let url = try records()
        let result = try runCLI(["model", "--records", url.path, "--outcome", "stage=remand", "--among", "stage=court",
                                 "--among", "stage=remand", "--terms", "ethnicity", "--reference", "ethnicity=White"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("reference level 'White' of term 'ethnicity' does not occur"))
        #expect(result.stderr.contains("A, B, W"))
    }

    @Test func perfectlySeparatedDataExplainsAndFirthFits() throws {
        let url = try write("ethnicity,stage\n" + Array(repeating: "A,court", count: 10).joined(separator: "\n") + "\n"
                            + Array(repeating: "B,court", count: 10).joined(separator: "\n") + "\n"
                            + Array(repeating: "B,remand", count: 4).joined(separator: "\n") + "\n"
                            + Array(repeating: "C,court", count: 8).joined(separator: "\n") + "\nC,remand\n", "separated.csv")
        let arguments = ["model", "--records", url.path, "--outcome", "stage=remand", "--among", "stage=court",
                         "--among", "stage=remand", "--terms", "ethnicity", "--reference", "ethnicity=B"]
        let ml = try runCLI(arguments)
        #expect(ml.status == 1)
        #expect(ml.stderr.contains("ethnicity=A: no outcome among 10"))
        #expect(ml.stderr.contains("--firth"))
        let firth = try runCLI(arguments + ["--firth"])
        #expect(firth.status == 0, "\(firth.stderr)")
        #expect(firth.stdout.contains("Firth penalised likelihood"))
        #expect(firth.stdout.contains("Penalised likelihood-ratio tests"))
        #expect(firth.stdout.contains("ethnicity=A: no outcome among 10"))
    }

    @Test func poissonFromACountsTableGivesAdjustedRateRatios() throws {
        let url = try write("""
            ethnicity,sex,fte,population
            White,Male,40,20000
            White,Female,10,19000
            Black,Male,30,4000
            Black,Female,6,3900
            Asian,Male,12,5000
            Asian,Female,2,4800
            """ + "\n", "strata.csv")
        let result = try runCLI(["model", "--counts", url.path, "--family", "poisson", "--count-column", "fte",
                                 "--offset", "population", "--terms", "ethnicity,sex", "--reference", "ethnicity=White", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(rows.count == 4)
        let black = try #require(rows.first { $0["coefficient"] as? String == "ethnicity=Black" })
        #expect(black["family"] as? String == "poisson")
        let ratio = try #require(black["ratio"] as? Double)
        #expect(ratio > 3 && ratio < 4.5)
        let bad = try runCLI(["model", "--counts", url.path, "--family", "poisson", "--offset", "population", "--terms", "ethnicity"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("missing column 'count'") || bad.stderr.contains("count"))
    }

    @Test func usageErrors() throws {
        let url = try records()
        let noOutcome = try runCLI(["model", "--records", url.path, "--terms", "ethnicity"])
        #expect(noOutcome.status == 2)
        #expect(noOutcome.stderr.contains("--outcome"))
        let poissonRecords = try runCLI(["model", "--records", url.path, "--family", "poisson", "--terms", "ethnicity", "--outcome", "stage=remand"])
        #expect(poissonRecords.status == 2)
        #expect(poissonRecords.stderr.contains("--counts"))
        let outcomeTerm = try runCLI(["model", "--records", url.path, "--terms", "stage", "--outcome", "stage=remand"])
        #expect(outcomeTerm.status == 2)
        let level = try runCLI(["model", "--records", url.path, "--terms", "ethnicity", "--outcome", "stage=remand", "--level", "95"])
        #expect(level.status == 2)
        #expect(level.stderr.contains("--level"))
    }

    @Test func synthPlantsAnEffectThatModelRecovers() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("planted.csv")
        let synth = try runCLI(["synth", "--rows", "40000", "--seed", "3", "--plant-remand-effect", "Black=3", "--out", file.path])
        #expect(synth.status == 0, "\(synth.stderr)")
        let bad = try runCLI(["synth", "--rows", "10", "--seed", "3", "--plant-remand-effect", "Purple=3", "--out", file.path])
        #expect(bad.status == 2)
        let result = try runCLI(["model", "--records", file.path, "--outcome", "stage=remand", "--among", "stage=court",
                                 "--among", "stage=remand", "--terms", "ethnicity,sex,offence", "--reference", "ethnicity=White",
                                 "--firth", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let header = try #require(result.stdout.split(separator: "\r\n").first).split(separator: ",").map(String.init)
        let black = try #require(result.stdout.split(separator: "\r\n").first { $0.contains(",ethnicity=Black,") })
        let cells = black.split(separator: ",").map(String.init)
        let lower = try #require(Double(cells[header.firstIndex(of: "profile_lower")!]))
        let upper = try #require(Double(cells[header.firstIndex(of: "profile_upper")!]))
        #expect(lower < 3 && 3 < upper, "\(lower) \(upper)")
    }
}
