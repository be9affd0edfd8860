/// Which header columns a streaming scan reads, and what it does with them.
struct ScanLayout: Sendable {
    /// The number of fields every row must have.
    let fieldCount: Int
    /// For each header column: its index among the needed fields, or -1 when the scan ignores it.
    let roles: [Int]
    /// The header column (0-based) of each needed field.
    let neededColumns: [Int]
    /// For each key column, the index of its needed field.
    let keyFields: [Int]
    /// The names of the key columns.
    let keyNames: [String]
    /// Filters grouped by needed field: a row passes a group when the field equals any value.
    let filterGroups: [(field: Int, values: [[UInt8]])]
    /// Whether a blank key value (empty or spaces only) makes the row malformed.
    var rejectsBlankKeys = false
    /// The key (an index into ``keyFields``) whose value names a row in messages (the
    /// service of a case-level extract), if any.
    var contextKey: Int? = nil
}

/// A problem found in one row, located relative to the start of a piece (a plain value, so that
/// carrying one through the hot loop costs nothing).
struct PieceIssue: Sendable {
    enum Kind: Sendable {
        case unterminatedQuote(lastLine: Int)
        case quoteInUnquotedField
        case textAfterClosingQuote
        case wrongFieldCount(found: Int, expected: Int)
        case invalidUTF8(keyIndex: Int)
        case blankKey(keyIndex: Int)
        case recordTooLong(limit: Int)
        /// A quoted field that closed on a later line (`closingLine`, counted like ``line``) and
        /// is followed by text there: most often a stray opening quote.
        case quoteRunsOn(closingLine: Int)
    }
    /// The line of the problem, counted from the piece's first line (0-based).
    var line: Int
    /// The 1-based field number, if the problem is in one field.
    var column: Int?
    var kind: Kind
    /// The value of the scan's context key in the row (``ScanLayout/contextKey``), when it was
    /// read before the problem.
    var context: String? = nil

    /// The same problem with its lines counted from `lines` lines earlier.
    func shifted(by lines: Int) -> PieceIssue {
        var copy = self
        copy.line += lines
        if case .unterminatedQuote(let lastLine) = kind { copy.kind = .unterminatedQuote(lastLine: lastLine + lines) }
        if case .quoteRunsOn(let closingLine) = kind { copy.kind = .quoteRunsOn(closingLine: closingLine + lines) }
        return copy
    }

    /// The message and absolute position, given the line number on which the piece starts.
    func skippedRecord(firstLine: Int, skipping: Bool, keyNames: [String], contextKey: Int? = nil) -> SkippedRecord {
        var message: String
        var tail = ""
        switch kind {
        case .unterminatedQuote:
            message = "unterminated quoted field (the quote opened here is never closed)"
            if skipping { tail = "; skipped this line and read on from the next" }
        case .quoteInUnquotedField:
            message = "quote inside an unquoted field (quote the whole field and double inner quotes)"
        case .textAfterClosingQuote:
            message = "unexpected text after closing quote"
        case .wrongFieldCount(let found, let expected):
            message = "expected \(expected) fields as in the header, found \(found)"
        case .invalidUTF8(let keyIndex):
            message = "value in key column '\(keyNames[keyIndex])' is not valid UTF-8 text"
        case .quoteRunsOn(let closingLine):
            message = "quoted field opened here runs on to line \(firstLine + closingLine) and is followed by text there (a stray quote?)"
        case .blankKey(let keyIndex):
            message = "blank '\(keyNames[keyIndex])' value: every row needs one"
        case .recordTooLong(let limit):
            if skipping {
                message = "row longer than \(limit) bytes (the record length limit)"
                tail = "; skipped this line and read on from the next"
            } else {
                message = "row longer than \(limit) bytes (the record length limit; a stray quote can make a row run on)"
            }
        }
        if let context, let contextKey, contextKey < keyNames.count {
            message += " (\(keyNames[contextKey]) '\(context.count > 80 ? String(context.prefix(80)) + "…" : context)')"
        }
        return SkippedRecord(line: firstLine + line, column: column, message: message + tail)
    }
}

