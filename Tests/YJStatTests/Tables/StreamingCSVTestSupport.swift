import Foundation
@testable import YJStat

/// A small deterministic generator for test files (the library's ``SplitMix64``).
struct TestRandom {
    var source: SplitMix64
    init(_ seed: UInt64) { source = SplitMix64(seed: seed) }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(source.next() % UInt64(range.count))
    }
    mutating func chance(_ p: Double) -> Bool { source.unit() < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// A random CSV file with everything RFC 4180 allows, and the field values it holds.
struct RandomCSV {
    var bytes: [UInt8]
    var header: [String]
    var records: [[String]]

    /// Values including separators, quotes, line breaks, spaces, non-ASCII text and blanks.
    static let values = ["a", "b", "White", "Black", "", " ", " x ", "x\t", "é", "日本", "a,b", "q\"q", "\"", "line\nbreak",
                         "cr\rinside", "crlf\r\nx", ",", "long value with several words in it"]

    /// Builds a file: a header `c0…c(n-1)`, then records whose fields are quoted when they must
    /// be and sometimes when they need not; LF, CRLF or a mix; an optional byte-order mark,
    /// blank lines and final line break.
    static func make(_ random: inout TestRandom, columns: Int, rows: Int) -> RandomCSV {
        let header = (0..<columns).map { "c\($0)" }
        var out: [UInt8] = []
        if random.chance(0.3) { out += [0xEF, 0xBB, 0xBF] }
        let style = random.int(0...2)   // 0 LF, 1 CRLF, 2 mixed
        func newline(_ random: inout TestRandom) -> [UInt8] {
            switch style {
            case 0: return [10]
            case 1: return [13, 10]
            default: return random.chance(0.5) ? [10] : [13, 10]
            }
        }
        out += Array(header.joined(separator: ",").utf8) + newline(&random)
        var records: [[String]] = []
        for r in 0..<rows {
            let fields = (0..<columns).map { _ in random.pick(values) }
            records.append(fields)
            var line: [UInt8] = []
            for (i, field) in fields.enumerated() {
                if i > 0 { line.append(44) }
                let mustQuote = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                if mustQuote || random.chance(0.2) {
                    line += [34] + Array(field.replacingOccurrences(of: "\"", with: "\"\"").utf8) + [34]
                } else {
                    line += Array(field.utf8)
                }
            }
            out += line
            if r < rows - 1 || random.chance(0.6) { out += newline(&random) }
            if r < rows - 1 && random.chance(0.05) { out += newline(&random) }
        }
        return RandomCSV(bytes: out, header: header, records: records)
    }
}

/// The reference: split into records with the in-memory CSVReader (every record, including the
/// all-blank rows its table reader skips, as the scanner counts them), keep rows passing the
/// filters, count by key. Values are compared as the scanner documents: spaces and tabs around a
/// value are ignored.
func referenceCounts(_ bytes: [UInt8], keys: [String], filters: [ColumnFilter] = []) throws -> (counts: [[String]: Int], read: Int, excluded: Int) {
    let records = try CSVReader.records(in: Data(bytes), source: "reference.csv")
    guard let first = records.first else { throw InputError(file: "reference.csv", message: "empty file") }
    let table = try CSVTable(source: "reference.csv", header: first.fields.map { $0.trimmingCharacters(in: .whitespaces) },
                             records: Array(records.dropFirst()))
    func trimmed(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }
    var counts: [[String]: Int] = [:]
    var excluded = 0
    for row in table.rows {
        var keep = true
        for column in Set(filters.map(\.column)) {
            let wanted = filters.filter { $0.column == column }.map(\.value)
            let value = trimmed(row.fields[try columnIndexOrThrow(table, column)])
            if !wanted.contains(value) { keep = false }
        }
        if !keep { excluded += 1; continue }
        let key = try keys.map { trimmed(row.fields[try columnIndexOrThrow(table, $0)]) }
        counts[key, default: 0] += 1
    }
    return (counts, table.rows.count, excluded)
}

private func columnIndexOrThrow(_ table: CSVTable, _ column: String) throws -> Int {
    guard let index = table.columnIndex(column) else { throw InputError(file: "reference", message: "no column \(column)") }
    return index
}

extension StreamingCSVScanner {
    /// A scanner cutting blocks into pieces of any size, so tiny blocks exercise the parallel path.
    static func forTesting(keys: [String], filters: [ColumnFilter] = [], onError: MalformedRowPolicy = .stop,
                           blockSize: Int, threads: Int) -> StreamingCSVScanner {
        var scanner = StreamingCSVScanner(keyColumns: keys, filters: filters, onError: onError, blockSize: blockSize,
                                          threads: threads)
        scanner.minimumRegionSize = 1
        return scanner
    }
}
