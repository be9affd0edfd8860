import Foundation
import Testing

/// Issue 18, item 3: `--output board.csv` without `--format csv` silently wrote text into a .csv
/// file. The extension now chooses the format when `--format` is not given, and an extension
/// that disagrees with `--format`, or names a format the command does not write, is exit 2
/// naming both — for every command that writes results.
@Suite("--output extension and --format")
struct OutputFormatChoiceTests {
    static let commands: [[String]] = [
        ["interval", "--yes", "3", "--of", "10"],
        ["compare", "--numerator", "126", "--denominator", "250", "--reference", "40.1%"],
        ["sample-size"],
        ["disproportionality", "--counts", "Datasets/examples/counts.csv", "--unknown", "Unknown"],
        ["representation", "--demographics", "Datasets/demographics.csv"],
        ["board", "--counts", "Datasets/examples/counts.csv", "--unknown", "Unknown"],
    ]

    @Test(arguments: commands)
    func theExtensionChoosesTheFormat(command: [String]) throws {
        let folder = try temporaryFolder()
        for (suffix, check) in [("csv", { (text: String) in text.contains(",") && !text.hasPrefix("[") && !text.hasPrefix("{") }),
                                ("json", { (text: String) in text.hasPrefix("[") || text.hasPrefix("{") }),
                                ("txt", { (text: String) in !text.hasPrefix("[") && !text.hasPrefix("{") })] {
            let file = folder.appendingPathComponent("board.\(suffix)")
            let result = try runCLI(command + ["--output", file.path], in: repositoryRoot)
            #expect(result.status == 0, "\(command) .\(suffix): \(result.stderr)")
            let written = try String(contentsOf: file, encoding: .utf8)
            let given = try runCLI(command + ["--format", suffix == "txt" ? "text" : suffix], in: repositoryRoot)
            #expect(written == given.stdout, "\(command) .\(suffix) writes what --format \(suffix) prints")
            #expect(check(written), "\(command) .\(suffix)")
        }
    }

    @Test func aCSVNameWithFormatTextIsAnErrorNamingBoth_boardCsv() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("board.csv")
        let result = try runCLI(["interval", "--yes", "3", "--of", "10", "--format", "text", "--output", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output board.csv is a .csv file but --format is text; give --format csv, or an output name that ends in .txt"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file.path), "nothing is written")
    }

    @Test func aJSONNameWithFormatCSVIsAnError() throws {
        let file = try temporaryFolder().appendingPathComponent("rows.JSON")
        let result = try runCLI(["interval", "--yes", "3", "--of", "10", "--format", "csv", "--output", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output rows.JSON is a .json file but --format is csv"), "\(result.stderr)")
    }

    @Test func anHTMLOrMarkdownNameIsAnErrorForACommandThatWritesNeither() throws {
        for name in ["board.html", "board.md"] {
            let file = try temporaryFolder().appendingPathComponent(name)
            let result = try runCLI(["interval", "--yes", "3", "--of", "10", "--output", file.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--output \(name): this command writes text, csv or json, not .\(name.split(separator: ".").last!); give an output name that ends in .txt, .csv or .json"),
                    "\(result.stderr)")
        }
    }

    @Test func anotherExtensionKeepsTheFormatGivenOrText() throws {
        let folder = try temporaryFolder()
        let plain = folder.appendingPathComponent("result.out")
        #expect(try runCLI(["interval", "--yes", "3", "--of", "10", "--output", plain.path]).status == 0)
        #expect(try String(contentsOf: plain, encoding: .utf8) == (try runCLI(["interval", "--yes", "3", "--of", "10"]).stdout))
        let csv = folder.appendingPathComponent("result")
        #expect(try runCLI(["interval", "--yes", "3", "--of", "10", "--format", "csv", "--output", csv.path]).status == 0)
        #expect(try String(contentsOf: csv, encoding: .utf8).hasPrefix("method,estimate,lower,upper"))
    }

    @Test func standardOutputDashKeepsTheGivenFormat() throws {
        let result = try runCLI(["interval", "--yes", "3", "--of", "10", "--format", "json", "--output", "-"])
        #expect(result.status == 0 && result.stdout.hasPrefix("["))
    }
}
