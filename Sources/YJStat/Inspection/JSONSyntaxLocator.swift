/// Finds where JSON text first breaks the grammar (RFC 8259), as a 1-based line and column,
/// so that a framework file with a syntax error is reported at `file:line:column` (Foundation's
/// decoder says only that the data is not valid JSON).
///
/// A small recursive-descent validator: values, objects, arrays, strings with escapes, numbers,
/// `true`/`false`/`null`, nesting up to ``maximumDepth``. Besides the grammar it rejects a
/// member name given twice in one object: RFC 8259 leaves the meaning open and Foundation's
/// decoder silently keeps one of the values, so a framework file that says a thing twice would
/// lose one of them without a word. It can also find where a value sits, by its path
/// (``location(of:in:)``), so that a consistency error found after decoding is located too.
enum JSONSyntaxLocator {
    /// Deeper nesting than this is reported as an error (no real framework file comes close).
    static let maximumDepth = 512

    /// One step of a path to a value: an object member or an array element (0-based).
    enum PathComponent: Equatable, Sendable {
        case member(String)
        case element(Int)
    }

    /// The first syntax error or repeated member name: its line, column (counted in bytes)
    /// and a description; nil when the text is valid JSON with distinct member names.
    static func firstError(in bytes: [UInt8]) -> (line: Int, column: Int, message: String)? {
        var parser = Parser(bytes: bytes)
        do {
            try parser.document()
            return nil
        } catch let failure as Failure {
            let (line, column) = lineAndColumn(of: failure.position ?? parser.position, in: bytes)
            return (line, column, failure.message)
        } catch {
            return (1, 1, "not valid JSON")
        }
    }

    /// Where the value at `path` starts (its first byte), as a 1-based line and column; nil when
    /// the text has no such value or is not valid JSON.
    static func location(of path: [PathComponent], in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var parser = Parser(bytes: bytes)
        parser.target = path
        guard (try? parser.document()) != nil, let found = parser.found else { return nil }
        return lineAndColumn(of: found, in: bytes)
    }

    private static func lineAndColumn(of position: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private struct Failure: Error {
        let message: String
        /// Where to report it, when not where the parser stopped.
        var position: Int? = nil
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0
        /// The path of the value being parsed.
        var path: [PathComponent] = []
        /// The value to find, and where it starts once found.
        var target: [PathComponent]?
        var found: Int?

        mutating func document() throws {
            skipSpace()
            try value(depth: 0)
            skipSpace()
            if position < bytes.count { throw Failure(message: "unexpected text after the JSON value") }
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func expect(_ character: Character) throws {
            guard peek() == character.asciiValue else {
                throw Failure(message: peek() == nil ? "unexpected end of file, expected '\(character)'" : "expected '\(character)'")
            }
            position += 1
        }

        mutating func value(depth: Int) throws {
            guard depth < JSONSyntaxLocator.maximumDepth else { throw Failure(message: "nesting too deep") }
            guard let byte = peek() else { throw Failure(message: "unexpected end of file, expected a value") }
            if found == nil, let target, target == path { found = position }
            switch byte {
            case UInt8(ascii: "{"):
                position += 1; skipSpace()
                if peek() == UInt8(ascii: "}") { position += 1; return }
                var names: [String: Int] = [:]
                while true {
                    skipSpace()
                    guard peek() == UInt8(ascii: "\"") else { throw Failure(message: "expected a quoted member name") }
                    let nameStart = position
                    let name = try string()
                    if let first = names[name] {
                        let (line, column) = JSONSyntaxLocator.lineAndColumn(of: first, in: bytes)
                        throw Failure(message: "member '\(name)' appears twice in one object (first at line \(line), column \(column)); JSON readers would silently keep only one of the two values",
                                      position: nameStart)
                    }
                    names[name] = nameStart
                    skipSpace(); try expect(":"); skipSpace()
                    path.append(.member(name))
                    try value(depth: depth + 1)
                    path.removeLast()
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    try expect("}")
                    return
                }
            case UInt8(ascii: "["):
                position += 1; skipSpace()
                if peek() == UInt8(ascii: "]") { position += 1; return }
                var index = 0
                while true {
                    skipSpace()
                    path.append(.element(index))
                    try value(depth: depth + 1)
                    path.removeLast()
                    index += 1
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    try expect("]")
                    return
                }
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try word("true")
            case UInt8(ascii: "f"): try word("false")
            case UInt8(ascii: "n"): try word("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw Failure(message: "unexpected character, expected a value")
            }
        }

        mutating func word(_ text: String) throws {
            for expected in text.utf8 {
                guard peek() == expected else { throw Failure(message: "expected '\(text)'") }
                position += 1
            }
        }

        mutating func digits() throws {
            guard let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw Failure(message: "expected a digit")
            }
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        }

        mutating func number() throws {
            if peek() == UInt8(ascii: "-") { position += 1 }
            try digits()
            if peek() == UInt8(ascii: ".") { position += 1; try digits() }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                position += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
                try digits()
            }
        }

        /// Reads a string and returns its text, escapes decoded (a lone surrogate becomes U+FFFD).
        mutating func string() throws -> String {
            position += 1
            var text: [UInt8] = []
            var pendingHigh: UInt32?
            func append(_ scalar: UInt32) {
                if let high = pendingHigh {
                    pendingHigh = nil
                    if (0xDC00...0xDFFF).contains(scalar) {
                        text.append(contentsOf: String(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00)) ?? "\u{FFFD}").utf8)
                        return
                    }
                    text.append(contentsOf: "\u{FFFD}".utf8)
                }
                if (0xD800...0xDBFF).contains(scalar) { pendingHigh = scalar; return }
                text.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            }
            while let byte = peek() {
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    if pendingHigh != nil { text.append(contentsOf: "\u{FFFD}".utf8) }
                    return String(decoding: text, as: UTF8.self)
                }
                if byte < 0x20 { throw Failure(message: "control character inside a string") }
                if byte == UInt8(ascii: "\\") {
                    position += 1
                    guard let escaped = peek() else { break }
                    if escaped == UInt8(ascii: "u") {
                        var value: UInt32 = 0
                        for _ in 0..<4 {
                            position += 1
                            guard let hex = peek(), let digit = UInt32(String(UnicodeScalar(hex)), radix: 16) else {
                                throw Failure(message: "expected four hexadecimal digits after \\u")
                            }
                            value = value * 16 + digit
                        }
                        append(value)
                    } else if let plain = JSONSyntaxLocator.escapes[escaped] {
                        append(UInt32(plain))
                    } else {
                        throw Failure(message: "unknown escape in a string")
                    }
                } else {
                    if pendingHigh != nil { pendingHigh = nil; text.append(contentsOf: "\u{FFFD}".utf8) }
                    text.append(byte)
                }
                position += 1
            }
            throw Failure(message: "unterminated string")
        }
    }

    /// The byte each one-character escape stands for.
    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
}
