import Dispatch
import Foundation

/// Counts the rows of a large CSV file by key columns in one streaming pass, in memory that grows
/// with the number of distinct keys and not with the file.
///
/// The file is cut into a few large regions per thread (``regionsPerThread``), which worker
/// threads take in turn; each worker reads its regions in blocks (1 MiB by default) with
/// positioned reads into one reusable buffer, so there is no lock or barrier per block. Every
/// block is parsed byte by byte without building a `String` per field: only the key and filter
/// columns are looked at, and a key's bytes are hashed in place to a small integer id
/// (``ByteKeyInterner``), so a row costs a few table probes. A region other than the first
/// starts at a guessed record boundary (just after its first line break); when all regions are
/// done, each guess is checked against where the region before really ended, and a region that
/// started at a wrong guess (a line break inside a quoted field) is parsed again from the right
/// place. /// Counts are therefore exactly those of a sequential parse.
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
/// - Complexity: O(*n*) in the size of the file; memory O(threads × block size + regions ×
///   distinct keys).
public struct StreamingCSVScanner: Sendable {
    /// The columns to count by, in output order (at least one).
    public var keyColumns: [String]
    /// Row filters (see ``ColumnFilter`` for how several combine).
    public var filters: [ColumnFilter]
    /// What to do with malformed rows.
    public var onError: MalformedRowPolicy
    /// Bytes read per block (at least 1; a record longer than a block grows the buffer).
    public var blockSize: Int
    /// Threads that scan regions of the file in parallel (at least 1).
    public var threads: Int
    /// How many skipped rows are described in ``AggregationResult/skippedExamples``.
    public var reportedSkipLimit: Int
    /// The longest record (or header) held in memory, in bytes: a longer one — usually a stray
    /// quote that makes a row run on — stops the scan with an error naming its line, or under
    /// ``MalformedRowPolicy/skip`` costs that one line, counted. Memory stays within this plus
    /// the block size per thread.
    public var maximumRecordLength = StreamingCSVScanner.defaultMaximumRecordLength
    /// The default record length limit, 1 MiB.
    public static let defaultMaximumRecordLength = 1 << 20
    /// Whether a blank key value (empty, or spaces only) makes a row malformed — an error at its
    /// line and column, or under ``MalformedRowPolicy/skip`` a skipped row — rather than a key
    /// of its own. Off for `aggregate --by`, which counts blanks; on where a blank service, group
    /// or stage cannot be analysed.
    public var rejectsBlankKeys = false
    /// A key column whose value each row message quotes (`(service 'leeds')`), so that a problem
    /// in a multi-service extract names the service as well as the line; nil for none.
    public var contextColumn: String?
    /// The smallest region worth scanning on its own; tests lower it to cut tiny files.
    var minimumRegionSize = 256 * 1024
    /// Regions per thread.
    var regionsPerThread = 2

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

