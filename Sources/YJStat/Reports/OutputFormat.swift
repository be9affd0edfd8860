/// The format a command writes its results in (`--format text|csv|json`).
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Plain text for people: aligned tables and sentences.
    case text
    /// RFC 4180 CSV with a header row, safe to open in a spreadsheet.
    case csv
    /// JSON for programs.
    case json
}
