import Foundation
import Testing

@Suite("yjstat extract")
struct ExtractCommandTests {
    /// A minimal report: ratings page and one key-question table (our own wording).
    static let report = """
    Sampleton Youth Offending Service Score 24/36
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
    3.4 Joint working Good
    2.1. Assessment
    Our rating for assessment:
    Of the 5 cases inspected Relevant cases Number 'Yes'
    Does assessment support the child's desistance? 5 4
    Does assessment keep the child safe? 5 4
    Does assessment keep other people safe? 6 4
    We examined five court disposals.

    """

    @Test func writesTheDatasetAndReportsCompleteness() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("sampleton.txt")
        try Self.report.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("dataset")
        let result = try runCLI(["extract", input.path, "--out", out.path])
        // 6 relevant cases against a table of 5 and a sample of 5: an error finding, exit 1.
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("sampleton (Sampleton Youth Offending Service)"))
        #expect(result.stdout.contains("relevant-exceeds-sample"))
        #expect(result.stdout.contains("12/12"))
        let ratings = try String(contentsOf: out.appendingPathComponent("ratings.csv"), encoding: .utf8)
        #expect(ratings.hasPrefix("service,standard,rating\nsampleton,1.1,Good\n"))
        let inspections = try String(contentsOf: out.appendingPathComponent("inspections.csv"), encoding: .utf8)
        #expect(inspections == "service,name,published,framework,score,overall_rating,court_sample,ooc_sample\n"
            + "sampleton,Sampleton Youth Offending Service,,youth-2018,24,Good,5,\n")
        let keyQuestions = try String(contentsOf: out.appendingPathComponent("key_questions.csv"), encoding: .utf8)
        #expect(keyQuestions.contains("sampleton,2.1.3,6,4,\n"))
        let provenance = try String(contentsOf: out.appendingPathComponent("provenance.csv"), encoding: .utf8)
        #expect(provenance.contains(",sampleton,key_questions.csv,2.1.3,20\n"))
        for name in ["prompts.csv", "discretion.csv", "demographics.csv", "population.csv", "caseload.csv", "rates.csv", "extraction_issues.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test func jsonListsCompletenessFindingsAndWarnings() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("r.txt")
        try Self.report.write(to: input, atomically: true, encoding: .utf8)
        let result = try runCLI(["extract", input.path, "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let first = try #require(array.first)
        #expect(first["service"] as? String == "sampleton")
        let completeness = try #require(first["completeness"] as? [String: Any])
        #expect((completeness["key_questions_missing"] as? [String])?.count == 20)
        #expect((first["findings"] as? [[String: Any]])?.contains { $0["code"] as? String == "relevant-exceeds-sample" } == true)
    }

    @Test func garbageStillGivesAResult() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("junk.txt")
        try Data([0xFF, 0xFE, 0x00, 0x41, 0x0A, 0xC3, 0x28]).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try runCLI(["extract", input.path, "--out", out.path])
        // Nothing expected was found: exit 1, never a silent 0 with blanks.
        #expect(result.status == 1)
        #expect(result.stdout.contains("unnamed-junk"))
        #expect(result.stdout.contains("incomplete: missing name, overall_rating"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("inspections.csv").path))
    }

    @Test func missingFileAndBadOutAreUsageErrors() throws {
        let missing = try runCLI(["extract", "/no/such/report.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file"))
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("r.txt")
        try Self.report.write(to: input, atomically: true, encoding: .utf8)
        let clash = try runCLI(["extract", input.path, "--out", input.path])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("expected a folder"))
        let none = try runCLI(["extract"])
        #expect(none.status == 2)
    }

    /// A complete report in our own wording: the ratings page, both samples and all 23 key
    /// questions numbered, figures at the end of the line. `omitting` drops one key question's figures.
    static func completeReport(omitting omitted: String? = nil) -> String {
        var text = report.components(separatedBy: "2.1. Assessment\n")[0]
        text += "We examined five court disposals.\nWe examined four out-of-court disposals.\n"
        let activities = ["1": "assessment", "2": "planning", "3": "service delivery", "4": "reviewing"]
        for domain in ["2", "3"] {
            for standard in 1...4 {
                let id = "\(domain).\(standard)"
                let activity = activities["\(standard)"] ?? ""
                let questions = id == "3.4"
                    ? ["Do the recommendations support joint decision-making?", "Does the YOT work with the police on the disposal?"]
                    : ["Does \(activity) support the child's desistance?", "Does \(activity) keep the child safe?",
                       "Does \(activity) keep other people safe?"]
                for (offset, question) in questions.enumerated() {
                    let key = "\(id).\(offset + 1)"
                    text += "\(key). \(question)" + (key == omitted ? "\n" : " 4 3\n")
                }
            }
        }
        return text
    }

    @Test func completeReportExitsZeroAndSaysSoFirst() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("complete.txt")
        try Self.completeReport().write(to: input, atomically: true, encoding: .utf8)
        let result = try runCLI(["extract", input.path])
        #expect(result.status == 0, "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 2 && lines[1] == "complete: every expected field found")
    }

    /// A missing field is exit 1 with the field named before the table, its value blank (never
    /// guessed); `--strict` makes it exit 2.
    @Test func missingKeyQuestionIsExitOneAndStrictMakesItExitTwo() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("missing.txt")
        try Self.completeReport(omitting: "2.2.3").write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try runCLI(["extract", input.path, "--out", out.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 2 && lines[1] == "incomplete: missing key question 2.2.3")
        #expect(result.stdout.contains("no result found for key question 2.2.3"))
        let keyQuestions = try String(contentsOf: out.appendingPathComponent("key_questions.csv"), encoding: .utf8)
        #expect(!keyQuestions.contains(",2.2.3,"))
        #expect(keyQuestions.contains(",2.2.2,4,3,"))
        let strict = try runCLI(["extract", input.path, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("--strict: expected fields are missing in \(input.path)"))
    }

    @Test(arguments: [("empty", "", "the report file is empty"), ("blank", "\n  \r\n\t\n", "the report file holds only blank lines")])
    func emptyOrBlankInputIsAnInputError(name: String, content: String, message: String) throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("\(name).txt")
        try content.write(to: input, atomically: true, encoding: .utf8)
        let result = try runCLI(["extract", input.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(input.path): \(message)"))
    }
}
