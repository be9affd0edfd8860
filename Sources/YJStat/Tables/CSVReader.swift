import Foundation

/// Reads comma-separated values as defined by RFC 4180, strictly.
///
/// Handles quoted fields, doubled quotes inside quotes (`"a ""b"""`), line breaks inside quoted
/// fields, CRLF or LF line ends (mixed is fine), a UTF-8 byte-order mark, and a final line with or
/// without a line break. The first record is the header. Problems are errors, never repairs:
/// a row with more or fewer fields than the header, a quote inside an unquoted field, text after
/// a closing quote, an unterminated quote, bytes that are not UTF-8, or an empty file each throw an
/// ``InputError`` naming the file, line and column. Blank lines (a line break alone) between
/// records are skipped.
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
    /// Reads and parses a CSV file; the file's last path component names it in errors.
    public static func read(contentsOf url: URL) throws -> CSVTable {
        let name = url.lastPathComponent
        let data = try InputFiles.read(url)
        return try parse(data: data, source: name)
    }

    /// Parses CSV text.
    public static func parse(_ text: String, source: String) throws -> CSVTable {
        try parse(data: Data(text.utf8), source: source)
    }

    /// Parses CSV bytes, which must be UTF-8 (with or without a byte-order mark).
    public static func parse(data: Data, source: String) throws -> CSVTable {
        let records = try records(in: data, source: source)
        guard let first = records.first else {
            throw InputError(file: source, line: 1, message: "empty file: expected a header row")
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var body: [(line: Int, fields: [String])] = []
        body.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            if record.fields.count != header.count {
                let column = min(record.fields.count, header.count) + 1
                throw InputError(file: source, line: record.line, column: column,
                                 message: "expected \(header.count) fields as in the header, found \(record.fields.count)")
            }
            body.append(record)
        }
        return try CSVTable(source: source, header: header, records: body, headerLine: first.line)
    }

    /// Splits bytes into records of fields without interpreting a header.
    public static func records(in data: Data, source: String) throws -> [(line: Int, fields: [String])] {
        let bytes = [UInt8](data)
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

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
            if byte == quote && field.isEmpty && isAtFieldStart(bytes, index, lineStart) {
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

    private static func isAtFieldStart(_ bytes: [UInt8], _ index: Int, _ lineStart: Int) -> Bool {
        index == lineStart || bytes[index - 1] == UInt8(ascii: ",")
    }
}
