import Foundation
import Testing

/// Issue 14: command lines run in-process (``runCLI``) behave as the binary does — their own
/// output, current directory, environment and input files — and a handful of smoke tests run the
/// real binary (``runCLIProcess``) and compare.
@Suite("In-process command lines and the real binary")
struct InProcessRunnerTests {
    static let counts = repositoryRoot.appendingPathComponent("Datasets/examples/counts.csv")

    /// A folder holding a copy of the example counts as `counts.csv`.
    func folderWithCounts() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.counts, to: folder.appendingPathComponent("counts.csv"))
        return folder
    }

    /// Command lines run at once in parallel tasks each get exactly their own output.
    @Test func concurrentRunsDoNotMixOutput() async throws {
        let expected = try (1...6).map { yes in try runCLI(["interval", "--yes", "\(yes)", "--of", "20", "--format", "csv"]) }
        let results = try await withThrowingTaskGroup(of: (Int, CLIResult).self) { group in
            for round in 0..<4 {
                for yes in 1...6 {
                    group.addTask { (yes, try runCLI(["interval", "--yes", "\(yes)", "--of", "20", "--format", "csv"] + (round % 2 == 0 ? [] : ["--bogus"]))) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 24)
        for (yes, result) in results {
            if result.status == 0 {
                #expect(result.stdout == expected[yes - 1].stdout && result.stderr.isEmpty)
            } else {
                #expect(result.status == 2 && result.stdout.isEmpty)
                #expect(result.stderr.components(separatedBy: "unknown option '--bogus'").count == 2, "\(result.stderr)")
            }
        }
        #expect(Set(expected.map(\.stdout)).count == 6)
    }

    /// A relative input path is read from the run's directory, not the test process's.
    @Test func relativeInputResolvesAgainstTheRunDirectory() throws {
        let folder = try folderWithCounts()
        #expect(!FileManager.default.fileExists(atPath: "counts.csv"))
        let here = try runCLI(["disproportionality", "--counts", "counts.csv", "--unknown", "Unknown", "--format", "csv"], in: folder)
        #expect(here.status == 0, "\(here.stderr)")
        let absolute = try runCLI(["disproportionality", "--counts", Self.counts.path, "--unknown", "Unknown", "--format", "csv"])
        #expect(here.stdout == absolute.stdout)
        let elsewhere = try runCLI(["disproportionality", "--counts", "counts.csv"], in: try temporaryFolder())
        #expect(elsewhere.status == 2)
        #expect(elsewhere.stderr.contains("--counts: no such file 'counts.csv'"))
    }

    /// A relative output is written into the run's directory; one over an input is refused, in
    /// any spelling, and the input is left as it was.
    @Test func outputOverAnInputIsRefusedInProcess() throws {
        let folder = try folderWithCounts()
        let before = try Data(contentsOf: folder.appendingPathComponent("counts.csv"))
        for target in ["counts.csv", "./counts.csv", folder.appendingPathComponent("counts.csv").path] {
            let result = try runCLI(["disproportionality", "--counts", "counts.csv", "--unknown", "Unknown", "--format", "csv", "--output", target], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("refusing to write output over an input file"), "\(target): \(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("counts.csv")) == before)
        let written = try runCLI(["disproportionality", "--counts", "counts.csv", "--unknown", "Unknown", "--format", "csv", "--output", "out.csv"], in: folder)
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
        #expect(!FileManager.default.fileExists(atPath: "out.csv"))
    }

    // MARK: the real binary

    /// The same command lines give the same status and output in-process and as a process:
    /// help, version, a result, a usage error, an input error, a relative path in a directory,
    /// `COLUMNS`, and `--output -`.
    @Test(arguments: [
        ["--help"], ["--version"], ["interval", "--yes", "3", "--of", "10", "--format", "csv"],
        ["interval", "--yes", "3"], ["intreval"], ["disproportionality", "--counts", "missing.csv"],
        ["disproportionality", "--counts", "counts.csv", "--unknown", "Unknown"],
        ["interval", "--yes", "1", "--of", "3", "--format", "json", "--output", "-"], ["compare", "--help"],
    ])
    func inProcessAndBinaryAgree(arguments: [String]) throws {
        let folder = try folderWithCounts()
        let inProcess = try runCLI(arguments, in: folder, environment: ["COLUMNS": "64"])
        let binary = try runCLIProcess(arguments, in: folder, environment: ["COLUMNS": "64"])
        #expect(inProcess.status == binary.status)
        #expect(inProcess.stdout == binary.stdout)
        #expect(inProcess.stderr == binary.stderr)
        #expect(!binary.stdout.isEmpty || !binary.stderr.isEmpty)
    }

    /// The binary's own setup (`main.swift`): it tracks inputs, so an output over an input is
    /// refused by the real process too, and `/dev/stdout` is its descriptor 1.
    @Test func binaryRefusesAnOutputOverAnInputAndWritesDevStdout() throws {
        let folder = try folderWithCounts()
        let refused = try runCLIProcess(["disproportionality", "--counts", "counts.csv", "--unknown", "Unknown", "--output", "./counts.csv", "--format", "csv"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refusing to write output over an input file"))
        let stdout = try runCLIProcess(["interval", "--yes", "1", "--of", "3", "--format", "csv", "--output", "/dev/stdout"])
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("method,"))
    }
}