    /// Aggregates and also returns the largest block buffer the scan needed (for tests of the
    /// memory bound: it depends on the block size and the longest record, not on the file size).
    func aggregateMeasuringBuffer(source: some ByteBlockSource) throws -> (result: AggregationResult, bufferCapacity: Int) {
        guard !keyColumns.isEmpty else {
            throw InputError(file: source.name, message: "no key columns to count by")
        }
        let blockSize = max(1, self.blockSize)
        let threads = max(1, min(self.threads, 64))

        // Byte-order mark and header, read from the start of the file.
        let headChunk = min(blockSize, 1 << 16)
        var head = UnsafeGrowableArray<UInt8>(capacity: headChunk + 3, padding: 64)
        var filled = 0
        var headerScan: StreamingCSVHeader.Scan = .needMoreData
        while true {
            if head.capacity - filled < headChunk { head.setCount(filled); head.reserve(2 * (filled + headChunk)) }
            let got = try source.read(into: head.base + filled, count: headChunk, at: filled)
            filled += got
            let atEndOfFile = got == 0 || filled >= source.size
            if filled < 3 && !atEndOfFile { continue }
            let bom = filled >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0
            headerScan = try StreamingCSVHeader.scan(head.base, count: filled, start: bom, atEndOfFile: atEndOfFile,
                                                     source: source.name)
            if case .needMoreData = headerScan, !atEndOfFile {
                if filled > maximumRecordLength {
                    throw InputError(file: source.name, line: 1, message: "header row longer than \(maximumRecordLength) bytes (the record length limit)")
                }
                continue
            }
            break
        }
        guard case .found(let header) = headerScan else {
            throw InputError(file: source.name, line: 1, message: "empty file: expected a header row")
        }
        let layout = try makeLayout(header: header, source: source.name)
        let firstLine = 1 + header.lines   // the line on which the data start
        let dataStart = header.end

        // Regions: several per thread, handed out in turn, so that a thread slowed by other work
        // on the machine delays the scan by one region at most.
        let span = source.size - dataStart
        let regionCount = threads == 1 ? 1 : max(1, min(threads * regionsPerThread, span / max(1, minimumRegionSize)))
        let bounds = (0...regionCount).map { dataStart + Int((Double(span) * Double($0) / Double(regionCount)).rounded(.down)) }
        let scanner = CSVRegionScanner(source: source, blockSize: blockSize, issueLimit: reportedSkipLimit,
                                       maximumRecordLength: max(1, maximumRecordLength), policy: onError)
        let stop = StopSignal()
        let policy = onError, limit = reportedSkipLimit
        let recordLimit = max(1, maximumRecordLength)
        func newParser() -> CSVPieceParser {
            CSVPieceParser(layout: layout, policy: policy, issueLimit: limit, maximumRecordLength: recordLimit)
        }
        let parsers = ParserSlots((0..<regionCount).map { _ in newParser() })
        let buffers = BufferSlots(count: min(threads, regionCount), blockSize: blockSize)
        let outcomes = try parallelRegions(regionCount, threads: threads) { r, worker -> CSVRegionScanner.Outcome in
            if stop.isAfterAnError(r) {
                return CSVRegionScanner.Outcome(start: bounds[r], end: bounds[r], complete: false)
            }
            let start = r == 0 ? dataStart : try scanner.guessRecordStart(after: bounds[r], limit: bounds[r + 1])
            let outcome = try scanner.scan(from: start, limit: bounds[r + 1], into: parsers[r],
                                           buffer: buffers[worker]) { stop.isAfterAnError(r) }
            if outcome.fatal != nil { stop.report(r) }
            return outcome
        }

        // Check every region's start against where the region before it ended, in file order.
        var totals = Totals()
        var issues: [SkippedRecord] = []
        var accepted: [CSVPieceParser] = []
        var position = dataStart
        var line = firstLine
        var bufferCapacity = head.capacity
        for worker in 0..<min(threads, regionCount) { bufferCapacity = max(bufferCapacity, buffers[worker].bytes.capacity) }
        for r in 0..<regionCount {
            if position >= bounds[r + 1] { continue }          // covered by the record before
            var outcome = outcomes[r]
            if !outcome.complete || outcome.start != position {
                parsers[r] = newParser()
                outcome = try scanner.scan(from: position, limit: bounds[r + 1], into: parsers[r], buffer: buffers[0]) { false }
            }
            if let fatal = outcome.fatal {
                throw fatal.skippedRecord(firstLine: line, skipping: false, keyNames: keyColumns, contextKey: layout.contextKey)
                    .inputError(file: source.name)
            }
            accepted.append(parsers[r])
            totals.add(outcome)
            bufferCapacity = max(bufferCapacity, outcome.bufferCapacity)
            for issue in outcome.issues where issues.count < reportedSkipLimit {
                issues.append(issue.skippedRecord(firstLine: line, skipping: true, keyNames: keyColumns, contextKey: layout.contextKey))
            }
            line += outcome.lines
            position = outcome.end
        }
        totals.bytes = source.size
        return (merge(accepted, layout: layout, totals: totals, issues: issues, source: source.name), bufferCapacity)
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
        var layout = ScanLayout(fieldCount: header.names.count, roles: roles, neededColumns: needed, keyFields: keyFields,
                                keyNames: keyColumns, filterGroups: groups)
        layout.rejectsBlankKeys = rejectsBlankKeys
        layout.contextKey = contextColumn.flatMap { keyColumns.firstIndex(of: $0) }
        return layout
    }

