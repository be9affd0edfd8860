import ArgumentParsing
import Foundation
import NotebookSupport
import Testing
import YJStat

/// The notebooks' command line goes through the one argument parser (issue 14: no second parser).
@Suite("Notebook command line")
struct NotebookArgumentsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bundled = root.appendingPathComponent("Datasets")

    func parse(_ words: [String]) throws -> NotebookArguments {
        try NotebookArguments.parse(words, name: "notebook-x", currentDirectory: Self.root, executable: nil)
    }

    func usageMessage(_ words: [String]) -> String? {
        do { _ = try parse(words); return nil } catch let error as UsageError { return error.message } catch { return "not a usage error: \(error)" }
    }

    @Test func defaultsAreOutNameAndTheBundledDatasets() throws {
        let defaults = try parse([])
        #expect(defaults.outputFolder.path == Self.root.appendingPathComponent("out/notebook-x").path)
        #expect(defaults.datasets.path == Self.bundled.path)
    }

    @Test func anOutputFolderAndDatasetsResolveAgainstTheCurrentFolder() throws {
        let given = try parse(["elsewhere", "--datasets", "Datasets"])
        #expect(given.outputFolder.path == Self.root.appendingPathComponent("elsewhere").path)
        #expect(given.datasets.path == Self.bundled.path)
        let inline = try parse(["--datasets=Datasets", "elsewhere"])
        #expect(inline.datasets.path == Self.bundled.path)
        #expect(inline.outputFolder.path == given.outputFolder.path)
        let afterDoubleDash = try parse(["--", "-odd-name"])
        #expect(afterDoubleDash.outputFolder.lastPathComponent == "-odd-name")
    }

    @Test func badCommandLinesAreUsageErrorsNamingTheProblem() {
        #expect(usageMessage(["--verbose"]) == "unknown option '--verbose'")
        #expect(usageMessage(["--dataset", "Datasets"]) == "unknown option '--dataset' (did you mean '--datasets'?)")
        #expect(usageMessage(["a", "b"]) == "unexpected argument 'b'")
        #expect(usageMessage(["--datasets"]) == "missing value for --datasets (expected DIR)")
        #expect(usageMessage(["--datasets", "a", "--datasets", "b"]) == "--datasets given more than once")
    }

    @Test func noDatasetFolderIsAnInputErrorNamingTheOption() throws {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-nowhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: nowhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: nowhere) }
        #expect(throws: InputError.self) {
            try NotebookArguments.parse([], name: "notebook-x", currentDirectory: nowhere, executable: nil)
        }
    }

    @Test func helpShowsTheProgramWithoutASubcommandAndEveryArgument() throws {
        let spec = NotebookArguments.spec(name: "notebook-x", abstract: "What the page answers.")
        #expect(HelpFormatter.usage(for: spec) == "notebook-x [<OUTPUT_FOLDER>] [--datasets <DIR>]")
        let help = HelpFormatter.help(for: spec, width: 80)
        #expect(help.hasPrefix("OVERVIEW: What the page answers.\n"))
        #expect(help.contains("<OUTPUT_FOLDER>"))
        #expect(help.contains("--datasets <DIR>"))
        #expect(help.contains("swift run notebook-x"))
        #expect(try ParsedArguments.parse(["--help"], for: spec).wantsHelp)
    }
}
