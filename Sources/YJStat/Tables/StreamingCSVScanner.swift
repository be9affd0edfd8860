import Dispatch
import Foundation

/// Counts the rows of a large CSV file by key columns in one streaming pass, in memory that grows
/// with the number of distinct keys and not with the file.
///
/// The file is read in blocks (4 MiB by default) with positioned reads into one reusable buffer.
/// Each block is cut into one piece per thread; every piece is parsed byte by byte without
/// building a `String` per field: only the key and filter columns are looked at, and a key's
/// bytes are hashed in place to a small integer id (``ByteKeyInterner``), so a row costs a few
/// table probes. A piece other than the first starts at a guessed record boundary (just after
/// the first line break in it); once the piece before it is done, the guess is checked against
/// where that piece's last record really ended, and a wrong guess (a quoted field with a line
/// break straddling the cut) is thrown away and the piece parsed again from the right place.
/// Counts are therefore exactly those of a sequential parse.
///
/// Parsing follows RFC 4180 as ``CSVReader`` does: quoted fields with doubled quotes and line
/// breaks inside, CRLF, LF or CR line ends, a UTF-8 byte-order mark, blank lines skipped, a last
/// line with or without a line break. Spaces and tabs around a value are ignored. Malformed rows
/// — an unterminated quote, a quote inside an unquoted field, text after a closing quote, a row
/// with more or fewer fields than the header, a key value that is not UTF-8 — either stop the
/// scan with an ``InputError`` naming the line and column (``MalformedRowPolicy/stop``) or are
/// skipped, counted and reported (``MalformedRowPolicy/skip``). Rows excluded by a filter are
/// checked for structure; their key values are not decoded.
///
/// ```swift
/// let scanner = StreamingCSVScanner(keyColumns: ["service", "ethnicity", "stage"],
///                                   filters: [ColumnFilter(column: "year", value: "2023")])
/// let result = try scanner.aggregate(fileAt: URL(fileURLWithPath: "records.csv"))
/// result.count(for: ["leeds", "Black", "arrest"])
/// ```
///
/// - Complexity: O(*n*) in the size of the file; memory O(block size × 2 + distinct keys).
public struct StreamingCSVScanner: Sendable {
    /// The columns to count by, in output order (at least one).
    public var keyColumns: [String]
    /// Row filters (see ``ColumnFilter`` for how several combine).
    public var filters: [ColumnFilter]
    /// What to do with malformed rows.
    public var onError: MalformedRowPolicy
    /// Bytes read per block (at least 1; a record longer than a block grows the buffer).
    public var blockSize: Int
    /// Threads that parse a block in parallel (at least 1).
    public var threads: Int
    /// How many skipped rows are described in ``AggregationResult/skippedExamples``.
    public var reportedSkipLimit: Int
    /// The smallest piece worth a thread of its own; tests lower it to cut tiny blocks.
    var minimumPieceSize = 64 * 1024

    /// Creates a scanner.
    public init(keyColumns: [String], filters: [ColumnFilter] = [], onError: MalformedRowPolicy = .stop,
                blockSize: Int = 1 << 20, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                reportedSkipLimit: Int = 10) {
        self.keyColumns = keyColumns
        self.filters = filters
        self.onError = onError
        self.blockSize = blockSize
        self.threads = threads
        self.reportedSkipLimit = reportedSkipLimit
    }

    /// Counts the rows of a CSV file.
    ///
    /// - Throws: ``InputError`` when the file cannot be read, is empty, lacks a key or filter
    ///   column, or (under ``MalformedRowPolicy/stop``) has a malformed row; the message names
    ///   the file (its last path component), line and column. A file with a header and no data
    ///   rows gives an empty result.
    public func aggregate(fileAt url: URL) throws -> AggregationResult {
        try aggregate(source: FileByteSource(url: url))
    }

    /// Counts the rows of CSV bytes held in memory, reading them in blocks exactly as a file.
    public func aggregate(bytes: [UInt8], source: String) throws -> AggregationResult {
        try aggregate(source: MemoryByteSource(name: source, bytes: bytes))
    }

    func aggregate(source: some ByteBlockSource) throws -> AggregationResult {
        try aggregateMeasuringBuffer(source: source).result
    }

