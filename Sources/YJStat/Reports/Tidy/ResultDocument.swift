/// A command's tabular result with everything a reader needs beside the numbers: the rows, the
/// warnings and methods the text output prints, and the inputs the result came from.
///
/// JSON renders it as one object `{"rows": [...], "warnings": [...], "methods": [...],
/// "inputs": {...}}`. CSV renders the rows only; the rest goes to a companion notes file
/// (``notesText(for:command:)``, `NAME.notes.txt` beside `NAME.csv`) or, when asked, to
/// trailing `# ` lines (``commentLines(command:)``). The warnings are those of the analysis,
/// already filtered by its disclosure control, so every rendering publishes the same.
public struct ResultDocument: Sendable, Equatable {
    /// The result rows.
    public var rows: [ResultRow]
    /// Warnings for the reader, in order.
    public var warnings: [String]
    /// Methods and conventions, in order.
    public var methods: [String]
    /// Files and options the result was computed from.
    public var inputs: ResultInputs

    /// Creates a document.
    public init(rows: [ResultRow], warnings: [String], methods: [String], inputs: ResultInputs) {
        self.rows = rows
        self.warnings = warnings
        self.methods = methods
        self.inputs = inputs
    }

    /// The JSON document (an object, keys `rows`, `warnings`, `methods`, `inputs`).
    public func json() -> String {
        JSONWriter.render(.object([
            ("rows", .array(rows.map(\.jsonObject))),
            ("warnings", .array(warnings.map { .string($0) })),
            ("methods", .array(methods.map { .string($0) })),
            ("inputs", inputs.json),
        ]))
    }

    /// The rows as CSV.
    public func csv() -> String { CSVWriter.render(rows: rows) }

    /// The notes: a title naming the CSV file and the command, then Warnings, Methods and Inputs,
    /// one "- " item a line ("- none" for an empty section).
    public func notesText(for csvName: String?, command: String) -> String {
        var out = csvName.map { "Notes for \($0) (\(command))\n" } ?? "Notes (\(command))\n"
        for (title, items) in [("Warnings", warnings), ("Methods", methods), ("Inputs", inputs.lines)] {
            out += "\n\(title):\n"
            out += items.isEmpty ? "- none\n" : items.map { "- " + $0.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") + "\n" }.joined()
        }
        return out
    }

    /// The notes as trailing comment lines for a CSV on standard output: every line starts with
    /// `#` (readers skip them with pandas `comment="#"` or R `comment.char = "#"`), CRLF line ends.
    public func commentLines(command: String) -> String {
        notesText(for: nil, command: command).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map { $0.isEmpty ? "#\r\n" : "# \($0)\r\n" }.joined()
    }

    /// The companion notes file's name for a CSV output name: `board.csv` → `board.notes.txt`
    /// (any other name gets `.notes.txt` added).
    public static func notesFileName(for csvName: String) -> String {
        let lower = csvName.lowercased()
        return (lower.hasSuffix(".csv") ? String(csvName.dropLast(4)) : csvName) + ".notes.txt"
    }
}
