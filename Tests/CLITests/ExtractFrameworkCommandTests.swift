import Foundation
import Testing

/// `extract` and `check --report` with framework versions: the chosen framework is printed, and
/// `--framework FILE` reads (and checks) with one framework file.
@Suite("yjstat extract: framework versions")
struct ExtractFrameworkCommandTests {
    /// A ratings page under the 2021 standards (our own minimal report): 3.4 rated on
    /// out-of-court policy and provision, 4.1 resettlement rated Outstanding but not scored.
    static let report2021 = """
    An inspection of youth justice services in Sampleton

    MARCH 2022

    Sampleton Youth Justice Service Score 24/36
    Overall rating Good
    1.1 Governance and leadership Good
    1.2 Staff Good
    1.3 Partnerships and services Good
    1.4 Information and facilities Good
    2.1 Assessment Good
    2.2 Planning Good
    2.3 Implementation and delivery Good
    2.4 Reviewing Good
    3.1 Assessment Good
    3.2 Planning Good
    3.3 Implementation and delivery Good
    3.4 Out-of-court disposal policy and provision Good
    4.1 Resettlement policy and provision Outstanding

    """

    static func write(_ text: String, _ name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theChosenFrameworkIsPrintedAndWritten() throws {
        let input = try Self.write(Self.report2021, "sampleton.txt")
        let out = input.deletingLastPathComponent().appendingPathComponent("dataset")
        let result = try runCLI(["extract", input.path, "--out", out.path])
        // Key questions are not printed: incomplete, exit 1.
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("framework: youth-2021 (the report prints 13 of the 13 standards of youth-2021 (12 scored; 4.1 rated, not scored)"))
        #expect(result.stdout.contains("13/13"))
        #expect(!result.stdout.contains("score-mismatch"))
        let inspections = try String(contentsOf: out.appendingPathComponent("inspections.csv"), encoding: .utf8)
        #expect(inspections.contains(",2022-03,youth-2021,24,Good,"), "\(inspections)")
        let ratings = try String(contentsOf: out.appendingPathComponent("ratings.csv"), encoding: .utf8)
        #expect(ratings.contains("sampleton,4.1,Outstanding\n"))
    }

    /// `--framework youth-2018.json` forces the 2018 framework: 4.1 is a warning and 3.4 is
    /// missing; `check --report` with the same file checks with it.
    @Test func aGivenFrameworkFileIsUsedForExtractionAndChecks() throws {
        let input = try Self.write(Self.report2021, "sampleton.txt")
        let framework = repositoryRoot.appendingPathComponent("Sources/YJStat/Inspection/Frameworks/youth-2018.json").path
        let result = try runCLI(["extract", input.path, "--framework", framework])
        #expect(result.status == 1)
        #expect(result.stdout.contains("framework: youth-2018 (the report prints 11 of the 12 standards of youth-2018 (12 scored): the only framework given)"))
        #expect(result.stdout.contains("which framework youth-2018 does not have"))
        #expect(result.stdout.contains("incomplete: missing court_sample, ooc_sample, rating 3.4, key question 2.1.1"))
        #expect(result.stdout.contains("but framework youth-2018 names 3.4 'Joint working'"))
        let checked = try runCLI(["check", "--report", input.path, "--framework", framework])
        #expect(checked.stdout.contains("missing-standard"), "\(checked.stdout)")
        // Without --framework, check uses the framework the extraction chose: no missing 3.4 or 4.1.
        let chosen = try runCLI(["check", "--report", input.path])
        #expect(!chosen.stdout.contains("missing-standard"), "\(chosen.stdout)")
        #expect(!chosen.stdout.contains("framework-mismatch"))
        #expect(!chosen.stdout.contains("score-mismatch"))
    }

    @Test func aBadFrameworkFileIsExitTwoNamingIt() throws {
        let input = try Self.write(Self.report2021, "sampleton.txt")
        let bad = try Self.write("{\"id\": 1}", "bad.json")
        let result = try runCLI(["extract", input.path, "--framework", bad.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.json"))
    }
}
