import Foundation
import Testing

/// The seed reports beside the repository (`../shared/seeds`), present in CI.
private let seedsFolder: URL = {
    if let path = ProcessInfo.processInfo.environment["YJSTAT_SEEDS"] { return URL(fileURLWithPath: path) }
    return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
}()

private let seedReports: [URL] = ((try? FileManager.default.contentsOfDirectory(at: seedsFolder, includingPropertiesForKeys: nil)) ?? [])
    .filter { $0.pathExtension == "txt" }
    .sorted { $0.lastPathComponent < $1.lastPathComponent }

@Suite("yjstat check --report")
struct CheckReportCommandTests {
    @Test(.enabled(if: seedReports.count == 3, "needs the three seed reports in ../shared/seeds"))
    func seedsGiveNoErrorsAndTheFourDiscretionStandards() throws {
        var discretion: [String] = []
        for report in seedReports {
            let result = try runCLI(["check", "--report", report.path, "--format", "json"])
            #expect(result.status == 0, "\(report.lastPathComponent): \(result.stderr)")
            let findings = try #require(try parseJSON(result.stdout) as? [[String: Any]])
            #expect(!findings.contains { $0["severity"] as? String == "error" })
            discretion += findings.filter { $0["code"] as? String == "discretion" }
                .compactMap { "\($0["service"] as? String ?? "?") \($0["location"] as? String ?? "?")" }
        }
        #expect(discretion.sorted() == ["kensington-and-chelsea 3.1", "kensington-and-chelsea 3.2", "north-somerset 3.2", "north-somerset 3.3"])
    }

    @Test func reportAndInspectionAreExclusiveAndOneIsNeeded() throws {
        let neither = try runCLI(["check"])
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("give --inspection DIR or --report FILE"))
        let both = try runCLI(["check", "--inspection", "Datasets", "--report", "x.txt"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("not both"))
    }

    @Test func missingReportIsNamed() throws {
        let result = try runCLI(["check", "--report", "/nonexistent/report.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--report: no such file '/nonexistent/report.txt'"))
    }

    @Test func textThatIsNotAReportGivesFindingsNotACrash() throws {
        let folder = try temporaryFolder()
        let junk = folder.appendingPathComponent("junk.txt")
        try Data([0xFF, 0x00, 0x41, 0x0A, 0x32, 0x2E, 0x31]).write(to: junk)
        let result = try runCLI(["check", "--report", junk.path, "--format", "json"])
        #expect(result.status == 0 || result.status == 1)
        #expect(try parseJSON(result.stdout) is [Any])
    }
}
