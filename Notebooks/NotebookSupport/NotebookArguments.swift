import ArgumentParsing
import Foundation
import YJStat

/// The command line of a notebook executable: `NAME [OUTPUT_FOLDER] [--datasets DIR]`, parsed
/// by the same ``ArgumentParsing`` parser as `yjstat` (so `--help`, `--version`, `--x=v`, `--`
/// and "did you mean" suggestions behave the same).
public struct NotebookArguments: Sendable {
    /// Where the tables and charts go (default `out/NAME/` in the current folder).
    public let outputFolder: URL
    /// The dataset folder (default: the bundled `Datasets/`, found by ``DatasetLocator``).
    public let datasets: URL

    /// The command a notebook named `name` accepts, with `abstract` as its help overview.
    public static func spec(name: String, abstract: String) -> CommandSpec {
        CommandSpec(
            program: name, name: "",
            abstract: abstract,
            discussion: """
            Reads the bundled datasets (or --datasets DIR), prints the page's narrative and writes it \
            (notebook.txt) with its tables and charts into OUTPUT_FOLDER, never over an input.
            """,
            examples: ["swift run \(name)", "swift run \(name) out/\(name) --datasets Datasets"],
            options: [datasetsOption.spec],
            positionals: [PositionalSpec("OUTPUT_FOLDER", help: "Where the tables and charts go (default: out/\(name)/).", required: false)])
    }

    /// `--datasets DIR`.
    static let datasetsOption = Option<String>("datasets", "DIR", help: "The dataset folder (default: the bundled Datasets/).")

    /// Reads parsed arguments, resolving relative paths against `currentDirectory`.
    ///
    /// - Throws: ``InputError`` when no dataset folder is given and none is found in the current
    ///   folder or above `executable`.
    public init(_ arguments: ParsedArguments, name: String, currentDirectory: URL, executable: URL?) throws {
        let resolve = { (path: String) in URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL }
        let given = try arguments.value(Self.datasetsOption).map(resolve)
        guard let folder = given ?? DatasetLocator.bundledDatasets(currentDirectory: currentDirectory, executable: executable) else {
            throw InputError(file: "Datasets", message: "no Datasets folder with inspections.csv in the current folder or above the executable; give --datasets DIR")
        }
        datasets = folder
        outputFolder = arguments.positionals.first.map(resolve)
            ?? currentDirectory.appendingPathComponent("out").appendingPathComponent(name)
    }

    /// Parses the words after the program name.
    ///
    /// - Throws: ``UsageError`` for an unknown option, a missing value or more than one output
    ///   folder; ``InputError`` as ``init(_:name:currentDirectory:executable:)``.
    public static func parse(_ words: [String], name: String, currentDirectory: URL, executable: URL?) throws -> NotebookArguments {
        try NotebookArguments(ParsedArguments.parse(words, for: spec(name: name, abstract: name)),
                              name: name, currentDirectory: currentDirectory, executable: executable)
    }
}