/// What parsing one piece of a block found.
struct PieceResult: Sendable {
    /// Where parsing began (a record start, or a guess at one).
    var start: Int
    /// The first record start at or after the piece's limit, or — when ``incomplete`` — the start
    /// of the record that runs past the data read so far.
    var end: Int = 0
    /// Whether the last record runs past the data in memory (more must be read).
    var incomplete = false
    /// Line breaks between `start` and `end`.
    var lines = 0
    /// What became of the records parsed.
    var tally = RecordTally()
    /// The first problems, in order (at most the report limit).
    var issues: [PieceIssue] = []
    /// Under ``MalformedRowPolicy/stop``, the problem that stopped the piece.
    var fatal: PieceIssue?
}

/// Parses the records of a block and counts them into its own tables: one parser per region of
/// the file, used by one thread at a time, so the hot loop takes no locks.
///
/// The loop works on raw bytes. A field is located by jumping from one candidate structural
/// byte to the next with a ``SpecialByteWindow`` and checking that it is a comma, quote, CR or
/// LF; only the needed fields are remembered, as
/// (offset, length) slices of the block. Quoted fields are read in place unless they contain a
/// doubled quote, in which case a needed field is unescaped into a scratch buffer. At the end of
/// a well-formed row the filters are tested on the slices and the key slices are interned.
///
/// `@unchecked Sendable`: a parser is used by one thread at a time — the worker scanning its
/// region, then the thread that merges the results.
final class CSVPieceParser: @unchecked Sendable {
    private let layout: ScanLayout
    private let policy: MalformedRowPolicy
    private let issueLimit: Int
    /// The longest record accepted, in bytes with its line end (see
    /// ``StreamingCSVScanner/maximumRecordLength``).
    private let maximumRecordLength: Int
    let interners: [ByteKeyInterner]
    /// The interners again, unretained, for the hot loop (``interners`` keeps them alive).
    private let internerRefs: UnsafeMutablePointer<Unmanaged<ByteKeyInterner>>
    private let hasFilters: Bool
    let groups: GroupCountTable

    /// For each field number (and one more for fields past the header's count): where to store
    /// its slice — its needed-field index, or `neededCount` (a spare slot) when not needed.
    private let slots: UnsafeMutablePointer<Int>
    private let keyFields: UnsafeMutablePointer<Int>
    private let keyCount: Int
    private let neededCount: Int
    private let fieldCount: Int
    private let fieldStart: UnsafeMutablePointer<Int>
    private let fieldLength: UnsafeMutablePointer<Int>
    private let fieldInScratch: UnsafeMutablePointer<Bool>
    private let fieldLine: UnsafeMutablePointer<Int>
    private let ids: UnsafeMutablePointer<Int32>
    private let rejectsBlankKeys: Bool
    /// The context key's needed-field index and header column (0-based), if there is one.
    private let contextField: (role: Int, column: Int)?
    @exclusivity(unchecked) private var scratch = UnsafeGrowableArray<UInt8>(capacity: 4096, padding: 64)

    init(layout: ScanLayout, policy: MalformedRowPolicy, issueLimit: Int,
         maximumRecordLength: Int = StreamingCSVScanner.defaultMaximumRecordLength) {
        self.maximumRecordLength = maximumRecordLength
        self.layout = layout
        self.policy = policy
        self.issueLimit = issueLimit
        interners = layout.keyNames.map { _ in ByteKeyInterner() }
        internerRefs = .allocate(capacity: max(1, interners.count))
        internerRefs.initialize(from: interners.map { Unmanaged.passUnretained($0) }, count: interners.count)
        hasFilters = !layout.filterGroups.isEmpty
        groups = GroupCountTable(width: layout.keyFields.count)
        fieldCount = layout.fieldCount
        slots = .allocate(capacity: layout.roles.count + 1)
        slots.initialize(from: layout.roles.map { $0 < 0 ? layout.neededColumns.count : $0 } + [layout.neededColumns.count],
                         count: layout.roles.count + 1)
        keyCount = layout.keyFields.count
        keyFields = .allocate(capacity: max(1, keyCount))
        keyFields.initialize(from: layout.keyFields, count: keyCount)
        neededCount = layout.neededColumns.count
        let n = neededCount + 1
        fieldStart = .allocate(capacity: n); fieldStart.initialize(repeating: 0, count: n)
        fieldLength = .allocate(capacity: n); fieldLength.initialize(repeating: 0, count: n)
        fieldInScratch = .allocate(capacity: n); fieldInScratch.initialize(repeating: false, count: n)
        fieldLine = .allocate(capacity: n); fieldLine.initialize(repeating: 0, count: n)
        ids = .allocate(capacity: max(1, keyCount)); ids.initialize(repeating: 0, count: max(1, keyCount))
        rejectsBlankKeys = layout.rejectsBlankKeys
        contextField = layout.contextKey.map { key in
            let role = layout.keyFields[key]
            return (role, layout.neededColumns[role])
        }
    }

