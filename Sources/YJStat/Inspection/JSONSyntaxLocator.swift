/// Finds where JSON text first breaks the grammar (RFC 8259), as a 1-based line and column,
/// so that a framework file with a syntax error is reported at `file:line:column` (Foundation's
/// decoder says only that the data is not valid JSON).
///
/// A small recursive-descent validator: values, objects, arrays, strings with escapes, numbers,
/// `true`/`false`/`null`, nesting up to ``maximumDepth``. It checks syntax only.
enum JSONSyntaxLocator {
    /// Deeper nesting than this is reported as an error (no real framework file comes close).
    static let maximumDepth = 512

    /// The first syntax error: its line, column (counted in bytes) and a description; nil
    /// when the text is valid JSON.
    static func firstError(in bytes: [UInt8]) -> (line: Int, column: Int, message: String)? {
        var parser = Parser(bytes: bytes)
        do {
            parser.skipSpace()
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.position < bytes.count { throw Failure(message: "unexpected text after the JSON value") }
            return nil
        } catch let failure as Failure {
            var line = 1, column = 1
            for byte in bytes[..<min(parser.position, bytes.count)] {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            return (line, column, failure.message)
        } catch {
            return (1, 1, "not valid JSON")
        }
    }

    private struct Failure: Error { let message: String }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

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
            switch byte {
            case UInt8(ascii: "{"):
                position += 1; skipSpace()
                if peek() == UInt8(ascii: "}") { position += 1; return }
                while true {
                    skipSpace()
                    guard peek() == UInt8(ascii: "\"") else { throw Failure(message: "expected a quoted member name") }
                    try string()
                    skipSpace(); try expect(":"); skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    try expect("}")
                    return
                }
            case UInt8(ascii: "["):
                position += 1; skipSpace()
                if peek() == UInt8(ascii: "]") { position += 1; return }
                while true {
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    try expect("]")
                    return
                }
            case UInt8(ascii: "\""): try string()
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

        mutating func string() throws {
            position += 1
            while let byte = peek() {
                if byte == UInt8(ascii: "\"") { position += 1; return }
                if byte < 0x20 { throw Failure(message: "control character inside a string") }
                if byte == UInt8(ascii: "\\") {
                    position += 1
                    guard let escaped = peek() else { break }
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            position += 1
                            guard let hex = peek(), (hex >= 0x30 && hex <= 0x39) || (hex | 0x20 >= 0x61 && hex | 0x20 <= 0x66) else {
                                throw Failure(message: "expected four hexadecimal digits after \\u")
                            }
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        throw Failure(message: "unknown escape in a string")
                    }
                }
                position += 1
            }
            throw Failure(message: "unterminated string")
        }
    }
}
