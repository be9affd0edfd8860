import Foundation

/// Reads comma-separated values as defined by RFC 4180, strictly, in the dialects spreadsheets save.
///
/// Handles quoted fields, doubled quotes inside quotes (`"a ""b"""`), line breaks inside quoted
/// fields, CRLF or LF line ends (mixed is fine), a UTF-8 byte-order mark, and a final line with or
/// without a line break. The first record is the header.
///
/// Spreadsheet dialects (``CSVDialect``) are detected and named in ``CSVTable/notes``:
///
/// - the delimiter — comma, semicolon (Excel in many European locales) or tab — is the one the
///   header line uses most (outside quotes);
/// - text that is not UTF-8 but is valid Windows-1252 (Excel's plain "CSV" format, which also
///   covers Latin-1's printable characters) is decoded as Windows-1252, with a note naming the file
///   and the encoding. UTF-16 text, a NUL byte, a byte Windows-1252 leaves undefined, or a file that
///   mixes UTF-8 and other bytes stops with a message that says how to save as "CSV UTF-8";
/// - rows whose cells are all empty (Excel's trailing `,,,,,,` rows) are skipped and counted in a
///   note, as are blank lines.
///
/// Other problems are errors, never repairs: a row with more or fewer fields than the header, a
/// quote inside an unquoted field, text after a closing quote, an unterminated quote, or an empty
/// file each throw an ``InputError`` naming the file, line and column.
///
/// ```swift
/// let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: "counts.csv"))
/// for row in table.rows {
///     let count = try row.int("count")   // "counts.csv:14:3: expected a whole number, found '12a'"
/// }
/// ```
///
/// - Complexity: O(*n*) in the size of the input.
public enum CSVReader {
    /// The advice every encoding error ends with.
    public static let saveAsUTF8Advice = "in Excel use File > Save As and choose 'CSV UTF-8 (Comma delimited) (*.csv)'"

    /// Reads and parses a CSV file; the file's last path component names it in errors.
    public static func read(contentsOf url: URL) throws -> CSVTable {
        let name = url.lastPathComponent
        let data = try InputFiles.read(url)
        return try parse(data: data, source: name)
    }