    deinit {
        slots.deallocate(); keyFields.deallocate(); internerRefs.deallocate()
        fieldStart.deallocate(); fieldLength.deallocate(); fieldInScratch.deallocate(); fieldLine.deallocate()
        ids.deallocate()
    }

    /// Parses records beginning at `start` until the first record start at or after `limit`.
    ///
    /// - Parameters:
    ///   - data: The block; at least 64 readable bytes follow `data[count - 1]`.
    ///   - count: Bytes of data in the block.
    ///   - start: Where the first record begins (or is guessed to).
    ///   - limit: Records that begin before this offset belong to the piece.
    ///   - atEndOfFile: Whether `data[count - 1]` is the last byte of the file.
    ///   - blockPosition: The file offset of `data[0]`, for first-appearance order.
    func parse(_ data: UnsafePointer<UInt8>, count n: Int, start: Int, limit: Int, atEndOfFile: Bool,
               blockPosition: Int) -> PieceResult {
        var result = PieceResult(start: start)
        var window = SpecialByteWindow(data, count: n)
        var pos = start
        var lines = 0
        let slots = self.slots
        let fieldCount = self.fieldCount
        let stopping = policy == .stop

        recordLoop: while pos < limit {
            let recordStart = pos
            let recordLine = lines
            let first = data[pos]
            if first == Byte.lf { pos &+= 1; lines &+= 1; continue }
            if first == Byte.cr {
                if pos &+ 1 < n {
                    pos += data[pos &+ 1] == Byte.lf ? 2 : 1
                } else if atEndOfFile {
                    pos &+= 1
                } else {
                    return incomplete(&result, at: recordStart, lines: recordLine)
                }
                lines &+= 1
                continue
            }

            var field = 0
            var issue: PieceIssue?
            var resynchronise = false
            fieldLoop: while true {
                var contentStart = pos
                var contentEnd = pos
                var unescape = false
                if pos < n && data[pos] == Byte.quote {
                    // Quoted field: runs to a quote not followed by another quote.
                    let openLine = lines
                    var q = pos &+ 1
                    var closed = false
                    while true {
                        q = window.next(from: q)
                        if q == n { break }
                        let b = data[q]
                        if b != Byte.quote {                    // comma, CR or another candidate
                            if b == Byte.lf { lines &+= 1 }
                            q &+= 1
                            continue
                        }
                        if q &+ 1 == n {
                            if atEndOfFile { closed = true }
                            break
                        }
                        if data[q &+ 1] == Byte.quote { unescape = true; q &+= 2; continue }
                        closed = true
                        break
                    }
                    if !closed {
                        if !atEndOfFile { return incomplete(&result, at: recordStart, lines: recordLine) }
                        // The quote is never closed: the record runs to the end of the file.
                        let lastLine = n > 0 && data[n - 1] == Byte.lf ? lines - 1 : lines
                        let problem = PieceIssue(line: openLine, column: field &+ 1, kind: .unterminatedQuote(lastLine: lastLine))
                        if stopping { return fatal(&result, withContext(problem, data, reached: field)) }
                        issue = issue ?? problem
                        resynchronise = true
                        pos = n
                        break fieldLoop
                    }
                    contentStart = pos &+ 1
                    contentEnd = q
                    pos = q &+ 1
                    if pos < n {
                        let b = data[pos]
                        if b != Byte.comma && b != Byte.lf && b != Byte.cr {
                            // A quoted field that closed on a later line and is followed by text
                            // is most often a stray opening quote: reported where it opened.
                            let problem = lines != openLine
                                ? PieceIssue(line: openLine, column: field &+ 1, kind: .quoteRunsOn(closingLine: lines))
                                : PieceIssue(line: lines, column: field &+ 1, kind: .textAfterClosingQuote)
                            if stopping { return fatal(&result, withContext(problem, data, reached: field)) }
                            issue = issue ?? problem
                            while pos < n {
                                let c = data[pos]
                                if c == Byte.comma || c == Byte.lf || c == Byte.cr { break }
                                pos &+= 1
                            }
                            if pos == n && !atEndOfFile { return incomplete(&result, at: recordStart, lines: recordLine) }
                        }
                    }
                } else {
                    var q = window.next(from: pos)
                    while q < n {
                        let b = data[q]
                        if Byte.isTerminator(b) { break }
                        if b == Byte.quote {
                            let problem = PieceIssue(line: lines, column: field &+ 1, kind: .quoteInUnquotedField)
                            if stopping { return fatal(&result, withContext(problem, data, reached: field)) }
                            issue = issue ?? problem
                        }
                        q = window.next(from: q &+ 1)       // not structural: a candidate only
                    }
                    if q == n && !atEndOfFile { return incomplete(&result, at: recordStart, lines: recordLine) }
                    contentStart = pos
                    contentEnd = q
                    pos = q
                }

                if field < fieldCount {
                    let role = slots[field]
                    if role < neededCount {
                        if unescape {
                            storeUnescaped(data, from: contentStart, to: contentEnd, role: role)
                        } else {
                            fieldStart[role] = contentStart
                            fieldLength[role] = contentEnd &- contentStart
                            fieldInScratch[role] = false
                        }
                        fieldLine[role] = lines
                    }
                }

                // pos is at the field's terminator (or the end of the data).
                if pos == n { break fieldLoop }
                let terminator = data[pos]
                if terminator == Byte.comma {
                    field &+= 1
                    pos &+= 1
                    continue fieldLoop
                }
                if terminator == Byte.cr {
                    if pos &+ 1 < n {
                        pos += data[pos &+ 1] == Byte.lf ? 2 : 1
                    } else if atEndOfFile {
                        pos &+= 1
                    } else {
                        return incomplete(&result, at: recordStart, lines: recordLine)
                    }
                } else {
                    pos &+= 1
                }
                lines &+= 1
                break fieldLoop
            }

            result.tally.records &+= 1
            if pos &- recordStart > maximumRecordLength {
                // Over the length limit, whatever block size the record happened to fit in.
                let problem = PieceIssue(line: recordLine, column: nil, kind: .recordTooLong(limit: maximumRecordLength))
                if stopping { return fatal(&result, withContext(problem, data, reached: field)) }
                issue = problem
                resynchronise = true
            }
            if var problem = issue, resynchronise || lines &- recordLine > 1 {
                // A malformed row that ran over several physical lines (a stray quote) costs one
                // line only: skip its first line and read on from the next, so that no good row
                // is swallowed (rows read + skipped = lines).
                pos = Self.nextLineStart(data, count: n, after: recordStart)
                lines = recordLine &+ 1
                problem.line = recordLine
                issue = problem
            }
            let found = field &+ 1
            if issue == nil && found != fieldCount {
                let problem = PieceIssue(line: recordLine, column: min(found, fieldCount) + 1,
                                         kind: .wrongFieldCount(found: found, expected: fieldCount))
                if stopping { return fatal(&result, withContext(problem, data, reached: found)) }
                issue = problem
            }
            if issue == nil {
                if passesFilters(data) {
                    issue = count(data, position: blockPosition + recordStart)
                    if issue == nil {
                        result.tally.counted &+= 1
                    } else if stopping, let problem = issue {
                        return fatal(&result, problem)
                    }
                } else {
                    result.tally.excluded &+= 1
                }
            }
            if let issue {
                result.tally.skipped &+= 1
                if result.issues.count < issueLimit {
                    result.issues.append(issue.context == nil ? withContext(issue, data, reached: field) : issue)
                }
            }
            if scratch.count != 0 { scratch.setCount(0) }
        }
        result.end = pos
        result.lines = lines
        return result
    }

