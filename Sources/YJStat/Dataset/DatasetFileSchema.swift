/// The one description of a dataset file (`prompts.csv`, …): its name, its columns in order,
/// its reader and its writers. Extraction (``ExtractedDatasetWriter``), the summary readers
/// (``SummaryDataset``) and the inspection readers (``InspectionDataset``) all go through a
/// schema, so a column is named in one file only.
///
/// Where extraction and reading hold the same values they share the row type (``PromptResult``,
/// ``DemographicShare``, ``CaseloadCount``, ``SampleCompositionCount``; the row's `line` is the
/// report line for an extracted row) and `cells(of: ExtractionResult)` maps the rows through
/// `cells(of: Row)`. Elsewhere they differ, and the schema's `cells(of: ExtractionResult)` is the
/// one documented conversion: extraction keeps what a report prints, possibly incomplete (a
/// population figure without its year, a discretion footnote without the rule rating and with its
/// footnote number, a rate as the printed text, a key question's table-heading case count, the
/// inspection facts each with its own line), while a read ``Row`` is validated and typed.
/// `cells(of: Row)` writes a read row back; `cells(of: ExtractionResult)` writes what one
/// report gave. For every row a reader accepts, both give the same cells (tested
/// over all schemas in ``DatasetFiles/all``).
///
/// Files use LF line endings and RFC 4180 quoting through ``CSVWriter`` (only fields that need it
/// are quoted; cells a spreadsheet would run as formulas are neutralised).
public protocol DatasetFileSchema {
    /// A validated row, as the reader gives it.
    associatedtype Row: Sendable
    /// The file name, such as `prompts.csv`.
    static var fileName: String { get }
    /// The columns, in the order they are written; a reader requires every one of them.
    static var columns: [String] { get }
    /// Reads and validates every row of the file. A file whose cells name framework standards,
    /// key questions or rating words validates each row against the framework of the row's
    /// service, as `frameworks` gives it (``ServiceFrameworks/all(_:)`` for one framework for
    /// every service); other schemas ignore it.
    /// - Throws: ``InputError`` naming file:line:column for a missing column or a bad cell.
    static func rows(of table: CSVTable, frameworks: ServiceFrameworks) throws -> [Row]
    /// The cells of a read row, in ``columns`` order.
    static func cells(of row: Row) -> [String]
    /// The rows one extraction result gives this file, in ``columns`` order.
    static func cells(of result: ExtractionResult) -> [[String]]
}

extension DatasetFileSchema {
    /// The file's text: the header and one LF-terminated line per row.
    public static func text(rows: [[String]]) -> String {
        var text = csvLine(columns)
        for row in rows { text += csvLine(row) }
        return text
    }

    /// The file's text for extraction results, all services in input order.
    public static func text(for results: [ExtractionResult]) -> String {
        text(rows: results.flatMap { cells(of: $0) })
    }

    /// The file's text for read rows.
    public static func text(of rows: [Row]) -> String {
        text(rows: rows.map { cells(of: $0) })
    }

    /// One CSV line ending in LF, as the bundled datasets use.
    static func csvLine(_ cells: [String]) -> String {
        var line = CSVWriter.line(cells)
        if line.hasSuffix("\r\n") { line.removeLast() }
        return line + "\n"
    }

    /// A whole number, or an empty cell for `nil`.
    static func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }
}

/// A dataset file whose reader needs no framework (its cells name no standards, key questions
/// or rating words); ``DatasetFileSchema/rows(of:frameworks:)`` reads it with ``rows(of:)``.
public protocol FrameworkIndependentSchema: DatasetFileSchema {
    /// Reads and validates every row.
    /// - Throws: ``InputError`` naming file:line:column for a missing column or a bad cell.
    static func rows(of table: CSVTable) throws -> [Row]
}

extension FrameworkIndependentSchema {
    /// Reads every row with ``rows(of:)``; the frameworks are not used.
    public static func rows(of table: CSVTable, frameworks: ServiceFrameworks) throws -> [Row] { try rows(of: table) }
}
