import Foundation
import Testing

@Suite("yjstat representation")
struct DisproportionalityRepresentationCommandTests {
    @Test func roundingIntervalFromPrintedPercentages() throws {
        let result = try runCLI(["representation", "--service-percent", "87", "--comparator-percent", "26", "--format", "json", "--wide"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try #require(try jsonRows(result.stdout))
        let row = try #require(rows.first)
        #expect(abs((row["ratio_rounding_lower"] as? Double ?? 0) - 86.5 / 26.5) < 1e-12)
        #expect(abs((row["ratio_rounding_upper"] as? Double ?? 0) - 87.5 / 25.5) < 1e-12)
        #expect(row["difference_rounding_lower"] as? Int == 60)
        #expect(row["ratio_lower"] as? String == "undefined" && row["status"] as? String == "not-computed")
    }

    @Test func totalsAddSamplingIntervals() throws {
        let result = try runCLI(["representation", "--service-percent", "20", "--comparator-percent", "12",
                                 "--total", "45", "--comparator-total", "1800"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("With 45 children behind it"))
    }

    @Test func demographicsFileGivesOneRowPerLine() throws {
        let path = repositoryRoot.appendingPathComponent("Datasets/demographics.csv").path
        let result = try runCLI(["representation", "--demographics", path, "--format", "csv", "--wide"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("service,dimension,category,comparator,service_percent") == true)
        #expect(lines.count >= 20)
    }

    @Test(arguments: [
        (["--service-percent", "12.5", "--comparator-percent", "3"], "yjstat representation: error: --service-percent: must be a whole percentage as printed, got 12.5\n"),
        (["--service-percent", "120", "--comparator-percent", "3"], "yjstat representation: error: --service-percent: must be a percentage between 0 and 100, got 120.0\n"),
        (["--service-percent", "12"], "give --service-percent and --comparator-percent"),
        (["--service-percent", "12", "--comparator-percent", "3", "--comparator-total", "40"], "--comparator-total needs --total"),
        (["--service-percent", "12", "--comparator-percent", "3", "--total", "0"], "yjstat representation: error: --total: must be at least 1, got 0\n"),
        (["--demographics", "x.csv", "--total", "4"], "cannot be combined"),
    ])
    func badInputExitsTwo(arguments: [String], message: String) throws {
        let result = try runCLI(["representation"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
    }

    @Test func badDemographicsCellIsLocated() throws {
        let url = try temporaryFolder().appendingPathComponent("d.csv")
        try "service,service_percent,comparator_percent\na,12,30\nb,140,30\n".write(to: url, atomically: true, encoding: .utf8)
        let result = try runCLI(["representation", "--demographics", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("d.csv:3:2:"), "stderr was: \(result.stderr)")
    }
}