    /// Combines the counts of every accepted region. Each parser's ids are first mapped to global
    /// value numbers, once per distinct value (building each `String` once); a group is then a
    /// single integer, the value numbers packed mixed radix, so combining costs integer work.
    private func merge(_ parsers: [CSVPieceParser], layout: ScanLayout, totals: Totals, issues: [SkippedRecord],
                       source: String) -> AggregationResult {
        let width = keyColumns.count
        var values = Array(repeating: [String](), count: width)          // global number → text
        var numbers = Array(repeating: [String: Int](), count: width)    // text → global number
        // Per parser and column: interner id → global number.
        let global: [[[Int]]] = parsers.map { parser in
            (0..<width).map { k in
                let interner = parser.interners[k]
                return (0..<interner.count).map { id -> Int in
                    let text = interner.string(Int32(id))
                    if let known = numbers[k][text] { return known }
                    numbers[k][text] = values[k].count
                    values[k].append(text)
                    return values[k].count - 1
                }
            }
        }
        var radix = [Int](repeating: 1, count: width)                     // place value of each column
        for k in stride(from: width - 2, through: 0, by: -1) {
            let (product, overflow) = radix[k + 1].multipliedReportingOverflow(by: max(1, values[k + 1].count))
            radix[k] = overflow ? 0 : product
        }
        let packable = radix.allSatisfy { $0 > 0 } && !radix[0].multipliedReportingOverflow(by: max(1, values[0].count)).overflow
        var packed: [Int: Int] = [:]
        var unpacked: [[Int]: Int] = [:]
        var firstSeen = values.map { Array(repeating: Int.max, count: $0.count) }
        for (p, parser) in parsers.enumerated() {
            parser.groups.forEachCommitted { ids, count, position in
                var code = 0
                var key: [Int] = packable ? [] : Array(repeating: 0, count: width)
                for k in 0..<width {
                    let number = global[p][k][Int(ids[k])]
                    if packable { code += number * radix[k] } else { key[k] = number }
                    if position < firstSeen[k][number] { firstSeen[k][number] = position }
                }
                if packable { packed[code, default: 0] += count } else { unpacked[key, default: 0] += count }
            }
        }
        var combined: [(numbers: [Int], count: Int)] = unpacked.map { ($0.key, $0.value) }
        for (code, count) in packed {
            let numbers = (0..<width).map { k -> Int in (code / radix[k]) % max(1, values[k].count) }
            combined.append((numbers, count))
        }
        // Sort by each column's rank in String order: String comparisons per distinct value only.
        let ranks = values.map { texts -> [Int] in
            var rank = Array(repeating: 0, count: texts.count)
            for (position, number) in texts.indices.sorted(by: { texts[$0] < texts[$1] }).enumerated() { rank[number] = position }
            return rank
        }
        let groups = combined.map { (numbers: $0.numbers, rank: $0.numbers.enumerated().map { ranks[$0][$1] }, count: $0.count) }
            .sorted { a, b in a.rank.lexicographicallyPrecedes(b.rank) }
            .map { AggregatedGroup(key: $0.numbers.enumerated().map { values[$0][$1] }, count: $0.count) }
        let distinct = (0..<width).map { k -> [String] in
            let seen = values[k].indices.filter { firstSeen[k][$0] < Int.max }
            let ordered = seen.sorted { (a: Int, b: Int) -> Bool in
                firstSeen[k][a] != firstSeen[k][b] ? firstSeen[k][a] < firstSeen[k][b] : values[k][a] < values[k][b]
            }
            return ordered.map { values[k][$0] }
        }
        return AggregationResult(source: source, keyColumns: keyColumns, filters: filters, groups: groups,
                                 distinctValues: distinct, recordsRead: totals.tally.records, recordsCounted: totals.tally.counted,
                                 recordsExcluded: totals.tally.excluded, recordsSkipped: totals.tally.skipped,
                                 skippedExamples: issues, bytesRead: totals.bytes)
    }

    private struct Totals {
        var tally = RecordTally()
        var bytes = 0
        mutating func add(_ piece: CSVRegionScanner.Outcome) { tally += piece.tally }
    }
}

/// Which regions may stop early: under ``MalformedRowPolicy/stop`` the first error found in a
/// region makes every later region pointless (the scan will end there unless that region's start
/// was guessed wrong, in which case the later regions are scanned again in order).
final class StopSignal: @unchecked Sendable {
    // @unchecked: all state is behind the lock.
    private let lock = NSLock()
    private var earliest = Int.max

    /// Records an error in region `region`.
    func report(_ region: Int) {
        lock.lock(); defer { lock.unlock() }
        earliest = min(earliest, region)
    }

    /// Whether an earlier region has an error.
    func isAfterAnError(_ region: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return earliest < region
    }
}

/// The parsers of the regions, one each.
///
/// `@unchecked Sendable`: during the parallel scan each region's parser is used only by the
/// worker scanning that region; replacements happen afterwards, on one thread.
final class ParserSlots: @unchecked Sendable {
    private var parsers: [CSVPieceParser]
    init(_ parsers: [CSVPieceParser]) { self.parsers = parsers }
    subscript(index: Int) -> CSVPieceParser {
        get { parsers.withUnsafeBufferPointer { $0[index] } }
        set { parsers[index] = newValue }
    }
}

/// Runs `body(region, worker)` for every region `0..<count` on up to `threads` worker threads
/// numbered from 0, each taking the next region not yet taken; returns the results in region
/// order.
func parallelRegions<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int, Int) throws -> T) throws -> [T] {
    if threads == 1 || count == 1 { return try (0..<count).map { try body($0, 0) } }
    let slots = ResultSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: min(threads, count)) { worker in
        while let region = slots.take() {
            slots.set(region, Result { try body(region, worker) })
        }
    }
    return try slots.values()
}

/// One reusable block buffer per worker thread.
///
/// `@unchecked Sendable`: worker `i` alone uses buffer `i` during the parallel scan; buffer 0 is
/// used again afterwards, on one thread.
final class BufferSlots: @unchecked Sendable {
    private let buffers: [ScanBuffer]
    init(count: Int, blockSize: Int) { buffers = (0..<max(1, count)).map { _ in ScanBuffer(blockSize: blockSize) } }
    subscript(worker: Int) -> ScanBuffer { buffers[worker] }
}

/// Results written by concurrent workers, one slot each, and the counter that hands out work.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    // @unchecked: the counter is behind the lock; each worker writes only the slots it took, and
    // values() is read after concurrentPerform has returned, which orders the writes before it.
    // The slots are raw memory, not an Array: concurrent writes through an Array's
    // withUnsafeMutableBufferPointer race on its uniqueness check (a crash seen under load).
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private let slots: UnsafeMutablePointer<Result<T, any Error>?>
    init(_ count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
    func set(_ index: Int, _ value: Result<T, any Error>) { slots[index] = value }
    func values() throws -> [T] { try (0..<count).map { try slots[$0]!.get() } }
}