    /// The offset just after the first line break (LF, CR or CR LF) at or after `start`, or
    /// `count` when there is none.
    static func nextLineStart(_ data: UnsafePointer<UInt8>, count n: Int, after start: Int) -> Int {
        var i = start
        while i < n {
            let b = data[i]
            if b == Byte.lf { return i + 1 }
            if b == Byte.cr { return i + 1 < n && data[i + 1] == Byte.lf ? i + 2 : i + 1 }
            i += 1
        }
        return n
    }

    private func incomplete(_ result: inout PieceResult, at recordStart: Int, lines: Int) -> PieceResult {
        result.incomplete = true
        result.end = recordStart
        result.lines = lines
        return result
    }

    private func fatal(_ result: inout PieceResult, _ issue: PieceIssue) -> PieceResult {
        result.fatal = issue
        return result
    }

    /// The issue with the row's context value (its service), when the context field was read in
    /// this row: its header column is below `reached`, the number of fields read whole.
    private func withContext(_ issue: PieceIssue, _ data: UnsafePointer<UInt8>, reached: Int) -> PieceIssue {
        guard let contextField, contextField.column < reached else { return issue }
        let (bytes, length) = slice(data, contextField.role)
        guard length > 0 else { return issue }
        var copy = issue
        copy.context = String(decoding: UnsafeBufferPointer(start: bytes, count: min(length, 4096)), as: UTF8.self)
        return copy
    }

