/// The format a command writes its results in (`--format text|csv|json`).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Plain text for people: aligned tables and sentences.
    case text
    /// RFC 4180 CSV with a header row, safe to open in a spreadsheet.
    case csv
    /// JSON for programs.
    case json
}

extension OutputFormat {
    /// The format a file name's extension stands for: `.csv` CSV, `.json` JSON, `.txt` text
    /// (case-insensitive); nil for any other extension or none.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "txt", "text": self = .text
        default: return nil
        }
    }

    /// Extensions of formats yjstat writes elsewhere (the board pack's HTML and Markdown) that
    /// are not a ``OutputFormat``: a result written under such a name would not be what the name
    /// says.
    public static let otherDocumentExtensions: Set<String> = ["html", "htm", "md", "markdown"]
}

