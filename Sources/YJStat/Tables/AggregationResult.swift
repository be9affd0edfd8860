/// Counts of rows by key columns from one streaming pass over a case-level extract, with an
/// account of every row read: counted, excluded by a filter, or skipped as malformed.
///
/// `recordsRead == recordsCounted + recordsExcluded + recordsSkipped` always holds.
public struct AggregationResult: Sendable, Equatable, Codable {
    /// The file name the rows came from.
    public var source: String
    /// The key columns, in the order given.
    public var keyColumns: [String]
    /// The row filters applied.
    public var filters: [ColumnFilter]
    /// One entry per distinct key with at least one counted row, sorted by key values (column by
    /// column, in `String` order).
    public var groups: [AggregatedGroup]
    /// For each key column, its distinct values among counted rows in order of first appearance
    /// in the file.
    public var distinctValues: [[String]]
    /// Data rows read after the header (blank lines are not rows).
    public var recordsRead: Int
    /// Rows counted into ``groups``.
    public var recordsCounted: Int
    /// Well-formed rows left out by ``filters``.
    public var recordsExcluded: Int
    /// Malformed rows left out under ``MalformedRowPolicy/skip``.
    public var recordsSkipped: Int
    /// The first skipped rows (up to the scanner's limit), in file order, with positions.
    public var skippedExamples: [SkippedRecord]
    /// The number of bytes read.
    public var bytesRead: Int

    /// Creates a result.
    public init(source: String, keyColumns: [String], filters: [ColumnFilter], groups: [AggregatedGroup],
                distinctValues: [[String]], recordsRead: Int, recordsCounted: Int, recordsExcluded: Int,
                recordsSkipped: Int, skippedExamples: [SkippedRecord], bytesRead: Int) {
        self.source = source
        self.keyColumns = keyColumns
        self.filters = filters
        self.groups = groups
        self.distinctValues = distinctValues
        self.recordsRead = recordsRead
        self.recordsCounted = recordsCounted
        self.recordsExcluded = recordsExcluded
        self.recordsSkipped = recordsSkipped
        self.skippedExamples = skippedExamples
        self.bytesRead = bytesRead
    }

    /// The count for one key (values in ``keyColumns`` order); 0 when no row had it.
    public func count(for key: [String]) -> Int {
        groups.first { $0.key == key }?.count ?? 0
    }

    /// The counts as a dictionary from key to count.
    public var countsByKey: [[String]: Int] {
        Dictionary(groups.map { ($0.key, $0.count) }, uniquingKeysWith: +)
    }
}

/// One distinct key and the number of rows counted under it.
public struct AggregatedGroup: Sendable, Equatable, Hashable, Codable {
    /// The key values, one per key column.
    public var key: [String]
    /// The number of rows.
    public var count: Int

    /// Creates a group.
    public init(key: [String], count: Int) {
        self.key = key
        self.count = count
    }
}

/// A malformed row that was skipped, located as ``InputError`` locates errors.
public struct SkippedRecord: Sendable, Equatable, Codable {
    /// The 1-based line where the problem is.
    public var line: Int
    /// The 1-based column (field number), when the problem is in one field.
    public var column: Int?
    /// What was wrong.
    public var message: String

    /// Creates a skipped-row record.
    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The same problem as an ``InputError`` in `file`.
    public func inputError(file: String) -> InputError {
        InputError(file: file, line: line, column: column, message: message)
    }
}
