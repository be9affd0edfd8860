import Foundation
import Testing

@Suite("yjstat interval")
struct IntervalCommandTests {
    @Test(arguments: [
        (["--yes", "5", "--of", "3"], "--yes (5) is more than --of (3)"),
        (["--yes", "-1", "--of", "3"], "--yes must not be negative"),
        (["--yes", "1.5", "--of", "3"], "--yes must be a whole number"),
        (["--yes", "1", "--of", "0"], "--of must be at least 1"),
        (["--yes", "1", "--of", "3", "--confidence", "1"], "--confidence must be strictly between 0 and 1"),
        (["--yes", "1", "--of", "3", "--confidence", "abc"], "--confidence must be a number"),
        (["--yes", "1", "--of", "10", "--population", "5"], "--population (5) is smaller than the sample"),
        (["--yes", "1", "--of", "3", "--method", "hypergeometric"], "needs --population"),
        (["--yes", "1", "--of", "3", "--method", "exact"], "--method must be one of"),
        (["--yes", "1", "--of", "3", "--format", "xml"], "--format must be one of"),
        (["--of", "3"], "missing required option --yes"),
    ])
    func badInputExitsTwoNamingTheFlag(arguments: [String], message: String) throws {
        let result = try runCLI(["interval"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func jsonHasOneObjectPerMethodWithTheDocumentedKeys() throws {
        let result = try runCLI(["interval", "--yes", "3", "--of", "4", "--population", "5", "--method", "all", "--format", "json"])
        #expect(result.status == 0)
        let array = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(array.count == 9)
        for object in array {
            for key in ["method", "estimate", "lower", "upper", "confidence"] { #expect(object[key] != nil, "missing \(key)") }
            let lower = try #require(object["lower"] as? Double), upper = try #require(object["upper"] as? Double)
            #expect(0 <= lower && lower <= 0.75 && 0.75 <= upper && upper <= 1)
        }
        #expect(Set(array.compactMap { $0["method"] as? String }).contains("hypergeometric"))
    }

    @Test func allWithoutPopulationLeavesOutFinitePopulationMethods() throws {
        let result = try runCLI(["interval", "--yes", "3", "--of", "4", "--method", "all", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("method,estimate,lower,upper,confidence") == true)
        #expect(lines.count == 8)
    }

    @Test func outputFileIsWrittenAndNeverOverAnInput() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("ci.csv")
        let result = try runCLI(["interval", "--yes", "3", "--of", "4", "--format", "csv", "--output", target.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("method,estimate,lower,upper,confidence"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func outputIntoMissingFolderIsAnInputError() throws {
        let result = try runCLI(["interval", "--yes", "3", "--of", "4", "--output", "/nonexistent-folder/x.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not exist"))
    }
}