    private func storeUnescaped(_ data: UnsafePointer<UInt8>, from start: Int, to end: Int, role: Int) {
        let offset = scratch.count
        scratch.reserve(offset + (end - start))
        var out = offset
        var i = start
        while i < end {
            let b = data[i]
            scratch[out] = b
            out += 1
            i += b == Byte.quote ? 2 : 1
        }
        scratch.setCount(out)
        fieldStart[role] = offset
        fieldLength[role] = out - offset
        fieldInScratch[role] = true
    }

    /// The needed field's bytes without surrounding spaces and tabs.
    @inline(__always)
    private func slice(_ data: UnsafePointer<UInt8>, _ role: Int) -> (UnsafePointer<UInt8>, Int) {
        var start = fieldInScratch[role] ? UnsafePointer(scratch.base) + fieldStart[role] : data + fieldStart[role]
        var length = fieldLength[role]
        while length > 0 && (start[0] == Byte.space || start[0] == Byte.tab) { start += 1; length &-= 1 }
        while length > 0 && (start[length &- 1] == Byte.space || start[length &- 1] == Byte.tab) { length &-= 1 }
        return (start, length)
    }

    @inline(__always)
    private func passesFilters(_ data: UnsafePointer<UInt8>) -> Bool {
        hasFilters ? passesFilterGroups(data) : true
    }

    private func passesFilterGroups(_ data: UnsafePointer<UInt8>) -> Bool {
        for group in layout.filterGroups {
            let (bytes, length) = slice(data, group.field)
            var any = false
            for value in group.values where value.count == length {
                if value.withUnsafeBufferPointer({ $0.elementsEqual(UnsafeBufferPointer(start: bytes, count: length)) }) {
                    any = true
                    break
                }
            }
            if !any { return false }
        }
        return true
    }

    /// Interns the row's key values and counts the row under its key; returns
    /// the problem if a key value is not valid UTF-8.
    @inline(__always)
    private func count(_ data: UnsafePointer<UInt8>, position: Int) -> PieceIssue? {
        for k in 0..<keyCount {
            let role = keyFields[k]
            let (bytes, length) = slice(data, role)
            if length == 0 && rejectsBlankKeys {
                return withContext(PieceIssue(line: fieldLine[role], column: layout.neededColumns[role] + 1,
                                              kind: .blankKey(keyIndex: k)), data, reached: fieldCount)
            }
            let id = internerRefs[k]._withUnsafeGuaranteedRef { $0.id(of: bytes, length: length) }
            if id < 0 {
                return withContext(PieceIssue(line: fieldLine[role], column: layout.neededColumns[role] + 1,
                                              kind: .invalidUTF8(keyIndex: k)), data, reached: fieldCount)
            }
            ids[k] = id
        }
        groups.increment(groups.entry(ids), position: position)
        return nil
    }
}

/// The bytes CSV structure is made of.
enum Byte {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Whether `b` ends a field (comma, LF or CR), tested with one bit lookup in the constant
    /// 0x4_0000_0009 (bits 0, 3 and 34 for bytes 10, 13 and 44) rather than three comparisons,
    /// which the compiler would otherwise turn into an indirect jump.
    @inline(__always)
    static func isTerminator(_ b: UInt8) -> Bool {
        let d = UInt64(b) &- 10
        return d < 35 && (0x4_0000_0009 as UInt64) >> d & 1 != 0
    }
}
