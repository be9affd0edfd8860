/// The header row of a streamed CSV file, read before the parallel scan starts.
struct StreamingCSVHeader {
    /// Column names, with spaces and tabs around them removed.
    var names: [String]
    /// The 1-based line the header starts on.
    var line: Int
    /// Offset just past the header's line break.
    var end: Int
    /// Line breaks from the scan start to `end`.
    var lines: Int

    /// The outcome of looking for the header in the first bytes of a file.
    enum Scan {
        /// The header runs past the bytes read so far.
        case needMoreData
        /// The file holds no record at all.
        case emptyFile
        /// The header.
        case found(StreamingCSVHeader)
    }

    /// Reads the first record of `data[start..<count]`, skipping blank lines, strictly: any
    /// quoting problem is an error.
    ///
    /// - Throws: ``InputError`` naming `source`, the line and the column.
    static func scan(_ data: UnsafePointer<UInt8>, count n: Int, start: Int, atEndOfFile: Bool,
                     source: String) throws -> Scan {
        var pos = start
        var lines = 0
        while pos < n && (data[pos] == Byte.lf || data[pos] == Byte.cr) {
            if data[pos] == Byte.cr && pos + 1 == n && !atEndOfFile { return .needMoreData }
            if data[pos] == Byte.cr && pos + 1 < n && data[pos + 1] == Byte.lf { pos += 1 }
            pos += 1
            lines += 1
        }
        if pos == n { return atEndOfFile ? .emptyFile : .needMoreData }
        let headerLine = lines + 1
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        func fail(_ message: String) -> InputError {
            InputError(file: source, line: lines + 1, column: fields.count + 1, message: message)
        }
        while true {
            if pos < n && data[pos] == Byte.quote {
                let openLine = lines + 1, openColumn = fields.count + 1
                pos += 1
                var closed = false
                while pos < n {
                    let b = data[pos]
                    if b == Byte.quote {
                        if pos + 1 == n && !atEndOfFile { return .needMoreData }
                        if pos + 1 < n && data[pos + 1] == Byte.quote { field.append(b); pos += 2; continue }
                        closed = true
                        pos += 1
                        break
                    }
                    if b == Byte.lf { lines += 1 }
                    field.append(b)
                    pos += 1
                }
                if !closed {
                    if !atEndOfFile { return .needMoreData }
                    throw InputError(file: source, line: openLine, column: openColumn,
                                     message: "unterminated quoted field in the header")
                }
                if pos < n, data[pos] != Byte.comma, data[pos] != Byte.lf, data[pos] != Byte.cr {
                    throw fail("unexpected text after closing quote in the header")
                }
            } else {
                while pos < n && data[pos] != Byte.comma && data[pos] != Byte.lf && data[pos] != Byte.cr {
                    if data[pos] == Byte.quote {
                        throw fail("quote inside an unquoted field in the header (quote the whole field and double inner quotes)")
                    }
                    field.append(data[pos])
                    pos += 1
                }
            }
            if pos == n && !atEndOfFile { return .needMoreData }
            fields.append(field)
            field = []
            if pos == n { break }
            let terminator = data[pos]
            pos += 1
            if terminator == Byte.comma { continue }
            if terminator == Byte.cr {
                if pos == n && !atEndOfFile { return .needMoreData }
                if pos < n && data[pos] == Byte.lf { pos += 1 }
            }
            lines += 1
            break
        }
        var names: [String] = []
        for (index, bytes) in fields.enumerated() {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(file: source, line: headerLine, column: index + 1, message: "column name is not valid UTF-8 text")
            }
            names.append(text.trimmingASCIIBlanks())
        }
        return .found(StreamingCSVHeader(names: names, line: headerLine, end: pos, lines: lines))
    }
}
