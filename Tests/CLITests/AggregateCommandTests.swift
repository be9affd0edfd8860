import Foundation
import Testing

@Suite("yjstat aggregate and synth")
struct AggregateCommandTests {
    func write(_ text: String, _ name: String = "records.csv") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func csvCountsEqualACountOfTheSynthesisedRows() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("records.csv")
        let synth = try runCLI(["synth", "--rows", "20000", "--seed", "3", "--out", file.path, "--crlf"])
        #expect(synth.status == 0, "\(synth.stderr)")
        #expect(synth.stdout.contains("wrote 20000 rows"))
        let result = try runCLI(["aggregate", "--records", file.path, "--by", "service,ethnicity,stage", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "service,ethnicity,stage,count")
        let total = lines.dropFirst().compactMap { Int($0.split(separator: ",").last ?? "") }.reduce(0, +)
        #expect(total == 20000)
        // An independent count of one cell, straight from the text (no quoted fields in these columns).
        let text = try String(contentsOf: file, encoding: .utf8)
        let leedsBlackArrest = text.split(separator: "\r\n").filter { $0.hasPrefix("R") && $0.contains(",leeds,Leeds,") && $0.contains(",Black,arrest,") }.count
        let line = lines.first { $0.hasPrefix("leeds,Black,arrest,") }
        #expect(line == "leeds,Black,arrest,\(leedsBlackArrest)")
    }

    @Test func whereFiltersAndJSONOutput() throws {
        let url = try write("service,ethnicity,stage,year\nleeds,Black,arrest,2023\nleeds,Black,arrest,2022\nyork,White,court,2023\n")
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "ethnicity,stage", "--where", "year=2023",
                                 "--where", "service=leeds", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["ethnicity"] as? String == "Black")
        #expect(array.first?["count"] as? Int == 1)
    }

    @Test func textOutputAccountsForEveryRow() throws {
        let url = try write("service,stage\nleeds,arrest\nyork,court\nleeds,arrest\n")
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "service", "--where", "stage=arrest"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("records.csv: 3 rows read; 2 counted in 1 groups; 1 excluded by --where; 0 skipped as malformed"))
        #expect(result.stdout.contains("leeds        2"))
    }

    @Test func malformedRowsStopWithFileLineAndColumn() throws {
        let url = try write("service,stage\nleeds,arrest\nyork\nleeds,\"court\n")
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "service,stage"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("records.csv:3:2: expected 2 fields as in the header, found 1"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func skipReportsWhatWasSkippedOnStandardError() throws {
        let url = try write("service,stage\nleeds,arrest\nyork\nleeds,\"court\n")
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "service,stage", "--on-error", "skip", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "service,stage,count\r\nleeds,arrest,1\r\n")
        #expect(result.stderr.contains("skipped 2 malformed rows"))
        #expect(result.stderr.contains("records.csv:3:2: expected 2 fields"))
        #expect(result.stderr.contains("records.csv:4:2: unterminated quoted field (the quote opened here is never closed); skipped this line and read on from the next"))
        let text = try runCLI(["aggregate", "--records", url.path, "--by", "service", "--on-error", "skip"])
        #expect(text.stdout.contains("2 skipped as malformed"))
        #expect(text.stdout.contains("records.csv:3:2:"))
    }

    @Test func invalidUTF8InAKeyIsAnInputError() throws {
        let url = try temporaryFolder().appendingPathComponent("bad.csv")
        try Data(Array("service,stage\nleeds,arrest\n".utf8) + [0x6C, 0xE9, 0x2C, 0x61, 0x0A]).write(to: url)
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "service"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.csv:3:1: value in key column 'service' is not valid UTF-8 text"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("", "empty file: expected a header row"),
        ("service,stage\n", "no data rows: the file has a header only"),
    ])
    func emptyAndHeaderOnlyFilesAreInputErrors(text: String, message: String) throws {
        let url = try write(text)
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "service"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("records.csv:"), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(arguments: [
        (["--by", "service"], "missing required option --records"),
        (["--records", "/nonexistent/x.csv", "--by", "a"], "--records: no such file"),
        (["--records", "RECORDS", "--by", " , "], "--by needs at least one column name"),
        (["--records", "RECORDS", "--by", "a,a"], "--by names column 'a' more than once"),
        (["--records", "RECORDS", "--by", "a", "--where", "year"], "error: --where: must be COLUMN=VALUE or COLUMN=FIRST..LAST; got 'year'\n"),
        (["--records", "RECORDS", "--by", "a", "--on-error", "ignore"], "--on-error must be one of stop, skip"),
        (["--records", "RECORDS", "--by", "a", "--threads", "0"], "--threads must be at least 1"),
        (["--records", "RECORDS", "--by", "ethnicity"], "missing key column 'ethnicity'"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) throws {
        let url = try write("a,b\n1,2\n")
        let result = try runCLI(["aggregate"] + arguments.map { $0 == "RECORDS" ? url.path : $0 })
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aDeviceIsNotAcceptedAsRecords() throws {
        let result = try runCLI(["aggregate", "--records", "/dev/null", "--by", "a"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a regular file"), "\(result.stderr)")
    }

    @Test func outputNeverReplacesTheRecordsFile() throws {
        let url = try write("a,b\n1,2\n")
        let result = try runCLI(["aggregate", "--records", url.path, "--by", "a", "--format", "csv", "--output", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to write output over an input file"))
        #expect(try String(contentsOf: url, encoding: .utf8) == "a,b\n1,2\n")
    }

    @Test func synthIsDeterministicAndChecksItsArguments() throws {
        let folder = try temporaryFolder()
        let a = folder.appendingPathComponent("a.csv"), b = folder.appendingPathComponent("b.csv")
        #expect(try runCLI(["synth", "--rows", "500", "--seed", "9", "--out", a.path]).status == 0)
        #expect(try runCLI(["synth", "--rows", "500", "--seed", "9", "--out", b.path]).status == 0)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
        for (arguments, message) in [
            (["--rows", "-1", "--seed", "1", "--out", a.path], "--rows must not be negative"),
            (["--rows", "10", "--seed", "x", "--out", a.path], "--seed must be a whole number"),
            (["--rows", "10", "--seed", "1", "--out", "/nonexistent-yjstat/x.csv"], "does not exist"),
            (["--rows", "10", "--seed", "1"], "missing required option --out"),
        ] {
            let result = try runCLI(["synth"] + arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }
}
