import Foundation

/// A notebook-as-script page: narrative text (question, method, live numbers, meaning, caveats)
/// printed to standard output, plus the tables and charts it produces, written to a folder.
///
/// The executables under `Notebooks/` build one page each from the bundled datasets.
public struct Notebook: Sendable {
    /// The notebook's name (`notebook-sampling`), also the default output folder's name.
    public let name: String
    /// The narrative so far.
    public private(set) var text: String
    /// The files to write, by name, in the order added.
    public private(set) var files: [(name: String, text: String)] = []
    /// Text width for wrapped paragraphs.
    public var width = 96

    /// Starts a page with a title.
    public init(name: String, title: String) {
        self.name = name
        text = title + "\n" + String(repeating: "=", count: title.count) + "\n"
    }

    /// Starts a section.
    public mutating func section(_ title: String) {
        text += "\n" + title + "\n" + String(repeating: "-", count: title.count) + "\n"
    }

    /// A wrapped paragraph, optionally led by a label (`Question:`).
    public mutating func paragraph(_ body: String, label: String? = nil) {
        text += TextWrap.wrap(label.map { "\($0): \(body)" } ?? body, width: width)
    }

    /// A bullet point.
    public mutating func bullet(_ body: String) {
        text += TextWrap.wrap(body, width: width, first: "  - ", rest: "    ")
    }

    /// An aligned table, indented two spaces, followed by a blank line.
    public mutating func table(header: [String], rows: [[String]]) {
        text += "\n" + TextTable(header: header, rows: rows).render().indented("  ") + "\n"
    }

    /// Verbatim text (already formatted).
    public mutating func verbatim(_ block: String) {
        text += block.hasSuffix("\n") ? block : block + "\n"
    }

    /// Adds a file to write (a CSV table or an SVG chart).
    public mutating func file(_ name: String, _ content: String) {
        files.append((name, content))
    }

    /// Adds a CSV table from result rows.
    public mutating func csv(_ name: String, rows: [ResultRow]) {
        files.append((name, CSVWriter.render(rows: rows)))
    }

    /// Writes the narrative (`notebook.txt`) and every file into `folder`, atomically.
    ///
    /// - Throws: ``InputError`` when the folder cannot be created or a file written.
    public func write(to folder: URL, protecting inputs: [URL]) throws {
        try OutputFolder.write([("notebook.txt", text)] + files, to: folder, protecting: inputs)
    }
}

/// The command line of a notebook executable: `[OUTPUT_FOLDER] [--datasets DIR]`.
public struct NotebookArguments: Sendable {
    /// Where the tables and charts go (default `out/NAME/` in the current folder).
    public let outputFolder: URL
    /// The dataset folder (default: the bundled `Datasets/`, found by ``DatasetLocator``).
    public let datasets: URL

    /// Parses the words after the program name.
    ///
    /// - Throws: ``InputError`` for an unknown option, a missing value, more than one output folder,
    ///   or when no dataset folder is given or found.
    public static func parse(_ words: [String], name: String, currentDirectory: URL, executable: URL?) throws -> NotebookArguments {
        var output: URL?
        var datasets: URL?
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--datasets" {
                guard index < words.count else { throw InputError(file: "--datasets", message: "missing the dataset folder after --datasets") }
                datasets = URL(fileURLWithPath: words[index], relativeTo: currentDirectory).standardizedFileURL
                index += 1
            } else if word.hasPrefix("-") {
                throw InputError(file: word, message: "unknown option; usage: \(name) [OUTPUT_FOLDER] [--datasets DIR]")
            } else if output == nil {
                output = URL(fileURLWithPath: word, relativeTo: currentDirectory).standardizedFileURL
            } else {
                throw InputError(file: word, message: "unexpected argument; usage: \(name) [OUTPUT_FOLDER] [--datasets DIR]")
            }
        }
        guard let folder = datasets ?? DatasetLocator.bundledDatasets(currentDirectory: currentDirectory, executable: executable) else {
            throw InputError(file: "Datasets", message: "no Datasets folder with inspections.csv in the current folder or above the executable; give --datasets DIR")
        }
        return NotebookArguments(outputFolder: output ?? currentDirectory.appendingPathComponent("out").appendingPathComponent(name),
                                 datasets: folder)
    }
}

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

    /// Runs a notebook executable: parses `[OUTPUT_FOLDER] [--datasets DIR]`, reads the datasets,
    /// builds the page, writes its tables and charts (never over an input) and prints the narrative.
    ///
    /// - Parameters:
    ///   - name: The executable's name (`notebook-sampling`), used for the default output folder and messages.
    ///   - extraInputs: Further input files the page reads (protected from being overwritten).
    ///   - build: Makes the page from the context.
    /// - Returns: The exit status: 0, or 2 after printing the error on standard error.
    public static func main(name: String, extraInputs: (Context) -> [URL] = { _ in [] },
                            build: (Context) throws -> Notebook) -> Int32 {
        do {
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let arguments = try NotebookArguments.parse(Array(CommandLine.arguments.dropFirst()), name: name,
                                                        currentDirectory: here, executable: Bundle.main.executableURL)
            let framework = try Framework.youth2018()
            let dataset = try SummaryDataset.read(directory: arguments.datasets, framework: framework)
            let context = Context(arguments: arguments, framework: framework, dataset: dataset)
            var page = try build(context)
            page.paragraph("Tables and charts: \(arguments.outputFolder.path)")
            try page.write(to: arguments.outputFolder, protecting: dataset.inputFiles + extraInputs(context))
            FileHandle.standardOutput.write(Data(page.text.utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(name): error: \(error)\n".utf8))
            return 2
        }
    }
}
