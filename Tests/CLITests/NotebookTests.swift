import Foundation
import Testing

/// The notebooks-as-scripts, run as built executables (next to `yjstat`): each reads the bundled
/// datasets, prints its narrative with live numbers, and writes its tables and charts.
@Suite("Notebooks")
struct NotebookTests {
    /// Runs a notebook binary with an output folder; returns its result and the folder.
    func run(_ name: String, arguments: [String] = []) throws -> (CLIResult, URL) {
        let folder = try temporaryFolder().appendingPathComponent(name)
        let binary = try yjstatBinary().deletingLastPathComponent().appendingPathComponent(name)
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "\(binary.path) is built by swift build")
        let result = try runProgram(binary, [folder.path] + arguments)
        return (result, folder)
    }

    func runProgram(_ binary: URL, _ arguments: [String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = try temporaryFolder()
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    func files(_ folder: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    }

    /// The text with line breaks and their indentation collapsed to single spaces, for phrases
    /// that a paragraph may wrap.
    func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func expectNarrative(_ text: String) {
        for label in ["Question:", "Method:", "What it means:", "Caveats:"] { #expect(text.contains(label), "missing \(label)") }
    }

    @Test func sampling() throws {
        let (result, folder) = try run("notebook-sampling")
        #expect(result.status == 0, "\(result.stderr)")
        expectNarrative(result.stdout)
        // n0 = z²/4/0.05² with z = 1.2815516 (DOMAIN.md: 164.24); N = 100 → 62.39 → 63 (A, up).
        #expect(result.stdout.contains("so n0 = 164.24"))
        #expect(result.stdout.contains("  N = 100       63         62    63         62      100"))
        #expect(result.stdout.contains("  N = ∞        165        164   165        164      165"))
        // z·√(0.25/4) = 0.3204; Cochran A with N = 40: 0.3078; the rule gives 4 only for N = 4.
        #expect(result.stdout.contains("kensington-and-chelsea  court          4  ±32.0             40        ±30.8              4"))
        #expect(result.stdout.contains("brent                   court         29  ±11.9             –         –                  34–35"))
        #expect(flat(result.stdout).contains("with 3 cases no result can be Requires improvement; with 5 cases no result can be Good"))
        #expect(files(folder) == ["notebook.txt", "sample_sizes.csv", "sample_sizes.svg", "sample_audit.csv", "design_risk.csv", "wrong_band.svg"])
        #expect(try String(contentsOf: folder.appendingPathComponent("notebook.txt"), encoding: .utf8) == result.stdout)
        #expect(result.stdout.hasSuffix("Tables and charts: \(folder.path)\n"))
    }

    @Test func ratings() throws {
        let (result, folder) = try run("notebook-ratings")
        #expect(result.status == 0, "\(result.stderr)")
        expectNarrative(result.stdout)
        #expect(flat(result.stdout).contains("kensington-and-chelsea: published Good, score 29; published ratings add up to 29/36; rule score 27/36 (Good)"))
        #expect(flat(result.stdout).contains("All 4 footnoted moves are one band up and each has a supporting trigger (4 of 4"))
        #expect(result.stdout.contains("Results with counts where one case changes the band (32 of 46):"))
        #expect(result.stdout.contains("brent           2.4.2      65%  11/17 = 64.7% (Requires improvement) or 13/20 = 65.0% (Good)"))
        #expect(files(folder).isSuperset(of: ["notebook.txt", "ratings.csv", "discretion.csv", "key_questions.csv", "rounding.csv",
                                              "key_questions-brent.svg"]))
    }

    @Test func disproportionality() throws {
        let (result, folder) = try run("notebook-disproportionality")
        #expect(result.status == 0, "\(result.stderr)")
        expectNarrative(result.stdout)
        // 87/26 = 3.35 (rounding 86.5/26.5 to 87.5/25.5); 3/26 with 13% unknown: 3/26 to 16/26 = 0.12–0.62.
        #expect(result.stdout.contains("kensington-and-chelsea    87%  26% national   3.35  3.26–3.43"))
        #expect(result.stdout.contains("north-somerset              13%            3%          16%            3.4%       26%  0.12–0.62"))
        // Example counts: Black arrest rate 118/1900 against White 420/17800 = 2.63; custody cumulative 5/1900 ÷ 6/17800 = 7.81.
        #expect(result.stdout.contains("Black                 2.63 (2.16–3.21)"))
        #expect(flat(result.stdout).contains("The cumulative RRI, 7.81, equals the custody rate per 1,000"))
        #expect(files(folder).isSuperset(of: ["representation_minority_ethnic.csv", "unknown_ethnicity.csv", "cascade.csv", "cascade_black.svg"]))
    }

    @Test func comparisons() throws {
        let (result, folder) = try run("notebook-comparisons")
        #expect(result.status == 0, "\(result.stderr)")
        expectNarrative(result.stdout)
        // R: poisson.test(88, r = 236 * 30864 / 1e5)$p.value = 0.0786.
        #expect(flat(result.stdout).contains("88 first-time entrants is the only whole count"))
        #expect(result.stdout.contains("p = 0.0786"))
        #expect(flat(result.stdout).contains("From a cohort of about 150 children the gap is clear at 95%."))
        #expect(result.stdout.contains("Court disposals         kensington-and-chelsea 40/45  north-somerset 83/90"))
        #expect(files(folder).isSuperset(of: ["national_comparisons.csv", "services_compared.csv", "funnel.csv", "funnel-domain-2.svg", "funnel-domain-3.svg"]))
    }

    @Test func aBadDatasetsFolderStopsANotebookWithExitTwo() throws {
        let (result, folder) = try run("notebook-ratings", arguments: ["--datasets", "/nonexistent/yjstat"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("notebook-ratings: error: /nonexistent/yjstat: no such dataset folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func aNotebookTakesHelpAndReportsAMisspeltOptionWithExitTwo() throws {
        let binary = try yjstatBinary().deletingLastPathComponent().appendingPathComponent("notebook-sampling")
        let help = try runProgram(binary, ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: How inspection samples are sized"))
        #expect(help.stdout.contains("USAGE: notebook-sampling [<OUTPUT_FOLDER>] [--datasets <DIR>]"))
        let folder = try temporaryFolder().appendingPathComponent("never")
        let wrong = try runProgram(binary, [folder.path, "--dataset", "Datasets"])
        #expect(wrong.status == 2)
        #expect(wrong.stdout.isEmpty)
        #expect(wrong.stderr.hasPrefix("notebook-sampling: error: unknown option '--dataset' (did you mean '--datasets'?)\nUsage: notebook-sampling"))
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