    /// The header row of a (possibly very large) file, read from its first 64 KiB, with the
    /// dialect detected as ``parse(data:source:)`` does.
    ///
    /// - Throws: ``InputError`` naming the file when it cannot be read or has no header.
    public static func header(ofFileAt url: URL) throws -> [String] {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw InputError(file: url.path, message: "cannot read file (\(FileManager.default.fileExists(atPath: url.path) ? "not readable" : "no such file"))")
        }
        defer { try? handle.close() }
        var bytes = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == UInt8(ascii: "\n") || bytes[start] == UInt8(ascii: "\r") { start += 1 }
        if let end = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            bytes = Array(bytes[..<end])
        }
        let records = try records(in: Data(bytes), source: url.lastPathComponent)
        guard let first = records.first else {
            throw InputError(file: url.lastPathComponent, line: 1, message: "empty file: expected a header row")
        }
        return first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Parses CSV text.
    public static func parse(_ text: String, source: String) throws -> CSVTable {
        try parse(data: Data(text.utf8), source: source)
    }

    /// Parses CSV bytes in any dialect the type's description lists.
    public static func parse(data: Data, source: String) throws -> CSVTable {
        let (bytes, dialect) = try decode([UInt8](data), source: source)
        let records = try records(bytes: bytes, delimiter: dialect.delimiter, source: source)
        guard let first = records.first else {
            throw InputError(file: source, line: 1, message: "empty file: expected a header row")
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var body: [(line: Int, fields: [String])] = []
        body.reserveCapacity(records.count - 1)
        var emptyLines: [Int] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                emptyLines.append(record.line)
                continue
            }
            if record.fields.count != header.count {
                let column = min(record.fields.count, header.count) + 1
                throw InputError(file: source, line: record.line, column: column,
                                 message: "expected \(header.count) fields as in the header, found \(record.fields.count)"
                                     + (dialect.delimiter == .comma ? "" : " (fields separated by \(dialect.delimiter.rawValue)s, as in the header)"))
            }
            body.append(record)
        }
        var table = try CSVTable(source: source, header: header, records: body, headerLine: first.line)
        table.dialect = dialect
        if dialect.delimiter != .comma {
            table.notes.append("\(source): read as \(dialect.delimiter.adjective) (detected from the header line)")
        }
        if dialect.encoding != .utf8 {
            table.notes.append("\(source): not UTF-8 text; read as \(dialect.encoding.rawValue) (Excel's plain 'CSV' format). "
                               + "Check names with accents; to avoid this note, \(saveAsUTF8Advice)")
        }
        if !emptyLines.isEmpty {
            table.notes.append("\(source): skipped \(emptyLines.count) empty \(emptyLines.count == 1 ? "row" : "rows") (every cell blank) on \(describeLines(emptyLines))")
        }
        return table
    }

    /// The bytes as UTF-8 without a byte-order mark, and the dialect they were written in.
    ///
    /// - Throws: ``InputError`` for UTF-16 text, NUL bytes, a byte that is neither UTF-8 nor
    ///   Windows-1252, or a mix of UTF-8 and Windows-1252 text.
    static func decode(_ input: [UInt8], source: String) throws -> ([UInt8], CSVDialect) {
        var bytes = input
        var dialect = CSVDialect()
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(file: source, line: 1, column: 1,
                             message: "the file is UTF-16 text (Excel's 'Unicode Text'), not CSV; \(saveAsUTF8Advice)")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            dialect.hadByteOrderMark = true
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            throw InputError(file: source, line: line, column: column,
                             message: "the file contains a NUL byte: it is not a text CSV file (UTF-16 or a spreadsheet?); \(saveAsUTF8Advice)")
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            let repaired = String(decoding: bytes, as: UTF8.self)
            let firstBad = firstInvalidUTF8Offset(bytes) ?? 0
            if repaired.unicodeScalars.contains(where: { !$0.isASCII && $0 != "\u{FFFD}" }) {
                let (line, column) = position(of: firstBad, in: bytes)
                throw InputError(file: source, line: line, column: column,
                                 message: "the file is partly UTF-8 and partly another encoding; \(saveAsUTF8Advice)")
            }
            switch Windows1252.transcodeToUTF8(bytes) {
            case .success(let utf8):
                bytes = utf8
                dialect.encoding = .windows1252
            case .failure(let undefined):
                let (line, column) = position(of: undefined.offset, in: bytes)
                let hex = String(undefined.byte, radix: 16, uppercase: true)
                throw InputError(file: source, line: line, column: column,
                                 message: "byte 0x\(hex) is neither UTF-8 nor Windows-1252 text; \(saveAsUTF8Advice)")
            }
        }
        dialect.delimiter = CSVDialect.detectDelimiter(bytes, from: 0)
        return (bytes, dialect)
    }

    /// The 0-based offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else { return index }
            index += length
        }
        return nil
    }

    /// The 1-based line and field of a byte offset (fields counted by any delimiter byte, which
    /// is exact outside quoted fields).
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        let delimiter = CSVDialect.detectDelimiter(bytes, from: 0).byte
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte == delimiter { column += 1 }
        }
        return (line, column)
    }

    /// "line 12" or "lines 12–14" or "lines 3, 8, 12–14".
    static func describeLines(_ lines: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for line in lines {
            if let last = runs.last, last.1 == line - 1 { runs[runs.count - 1].1 = line } else { runs.append((line, line)) }
        }
        let text = runs.prefix(6).map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }.joined(separator: ", ")
        return (lines.count == 1 ? "line " : "lines ") + text + (runs.count > 6 ? ", …" : "")
    }

    /// Splits bytes into records of fields without interpreting a header, detecting the delimiter
    /// from the first line (see ``CSVDialect/detectDelimiter(_:from:)``).
    public static func records(in data: Data, source: String) throws -> [(line: Int, fields: [String])] {
        let (bytes, dialect) = try decode([UInt8](data), source: source)
        return try records(bytes: bytes, delimiter: dialect.delimiter, source: source)
    }

    /// Splits bytes into records of fields without interpreting a header.
    /// Splits UTF-8 bytes (no byte-order mark) into records, fields separated by `delimiter`.
    static func records(bytes: [UInt8], delimiter: CSVDialect.Delimiter, source: String) throws -> [(line: Int, fields: [String])] {
        var index = 0
        let quote = UInt8(ascii: "\""), comma = delimiter.byte, cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var fieldStarted = false      // any byte of the current record seen
        var lineStart = index         // byte offset of the current line (for error columns)

        func finishField() throws {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw InputError(file: source, line: line, column: fields.count + 1, message: "field is not valid UTF-8 text")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }
        func finishRecord() {
            records.append((recordLine, fields))
            fields = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote && field.isEmpty && isAtFieldStart(bytes, index, lineStart, comma) {
                // Quoted field.
                let openLine = line, openColumn = fields.count + 1
                fieldStarted = true
                index += 1
                var closed = false
                while index < bytes.count {
                    let b = bytes[index]
                    if b == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            field.append(quote); index += 2; continue
                        }
                        closed = true; index += 1; break
                    }
                    if b == lf { line += 1; lineStart = index + 1 }
                    field.append(b)
                    index += 1
                }
                if !closed {
                    throw InputError(file: source, line: openLine, column: openColumn, message: "unterminated quoted field")
                }
                if index < bytes.count {
                    let next = bytes[index]
                    if next != comma && next != lf && next != cr {
                        // Closed on a later line and followed by text: most often a stray
                        // opening quote, so it is reported where it opened.
                        if line != openLine {
                            throw InputError(file: source, line: openLine, column: openColumn,
                                             message: "quoted field opened here runs on to line \(line) and is followed by text there (a stray quote?)")
                        }
                        throw InputError(file: source, line: line, column: fields.count + 1,
                                         message: "unexpected text after closing quote")
                    }
                }
                continue
            }
            switch byte {
            case comma:
                fieldStarted = true
                try finishField()
                index += 1
            case cr, lf:
                if fieldStarted || !field.isEmpty || !fields.isEmpty {
                    try finishField()
                    finishRecord()
                }
                if byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf { index += 1 }
                index += 1
                line += 1
                lineStart = index
                recordLine = line
                fieldStarted = false
            case quote:
                throw InputError(file: source, line: line, column: fields.count + 1,
                                 message: "quote inside an unquoted field (quote the whole field and double inner quotes)")
            default:
                fieldStarted = true
                field.append(byte)
                index += 1
            }
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
            try finishField()
            finishRecord()
        }
        return records
    }

    private static func isAtFieldStart(_ bytes: [UInt8], _ index: Int, _ lineStart: Int, _ delimiter: UInt8) -> Bool {
        index == lineStart || bytes[index - 1] == delimiter
    }
}