    /// Aggregates and also returns the largest buffer the scan needed (for tests of the memory
    /// bound: it depends on the block size and the longest record, not on the file size).
    func aggregateMeasuringBuffer(source: some ByteBlockSource) throws -> (result: AggregationResult, bufferCapacity: Int) {
        guard !keyColumns.isEmpty else {
            throw InputError(file: source.name, message: "no key columns to count by")
        }
        let blockSize = max(1, self.blockSize)
        let threads = max(1, min(self.threads, 64))
        var buffer = UnsafeGrowableArray<UInt8>(capacity: blockSize * 2, padding: 64)
        var fileOffset = 0          // file offset of buffer[0]
        var filled = 0              // bytes of data in the buffer
        var atEndOfFile = false

        // Reads more bytes after `filled`, in parallel parts.
        func readMore() throws {
            if buffer.capacity - filled < blockSize {
                buffer.setCount(filled)            // keep the unread bytes when the buffer grows
                buffer.reserve(filled + blockSize)
            }
            let want = blockSize
            let parts = want >= minimumPieceSize * 2 ? threads : 1
            let partSize = (want + parts - 1) / parts
            let base = SharedBytes(buffer.base + filled)
            let offset = fileOffset + filled
            let got = try parallelMap(parts) { part -> Int in
                let from = part * partSize
                let size = min(partSize, want - from)
                guard size > 0 else { return 0 }
                return try source.read(into: base.pointer + from, count: size, at: offset + from)
            }
            var added = 0
            for (part, n) in got.enumerated() {
                added += n
                if n < min(partSize, want - part * partSize) { atEndOfFile = true; break }
            }
            filled += added
        }

        // Byte-order mark and header.
        try readMore()
        while filled < 3 && !atEndOfFile { try readMore() }
        var dataStart = 0
        if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { dataStart = 3 }
        var header: StreamingCSVHeader
        while true {
            let scan = try StreamingCSVHeader.scan(buffer.base, count: filled, start: dataStart,
                                                   atEndOfFile: atEndOfFile, source: source.name)
            switch scan {
            case .needMoreData:
                try readMore()
                continue
            case .emptyFile:
                throw InputError(file: source.name, line: 1, message: "empty file: expected a header row")
            case .found(let found):
                header = found
            }
            break
        }
        let layout = try makeLayout(header: header, source: source.name)
        dataStart = header.end
        var lineBase = 1 + header.lines   // the line on which buffer[dataStart] lies

        let parsers = (0..<threads).map { _ in CSVPieceParser(layout: layout, policy: onError, issueLimit: reportedSkipLimit) }
        var totals = Totals()
        var issues: [SkippedRecord] = []

        while true {
            let span = filled - dataStart
            let pieces = max(1, min(threads, span / max(1, minimumPieceSize)))
            let limits = (1...pieces).map { i in i == pieces ? filled : dataStart + span * i / pieces }
            let shared = SharedBytes(buffer.base)
            let data = UnsafePointer(buffer.base)
            let count = filled, eof = atEndOfFile, position = fileOffset
            let starts = (0..<pieces).map { i in i == 0 ? dataStart : CSVBoundary.guessRecordStart(data, count: count, after: limits[i - 1]) }
            var results = try parallelMap(pieces) { i in
                parsers[i].parse(shared.pointer, count: count, start: starts[i], limit: limits[i], atEndOfFile: eof, blockPosition: position)
            }

            // Accept the pieces in order, re-parsing any that started at a wrong guess.
            var pos = dataStart
            var incomplete = false
            for i in 0..<pieces {
                if incomplete || pos >= limits[i] {
                    parsers[i].discard()
                    continue
                }
                if results[i].start != pos {
                    parsers[i].discard()
                    results[i] = parsers[i].parse(data, count: count, start: pos, limit: limits[i], atEndOfFile: eof, blockPosition: position)
                }
                let piece = results[i]
                if let fatal = piece.fatal {
                    throw fatal.skippedRecord(firstLine: lineBase, skipping: false, keyNames: keyColumns).inputError(file: source.name)
                }
                parsers[i].commit()
                totals.add(piece)
                for issue in piece.issues where issues.count < reportedSkipLimit {
                    issues.append(issue.skippedRecord(firstLine: lineBase, skipping: true, keyNames: keyColumns))
                }
                lineBase += piece.lines
                pos = piece.end
                incomplete = piece.incomplete
            }
            totals.bytes = fileOffset + pos

            if atEndOfFile && !incomplete { break }
            // Keep the unfinished record, then read the next block after it.
            let carry = filled - pos
            if pos > 0 {
                if carry > 0 { buffer.base.update(from: buffer.base + pos, count: carry) }
                fileOffset += pos
                filled = carry
            }
            dataStart = 0
            try readMore()
        }

        return (merge(parsers, layout: layout, totals: totals, issues: issues, source: source.name), buffer.capacity)
    }

