import ArgumentParsing
import Foundation
import YJStat

/// A yjstat subcommand: its specification, and how to run it once arguments are parsed.
protocol Subcommand: Sendable {
    /// Options, positionals and help text.
    static var spec: CommandSpec { get }
    /// Runs the command, writing through `output`; returns the exit code.
    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode
    /// Output name extensions that stand for the text format (the board pack's text is Markdown).
    static var textExtensions: Set<String> { get }
    /// The command's `--format` (nil when it writes no ``OutputFormat``), read by ``CommandOutput``.
    static var formatOption: Option<OutputFormat>? { get }
    /// The command's `--output` (nil when it has none), read by ``CommandOutput``.
    static var outputOption: Option<String>? { get }
}

extension Subcommand {
    static var textExtensions: Set<String> { ["txt", "text"] }
    /// ``CommonOptions/format`` when the command lists it.
    static var formatOption: Option<OutputFormat>? { spec.options.contains(CommonOptions.format.spec) ? CommonOptions.format : nil }
    /// ``CommonOptions/output`` when the command lists it.
    static var outputOption: Option<String>? { spec.options.contains(CommonOptions.output.spec) ? CommonOptions.output : nil }
}

extension OutputFormat: ChoiceOptionValue {}

/// Options shared by commands that write results.
enum CommonOptions {
    static let format = Option<OutputFormat>("format", "format", help: "Output format.", default: .text)
    static let output = Option<String>("output", "file", help: "Write to this file (atomically) instead of standard output.")
    static let formatAndOutput = [format.spec, output.spec]
}

/// `--format` of the commands that print a report and write their tables elsewhere (`summary`,
/// `extract`): text or JSON on standard output.
enum ReportFormat: String, CaseIterable, ChoiceOptionValue {
    /// The report for people.
    case text
    /// The report as one JSON document.
    case json
}

/// Where a command's results go: standard output or an `--output` file written atomically.
///
/// Every text a command writes — to standard output, the `--output` file or a file beside it
/// (``writeFile(_:to:protecting:)``: SVG charts, the HTML page, the notes file) — goes through
/// here and has the library parameters it mentions (``Parameter/mention``) written as the
/// command's flags (``ParameterFlags/resolving(_:in:)``), once, at the write.
struct CommandOutput {
    let format: OutputFormat
    let destination: URL?
    /// The command being run, whose flags the written text names.
    let command: String
    /// Input files of this run; the output may never replace one of them.
    var inputs: [URL] = []

    /// Reads `format` (`--format`) and `output` (`--output`), the command's own declarations. With no `--format`, a `.csv`, `.json` or `.txt` output
    /// name chooses the format; an `--output` whose extension names another format than the one
    /// given, or a format the command does not write (`.html`, `.md`), is a usage error naming both.
    ///
    /// `textExtensions` are the extensions that mean the text format for this command (`.md`
    /// too for the board pack, whose text is Markdown); with an `--html` option, an `.html`
    /// output name is an error pointing to it.
    init(_ arguments: ParsedArguments, format formatOption: Option<OutputFormat>?, output outputOption: Option<String>?,
         textExtensions: Set<String> = ["txt", "text"]) throws {
        command = arguments.spec.name
        destination = try outputOption.flatMap { try arguments.value($0) }.flatMap { $0 == "-" ? nil : InvocationContext.fileURL($0) }
        guard let formatOption else {
            format = .text
            return
        }
        let given = arguments.wasGiven(formatOption) ? try arguments.value(formatOption) : nil
        let byDefault = try arguments.value(formatOption) ?? .text
        let formats = formatOption.spec.choices ?? []
        guard let destination, !formats.isEmpty else {
            format = given ?? byDefault
            return
        }
        let name = destination.lastPathComponent, suffix = destination.pathExtension.lowercased()
        let textName = textExtensions.contains("md") ? "md" : "txt"
        let implied = textExtensions.contains(suffix) ? .text : OutputFormat(fileExtension: suffix)
        if ["html", "htm"].contains(suffix), arguments.declares("html") {
            throw UsageError("--output \(name): the HTML page is written by --html \(name); --output takes the \(Self.list(formats)) output (.\(textName), .csv or .json)")
        }
        if let implied, formats.contains(implied.rawValue) {
            if let given, given != implied {
                throw UsageError("--output \(name) is a .\(suffix) file but --format is \(given.rawValue); give --format \(implied.rawValue), or an output name that ends in .\(given == .text ? textName : given.rawValue)")
            }
            format = implied
        } else if OutputFormat(fileExtension: suffix) != nil || OutputFormat.otherDocumentExtensions.contains(suffix) {
            throw UsageError("--output \(name): this command writes \(Self.list(formats)), not .\(suffix); give an output name that ends in \(Self.list(formats.map { "." + ($0 == "text" ? textName : $0) }))")
        } else {
            format = given ?? byDefault
        }
    }

    /// "a, b or c".
    private static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    /// Writes the complete output text, parameters as the command's flags.
    func write(_ text: String) throws {
        let text = ParameterFlags.resolving(text, in: command)
        if let destination {
            try AtomicFileWriter.write(text, to: destination, protecting: inputs)
        } else {
            try StandardOutput.write(text)
        }
    }

    /// Writes a further file of the run (an SVG chart, the HTML page, the notes file) atomically,
    /// never over `inputs`, parameters as the command's flags.
    func writeFile(_ text: String, to url: URL, protecting inputs: [URL]) throws {
        try AtomicFileWriter.write(ParameterFlags.resolving(text, in: command), to: url, protecting: inputs)
    }

    /// Writes a folder of further files of the run (`summary --out`) with ``OutputFolder``, each
    /// atomically and never over `inputs`, parameters as the command's flags.
    func writeFolder(_ files: [(name: String, text: String)], to folder: URL, protecting inputs: [URL]) throws {
        try OutputFolder.write(files.map { ($0.name, ParameterFlags.resolving($0.text, in: command)) }, to: folder, protecting: inputs)
    }

    /// Writes rows as CSV or JSON, or `text()` for the text format.
    func write(rows: [ResultRow], text: () -> String) throws {
        switch format {
        case .csv: try write(CSVWriter.render(rows: rows))
        case .json: try write(JSONWriter.render(rows: rows))
        case .text: try write(text())
        }
    }
}

/// Reads a named input file argument as a URL (a relative path against the invocation's
/// current directory), checking that it exists.
func inputFile(_ path: String, flag: String) throws -> URL {
    let url = InvocationContext.fileURL(path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        throw UsageError("\(flag): no such file '\(path)'")
    }
    if isDirectory.boolValue { throw UsageError("\(flag): '\(path)' is a folder, expected a file") }
    do { try InputFiles.checkRegularFile(url) } catch let error as InputError {
        throw UsageError("\(flag): '\(path)' \(error.message)")
    }
    return url
}
