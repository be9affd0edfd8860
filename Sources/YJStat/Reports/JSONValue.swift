/// A JSON document with object keys kept in insertion order, so outputs are stable and readable.
///
/// Serialisation follows RFC 8259: strings are escaped (control characters as `\uXXXX`),
/// numbers use Swift's shortest round-trip form, non-finite numbers become `null`.
public indirect enum JSONValue: Sendable, Equatable {
    /// An object with ordered keys.
    case object([(String, JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// A real number.
    case number(Double)
    /// A whole number.
    case integer(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(a), .array(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }
}

/// Writes ``JSONValue`` documents as text.
public enum JSONWriter {
    /// Serialises a document, pretty-printed with two-space indents by default, ending in a newline.
    public static func render(_ value: JSONValue, pretty: Bool = true) -> String {
        var out = ""
        write(value, into: &out, indent: 0, pretty: pretty)
        out.append("\n")
        return out
    }

    /// Serialises result rows as a JSON array of objects.
    public static func render(rows: [ResultRow], pretty: Bool = true) -> String {
        render(.array(rows.map(\.jsonObject)), pretty: pretty)
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int, pretty: Bool) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch value {
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{" + newline)
            for (i, (key, member)) in members.enumerated() {
                out.append(pad)
                writeString(key, into: &out)
                out.append(pretty ? ": " : ":")
                write(member, into: &out, indent: indent + 1, pretty: pretty)
                if i < members.count - 1 { out.append(",") }
                out.append(newline)
            }
            out.append(closePad + "}")
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[" + newline)
            for (i, item) in items.enumerated() {
                out.append(pad)
                write(item, into: &out, indent: indent + 1, pretty: pretty)
                if i < items.count - 1 { out.append(",") }
                out.append(newline)
            }
            out.append(closePad + "]")
        case .string(let s): writeString(s, into: &out)
        case .number(let d): out.append(d.isFinite ? CellValue.shortest(d) : "null")
        case .integer(let i): out.append(String(i))
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
