import Foundation
import Testing
@testable import YJStat

@Suite("CSV and JSON writers")
struct WriterTests {
    @Test(arguments: ["=SUM(A1)", "+cmd", "-2+3", "@import", "\tx", "\rx", "=1"])
    func formulaLikeTextIsNeutralised(cell: String) {
        #expect(CSVWriter.neutralised(cell) == "'" + cell)
    }

    @Test(arguments: ["-0.25", "+3", "-1e-5", "12", "text", ""])
    func numbersAndPlainTextAreUntouched(cell: String) {
        #expect(CSVWriter.neutralised(cell) == cell)
    }

    @Test func quotesWhereNeeded() {
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(CSVWriter.escape("a\nb") == "\"a\nb\"")
        #expect(CSVWriter.escape("plain") == "plain")
    }

    @Test func rowsRenderWithHeaderAndFullPrecision() {
        let rows = [ResultRow([("group", .text("=cmd")), ("rri", .number(0.1 + 0.2)), ("n", .integer(3)),
                               ("flag", .bool(true)), ("none", .null), ("nan", .number(.nan))])]
        #expect(CSVWriter.render(rows: rows) == "group,rri,n,flag,none,nan\r\n'=cmd,0.30000000000000004,3,true,NA,NA\r\n")
    }

    /// A value that is not there, or not a finite number, is said as such: never an empty cell.
    @Test func noCellIsEverEmpty_missingNullAndNonFiniteValues() {
        let rows = [ResultRow([("a", .number(.infinity)), ("b", .number(-.infinity)), ("c", .null), ("d", .text("x"))]),
                    ResultRow([("a", .measure(.nan)), ("d", .text("y"))])]
        #expect(CSVWriter.render(rows: rows) == "a,b,c,d\r\ninf,'-inf,NA,x\r\nNA,NA,NA,y\r\n")
        #expect(JSONWriter.render(rows: rows).contains("null"))
    }

    @Test func jsonIsValidOrderedAndEscaped() throws {
        let row = ResultRow([("b", .text("quote \" and\nnewline \u{1}")), ("a", .number(1.5)), ("z", .number(.infinity))])
        let text = JSONWriter.render(rows: [row])
        #expect(text.range(of: "\"b\"")!.lowerBound < text.range(of: "\"a\"")!.lowerBound)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed[0]["b"] as? String == "quote \" and\nnewline \u{1}")
        #expect(parsed[0]["a"] as? Double == 1.5)
        #expect(parsed[0]["z"] is NSNull)
    }

    @Test func integralDoublesPrintWithoutFraction() {
        #expect(CellValue.number(2).csvText == "2")
        #expect(CellValue.number(-0.0).csvText == "0")
        #expect(CellValue.number(1e300).csvText == "1e+300")
    }

    @Test func atomicWriteReplacesAndRefusesInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("input.csv")
        try "a\n1\n".write(to: input, atomically: false, encoding: .utf8)
        let output = folder.appendingPathComponent("out.csv")
        try AtomicFileWriter.write("first", to: output, protecting: [input])
        try AtomicFileWriter.write("second", to: output, protecting: [input])
        #expect(try String(contentsOf: output, encoding: .utf8) == "second")
        let sameViaDots = URL(fileURLWithPath: folder.path + "/./input.csv")
        #expect(throws: InputError.self) { try AtomicFileWriter.write("x", to: sameViaDots, protecting: [input]) }
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        #expect(throws: InputError.self) { try AtomicFileWriter.write("x", to: link, protecting: [input]) }
        #expect(try String(contentsOf: input, encoding: .utf8) == "a\n1\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.contains(".tmp-") })
    }

    @Test func textTableAlignsNumbersRight() {
        let text = TextTable(header: ["name", "value"], rows: [["a", "1.5"], ["bbbb", "10.25"]]).render()
        #expect(text == "name  value\n----  -----\na       1.5\nbbbb  10.25\n")
    }
}
