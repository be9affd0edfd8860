import ArgumentParsing
import Foundation
import YJStat

extension Notebook {
    /// What a notebook's `build` step needs: the parsed command line, the framework and the
    /// dataset it read.
    public struct Context: Sendable {
        /// The notebook's command line.
        public let arguments: NotebookArguments
        /// The bundled youth inspection framework.
        public let framework: Framework
        /// The datasets the notebook reads.
        public let dataset: SummaryDataset
    }

    /// Runs a notebook executable: parses `[OUTPUT_FOLDER] [--datasets DIR]` (``NotebookArguments``),
    /// reads the datasets, builds the page, writes its tables and charts (never over an input)
    /// and prints the narrative. `--help` prints the usage and `--version` the version.
    ///
    /// - Parameters:
    ///   - name: The executable's name (`notebook-sampling`), used for the default output folder and messages.
    ///   - abstract: One sentence saying what the page answers, for `--help`.
    ///   - extraInputs: Further input files the page reads (protected from being overwritten).
    ///   - build: Makes the page from the context.
    /// - Returns: The exit status: 0, or 2 after printing the error on standard error.
    public static func main(name: String, abstract: String, extraInputs: (Context) -> [URL] = { _ in [] },
                            build: (Context) throws -> Notebook) -> Int32 {
        let spec = NotebookArguments.spec(name: name, abstract: abstract)
        do {
            let parsed = try ParsedArguments.parse(Array(CommandLine.arguments.dropFirst()), for: spec)
            if parsed.wantsHelp {
                try StandardOutput.write(HelpFormatter.help(for: spec))
                return 0
            }
            if parsed.wantsVersion {
                try StandardOutput.write("\(name) (yjstat notebooks)\n")
                return 0
            }
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let arguments = try NotebookArguments(parsed, name: name, currentDirectory: here, executable: Bundle.main.executableURL)
            let framework = try Framework.youth2018()
            let dataset = try SummaryDataset.read(directory: arguments.datasets, frameworks: .given(framework))
            let context = Context(arguments: arguments, framework: framework, dataset: dataset)
            var page = try build(context)
            page.paragraph("Tables and charts: \(arguments.outputFolder.path)")
            try page.write(to: arguments.outputFolder, protecting: dataset.inputFiles + extraInputs(context))
            try StandardOutput.write(Parameter.libraryWording(page.text))
            return 0
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("\(name): error: \(error.message)\nUsage: \(HelpFormatter.usage(for: spec))\nSee '\(name) --help'.\n".utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data("\(name): error: \(error)\n".utf8))
            return 2
        }
    }
}
