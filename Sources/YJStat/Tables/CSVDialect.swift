/// How a CSV file was written: its field delimiter and text encoding, as ``CSVReader`` found them.
///
/// Spreadsheets save "CSV" in several dialects: Excel in many European locales separates fields
/// with semicolons, "Text (Tab delimited)" with tabs, and the plain "CSV (Comma delimited)" format
/// writes Windows-1252 rather than UTF-8. The reader detects these and says so in
/// ``CSVTable/notes``; the numbers read are the same as from the comma-separated UTF-8 twin.
public struct CSVDialect: Sendable, Equatable {
    /// The field delimiter.
    public enum Delimiter: String, Sendable, CaseIterable {
        /// `,` (RFC 4180).
        case comma
        /// `;` (Excel in locales that use a decimal comma).
        case semicolon
        /// A tab character (Excel "Text (Tab delimited)").
        case tab

        /// The delimiter byte.
        public var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            }
        }

        /// The delimiter's name in messages ("semicolon-separated").
        public var adjective: String {
            switch self {
            case .comma: "comma-separated"
            case .semicolon: "semicolon-separated"
            case .tab: "tab-separated"
            }
        }
    }

    /// The text encoding.
    public enum Encoding: String, Sendable {
        /// UTF-8, with or without a byte-order mark.
        case utf8 = "UTF-8"
        /// Windows-1252 (a superset of Latin-1's printable characters), as Excel's plain "CSV" saves.
        case windows1252 = "Windows-1252"
    }

    /// The field delimiter.
    public var delimiter: Delimiter
    /// The text encoding the bytes were decoded from.
    public var encoding: Encoding
    /// Whether the file started with a UTF-8 byte-order mark.
    public var hadByteOrderMark: Bool

    /// Creates a dialect.
    public init(delimiter: Delimiter = .comma, encoding: Encoding = .utf8, hadByteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
    }

    /// The delimiter of a header line: the one of comma, semicolon and tab that occurs most often
    /// outside quotes in the first record (comma when none does, or on a tie with comma).
    ///
    /// A header line cannot be ambiguous the way data lines are (`"14,250"` in a semicolon file),
    /// because column names are not numbers; so the header alone decides.
    public static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> Delimiter {
        var counts: [Delimiter: Int] = [.comma: 0, .semicolon: 0, .tab: 0]
        var inQuotes = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    // Blank lines before the header are skipped by the reader; skip them here too.
                    if counts.values.allSatisfy({ $0 == 0 }) && isBlank(bytes, start, index) { index += 1; continue }
                    break
                }
                for delimiter in Delimiter.allCases where byte == delimiter.byte { counts[delimiter, default: 0] += 1 }
            }
            index += 1
        }
        var best = Delimiter.comma
        for delimiter in [Delimiter.semicolon, .tab] where counts[delimiter, default: 0] > counts[best, default: 0] {
            best = delimiter
        }
        return best
    }

    private static func isBlank(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        bytes[start..<end].allSatisfy { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }
}

/// Windows-1252 decoding, for CSV files saved by Excel's plain "CSV (Comma delimited)" format.
enum Windows1252 {
    /// The characters of bytes 0x80–0x9F; `nil` marks the five bytes Windows-1252 leaves undefined.
    static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The bytes decoded and re-encoded as UTF-8, or the offset of the first byte that is not
    /// Windows-1252 text (one of the five undefined bytes, or a NUL).
    static func transcodeToUTF8(_ bytes: [UInt8]) -> Result<[UInt8], UndefinedByte> {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for (offset, byte) in bytes.enumerated() {
            if byte == 0 { return .failure(UndefinedByte(offset: offset, byte: byte)) }
            if byte < 0x80 { out.append(byte); continue }
            let scalar: Unicode.Scalar
            if byte < 0xA0 {
                guard let mapped = high[Int(byte - 0x80)] else { return .failure(UndefinedByte(offset: offset, byte: byte)) }
                scalar = mapped
            } else {
                scalar = Unicode.Scalar(byte)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        return .success(out)
    }

    /// A byte with no Windows-1252 character, at a 0-based offset.
    struct UndefinedByte: Error {
        var offset: Int
        var byte: UInt8
    }
}
