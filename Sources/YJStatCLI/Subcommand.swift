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
}

extension Subcommand {
    static var textExtensions: Set<String> { ["txt", "text"] }
}

/// Options shared by commands that write results.
enum CommonOptions {
    static let format = OptionSpec.value("format", "format", help: "Output format.", default: "text",
                                         choices: OutputFormat.allCases.map(\.rawValue))
    static let output = OptionSpec.value("output", "file", help: "Write to this file (atomically) instead of standard output.")
    static let formatAndOutput = [format, output]
}

/// Where a command's results go: standard output or an `--output` file written atomically.
struct CommandOutput {
    let format: OutputFormat
    let destination: URL?
    /// Input files of this run; the output may never replace one of them.
    var inputs: [URL] = []

    /// Reads `--format` and `--output`. With no `--format`, a `.csv`, `.json` or `.txt` output
    /// name chooses the format; an `--output` whose extension names another format than the one
    /// given, or a format the command does not write (`.html`, `.md`), is a usage error naming both.
    ///
    /// `textExtensions` are the extensions that mean the text format for this command (`.md`
    /// too for the board pack, whose text is Markdown); with an `--html` option, an `.html`
    /// output name is an error pointing to it.
    init(_ arguments: ParsedArguments, textExtensions: Set<String> = ["txt", "text"]) throws {
        destination = arguments.declares("output")
            ? arguments.string("output").flatMap { $0 == "-" ? nil : InvocationContext.fileURL($0) } : nil
        guard arguments.declares("format") else {
            format = .text
            return
        }
        let given = arguments.has("format") ? try arguments.choice("format", as: OutputFormat.self) : nil
        let formats = arguments.spec.option(named: "format")?.choices ?? []
        guard let destination, !formats.isEmpty else {
            format = try given ?? arguments.choice("format", as: OutputFormat.self) ?? .text
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
            format = try given ?? arguments.choice("format", as: OutputFormat.self) ?? .text
        }
    }

    /// "a, b or c".
    private static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    /// Writes the complete output text.
    func write(_ text: String) throws {
        if let destination {
            try AtomicFileWriter.write(text, to: destination, protecting: inputs)
        } else {
            try StandardOutput.write(text)
        }
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
