/// One value in a result row, typed so that CSV, JSON and text renderers format it correctly.
public enum CellValue: Sendable, Equatable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A real number; a non-finite value renders as ``measure(_:)`` does in CSV (`inf`, `-inf`,
    /// `NA`) and as `null` in JSON.
    case number(Double)
    /// A yes/no flag.
    case bool(Bool)
    /// No value: the column does not apply to this row. CSV `NA` (never an empty cell, which
    /// could mean anything), JSON `null`.
    case null
    /// A measure that is explicitly not a finite number: CSV `inf`, `-inf` or `NA`; JSON the
    /// strings `"inf"`, `"-inf"` or `"undefined"` (NaN). The row's `status` column says why.
    case measure(Double)

    /// A value hidden by disclosure control: CSV `NA` (the row's `status` says `suppressed`),
    /// JSON the string `"suppressed"`.
    case suppressed

    /// `.number` for a finite value, else ``measure(_:)`` so it prints as `inf`, `-inf` or `NA`.
    public static func explicit(_ value: Double) -> CellValue { value.isFinite ? .number(value) : .measure(value) }

    /// The value as CSV cell text: numbers in shortest round-trip form, booleans as
    /// `true`/`false`, `null` as `NA`, non-finite numbers (``number(_:)`` or ``measure(_:)``)
    /// as `inf`, `-inf` or `NA`. No value renders as an empty cell.
    public var csvText: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return CellValue.measure(d).csvText
        case .bool(let b): return b ? "true" : "false"
        case .null: return "NA"
        case .measure(let d): return d.isFinite ? CellValue.shortest(d) : (d.isNaN ? "NA" : (d > 0 ? "inf" : "-inf"))
        case .suppressed: return "NA"
        }
    }

    /// The value for a JSON document.
    public var jsonValue: JSONValue {
        switch self {
        case .text(let s): return .string(s)
        case .integer(let i): return .integer(i)
        case .number(let d): return d.isFinite ? .number(d) : .null
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .measure(let d): return d.isFinite ? .number(d) : .string(d.isNaN ? "undefined" : (d > 0 ? "inf" : "-inf"))
        case .suppressed: return .string("suppressed")
        }
    }

    /// Shortest decimal text that reads back as exactly `value` (Swift's round-trip printing),
    /// with `-0` printed as `0` and integral values without a trailing `.0`.
    static func shortest(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// A row of named values in a fixed column order; the common currency of the renderers.
public struct ResultRow: Sendable, Equatable {
    /// Column names and values, in output order.
    public var cells: [(name: String, value: CellValue)]

    /// Creates a row from ordered name–value pairs.
    public init(_ cells: [(name: String, value: CellValue)]) { self.cells = cells }

    /// The column names, in order.
    public var names: [String] { cells.map(\.name) }

    /// The value of a column, if present.
    public subscript(name: String) -> CellValue? { cells.first { $0.name == name }?.value }

    public static func == (lhs: ResultRow, rhs: ResultRow) -> Bool {
        lhs.cells.count == rhs.cells.count && zip(lhs.cells, rhs.cells).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// The row as a JSON object with keys in column order.
    public var jsonObject: JSONValue { .object(cells.map { ($0.name, $0.value.jsonValue) }) }
}