    private func makeLayout(header: StreamingCSVHeader, source: String) throws -> ScanLayout {
        var index: [String: Int] = [:]
        for (i, name) in header.names.enumerated() where index[name] == nil { index[name] = i }
        func column(_ name: String, role: String) throws -> Int {
            guard let column = index[name] else {
                let found = header.names.map { "'\($0)'" }.joined(separator: ", ")
                throw InputError(file: source, line: header.line, message: "missing \(role) column '\(name)' (found: \(found))")
            }
            let duplicates = header.names.indices.filter { header.names[$0] == name }
            if duplicates.count > 1 {
                throw InputError(file: source, line: header.line, column: duplicates[1] + 1,
                                 message: "column '\(name)' appears more than once in the header (columns \(duplicates.map { String($0 + 1) }.joined(separator: ", ")))")
            }
            return column
        }
        var roles = Array(repeating: -1, count: header.names.count)
        var needed: [Int] = []
        func role(of column: Int) -> Int {
            if roles[column] < 0 {
                roles[column] = needed.count
                needed.append(column)
            }
            return roles[column]
        }
        var keyFields: [Int] = []
        for name in keyColumns {
            if keyFields.contains(role(of: try column(name, role: "key"))) {
                throw InputError(file: source, message: "key column '\(name)' is given more than once")
            }
            keyFields.append(roles[try column(name, role: "key")])
        }
        var groups: [(field: Int, values: [[UInt8]])] = []
        for filter in filters {
            let field = role(of: try column(filter.column, role: "filter"))
            let value = Array(filter.value.trimmingASCIIBlanks().utf8)
            if let at = groups.firstIndex(where: { $0.field == field }) {
                groups[at].values.append(value)
            } else {
                groups.append((field, [value]))
            }
        }
        return ScanLayout(fieldCount: header.names.count, roles: roles, neededColumns: needed, keyFields: keyFields,
                          keyNames: keyColumns, filterGroups: groups)
    }

    private func merge(_ parsers: [CSVPieceParser], layout: ScanLayout, totals: Totals, issues: [SkippedRecord],
                       source: String) -> AggregationResult {
        let width = keyColumns.count
        var counts: [[String]: Int] = [:]
        var firstSeen = Array(repeating: [String: Int](), count: width)
        for parser in parsers {
            var names = Array(repeating: [Int32: String](), count: width)
            parser.groups.forEachCommitted { ids, count, position in
                var key: [String] = []
                key.reserveCapacity(width)
                for k in 0..<width {
                    let id = ids[k]
                    let text = names[k][id] ?? parser.interners[k].string(id)
                    names[k][id] = text
                    key.append(text)
                    if position < firstSeen[k][text, default: Int.max] { firstSeen[k][text] = position }
                }
                counts[key, default: 0] += count
            }
        }
        let groups = counts.map { AggregatedGroup(key: $0.key, count: $0.value) }.sorted { a, b in
            for (x, y) in zip(a.key, b.key) where x != y { return x < y }
            return false
        }
        let distinct = firstSeen.map { seen in seen.sorted { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key) }
        return AggregationResult(source: source, keyColumns: keyColumns, filters: filters, groups: groups,
                                 distinctValues: distinct, recordsRead: totals.records, recordsCounted: totals.counted,
                                 recordsExcluded: totals.excluded, recordsSkipped: totals.skipped,
                                 skippedExamples: issues, bytesRead: totals.bytes)
    }

    private struct Totals {
        var records = 0, counted = 0, excluded = 0, skipped = 0, bytes = 0
        mutating func add(_ piece: PieceResult) {
            records += piece.records
            counted += piece.counted
            excluded += piece.excluded
            skipped += piece.skipped
        }
    }
}

/// Finding where a record probably starts inside a block.
enum CSVBoundary {
    /// The offset just after the first line break at or after `offset - 1` (a CR LF pair counts
    /// as one break), or `count` when there is none. Correct unless the break is inside a
    /// quoted field, which the scanner detects and repairs.
    static func guessRecordStart(_ data: UnsafePointer<UInt8>, count: Int, after offset: Int) -> Int {
        var i = max(0, offset - 1)
        while i < count {
            let b = data[i]
            if b == Byte.lf { return i + 1 }
            if b == Byte.cr { return i + 1 < count && data[i + 1] == Byte.lf ? i + 2 : i + 1 }
            i += 1
        }
        return count
    }
}

/// A pointer into the scanner's buffer handed to worker threads.
///
/// `@unchecked Sendable`: workers only read the buffer, or write disjoint ranges of it, between
/// two barriers, and the buffer outlives every worker.
struct SharedBytes: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt8>
    init(_ pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }
}

/// Runs `body` for `0..<count` on up to `count` threads and returns the results in order.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
    if count == 1 { return [try body(0)] }
    let slots = ResultSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
        slots.set(i, Result { try body(i) })
    }
    return try slots.values()
}

/// Results written by concurrent workers, one slot each.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    // @unchecked: each worker writes only its own slot, and values() is read after
    // concurrentPerform has returned, which orders the writes before the reads.
    private var slots: [Result<T, any Error>?]
    init(_ count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<T, any Error>) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() throws -> [T] { try slots.map { try $0!.get() } }
}
