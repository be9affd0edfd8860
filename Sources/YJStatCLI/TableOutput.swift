import ArgumentParsing
import Foundation
import YJStat

/// The tidy/wide table options of `disproportionality`, `representation` and `board`.
enum TableOptions {
    static let wide = Flag("wide", help: "With --format csv or json: the full table (every measure, every digit) instead of the tidy one.")
    static let precision = Option<TidyPrecision>("precision", "digits",
                                                 help: "Digits of the tidy table: rounded (rates and percentages to 1 decimal place, ratios and p-values to 3 significant figures) or full.",
                                                 default: .rounded)
    static let notes = Flag("notes", help: "With --format csv on standard output: add the warnings, methods and inputs as trailing # lines (a CSV file gets them in NAME.notes.txt).")
    static let all = [wide.spec, precision.spec, notes.spec]
}

extension TidyPrecision: ChoiceOptionValue {}

/// Which table and how many digits a run writes, read from `--wide`, `--precision` and `--notes`.
struct TableChoice {
    var wide = false
    var precision = TidyPrecision.rounded
    var notes = false

    /// Reads the options (``TableOptions/all``, which the command lists), checking that they go
    /// with the format (usage error naming the flag).
    init(_ arguments: ParsedArguments, format: OutputFormat) throws {
        wide = arguments.isSet(TableOptions.wide)
        notes = arguments.isSet(TableOptions.notes)
        let precisionGiven = arguments.wasGiven(TableOptions.precision)
        precision = try arguments.required(TableOptions.precision)
        if format == .text {
            for (flag, given) in [("wide", wide), ("precision", precisionGiven), ("notes", notes)] where given {
                throw UsageError("--\(flag) goes with --format csv or json (an output name ending in .csv or .json chooses them)")
            }
        }
        if wide, precisionGiven { throw UsageError("--precision is for the tidy table; --wide always keeps every digit") }
        if notes, format != .csv { throw UsageError("--notes goes with --format csv (the JSON document has the warnings and methods in it)") }
    }
}

extension CommandOutput {
    /// Writes a table result: CSV rows (with the notes in the companion file `NAME.notes.txt`
    /// beside a CSV output file, or as trailing # lines on standard output when `notes`), the
    /// JSON document, or `text()`.
    func write(document: ResultDocument, notes: Bool, command: String, text: () -> String) throws {
        switch format {
        case .text: try write(text())
        case .json: try write(document.json())
        case .csv:
            guard let destination, AtomicFileWriter.standardStream(for: destination) == nil, Self.isRegularOrNew(destination) else {
                try write(document.csv() + (notes ? document.commentLines(command: "\(CLI.program) \(command)") : ""))
                return
            }
            let notesURL = destination.deletingLastPathComponent()
                .appendingPathComponent(ResultDocument.notesFileName(for: destination.lastPathComponent))
            let resolved = notesURL.standardizedFileURL.resolvingSymlinksInPath()
            if let input = inputs.first(where: { $0.standardizedFileURL.resolvingSymlinksInPath() == resolved }) {
                throw UsageError("--output \(destination.lastPathComponent): its notes file \(notesURL.lastPathComponent) would replace the input \(input.path); choose another output name")
            }
            try write(document.csv())
            try writeFile(document.notesText(for: destination.lastPathComponent, command: "\(CLI.program) \(command)"),
                          to: notesURL, protecting: inputs + [destination])
        }
    }

    /// Whether a path is a regular file or does not exist yet (a device or FIFO gets no companion).
    private static func isRegularOrNew(_ url: URL) -> Bool {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return true }
        return (status.st_mode & S_IFMT) == S_IFREG
    }
}

/// The inputs record of a run: the files named by `fileOptions` and every other option given
/// (where and how the result is written — `--output`, `--format`, `--svg`, `--html`, `--notes`
/// — is not an input: the same result written to a file or printed has the same record).
func resultInputs(_ arguments: ParsedArguments, fileOptions: [String]) -> ResultInputs {
    var inputs = ResultInputs()
    for option in arguments.spec.options {
        if option.isFlag {
            if option.name != "notes", arguments.flags.contains(option.name) { inputs.options.append(.init(name: option.name, values: [])) }
            continue
        }
        guard let values = arguments.values[option.name], !values.isEmpty else { continue }
        if fileOptions.contains(option.name) {
            inputs.files += values.map { .init(option: option.name, path: $0) }
        } else if !["output", "format", "svg", "html"].contains(option.name) {
            inputs.options.append(.init(name: option.name, values: values))
        }
    }
    return inputs
}
