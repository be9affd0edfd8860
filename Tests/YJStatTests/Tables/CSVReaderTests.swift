import Foundation
import Testing
@testable import YJStat

@Suite("CSVReader")
struct CSVReaderTests {
    @Test func readsHeaderAndTypedCells() throws {
        let table = try CSVReader.parse("group,stage,count\nWhite,arrest,120\nBlack,arrest,45\n", source: "counts.csv")
        #expect(table.header == ["group", "stage", "count"])
        #expect(table.rows.count == 2)
        #expect(try table.rows[1].string("group") == "Black")
        #expect(try table.rows[1].int("count") == 45)
        #expect(table.rows[1].line == 3)
    }

    @Test func quotedFieldsWithCommasDoubledQuotesAndNewlines() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\nplain,,\"\"\n"
        let table = try CSVReader.parse(text, source: "q.csv")
        #expect(table.rows.count == 2)
        #expect(table.rows[0].fields == ["x, y", "say \"hi\"", "line1\nline2"])
        #expect(table.rows[1].fields == ["plain", "", ""])
        #expect(table.rows[1].line == 4, "a row after a multi-line cell reports its own starting line")
    }

    @Test func crlfAndLfAndMissingFinalNewline() throws {
        let crlf = try CSVReader.parse("a,b\r\n1,2\r\n3,4", source: "x.csv")
        #expect(crlf.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        let lf = try CSVReader.parse("a,b\n1,2\n3,4\n", source: "x.csv")
        #expect(lf.rows.map(\.fields) == crlf.rows.map(\.fields))
        let quotedCRLF = try CSVReader.parse("a\r\n\"1\r\n2\"\r\n", source: "x.csv")
        #expect(quotedCRLF.rows[0].fields == ["1\r\n2"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("service,count\nx,1\n".utf8))
        let table = try CSVReader.parse(data: data, source: "bom.csv")
        #expect(table.header == ["service", "count"])
        #expect(table.hasColumn("service"))
    }

    @Test func blankLinesAreSkipped() throws {
        let table = try CSVReader.parse("a,b\n\n1,2\n\n", source: "x.csv")
        #expect(table.rows.count == 1)
        #expect(table.rows[0].line == 3)
    }

    @Test func optionalCellsAndNumbers() throws {
        let table = try CSVReader.parse("n,p,label\n,,a\n\"1,234\",45%,b\n", source: "x.csv")
        #expect(try table.rows[0].optionalInt("n") == nil)
        #expect(try table.rows[0].optionalDouble("p") == nil)
        #expect(try table.rows[1].int("n") == 1234)
        #expect(try table.rows[1].double("p") == 45)
        #expect(table.rows[0].optionalString("n") == nil)
    }

    @Test func nonNumberNamesFileLineAndColumn() throws {
        let table = try CSVReader.parse("group,stage,count\nA,b,1\nA,c,12a\n", source: "counts.csv")
        #expect(throws: InputError(file: "counts.csv", line: 3, column: 3, message: "expected a whole number, found '12a'")) {
            try table.rows[1].int("count")
        }
        let error = try #require(throws: InputError.self) { try table.rows[1].int("count") }
        #expect(error.description == "counts.csv:3:3: expected a whole number, found '12a'")
    }

    @Test func raggedRowsAreErrors() throws {
        let short = try #require(throws: InputError.self) { try CSVReader.parse("a,b,c\n1,2\n", source: "r.csv") }
        #expect(short.line == 2)
        #expect(short.message.contains("expected 3 fields"))
        let long = try #require(throws: InputError.self) { try CSVReader.parse("a,b\n1,2,3\n", source: "r.csv") }
        #expect(long.line == 2 && long.column == 3)
    }

    @Test func unterminatedQuoteNamesWhereItOpened() throws {
        let error = try #require(throws: InputError.self) { try CSVReader.parse("a,b\n1,\"open\n2,3\n", source: "u.csv") }
        #expect(error.line == 2 && error.column == 2)
        #expect(error.message.contains("unterminated"))
    }

    @Test func strayQuotesAreErrors() throws {
        let inside = try #require(throws: InputError.self) { try CSVReader.parse("a,b\n1,ab\"c\n", source: "s.csv") }
        #expect(inside.line == 2 && inside.column == 2)
        let after = try #require(throws: InputError.self) { try CSVReader.parse("a,b\n\"x\"y,1\n", source: "s.csv") }
        #expect(after.message.contains("after closing quote"))
    }

    @Test func bytesNeitherUTF8NorWindows1252AreAnError() throws {
        var data = Data("a,b\n1,".utf8)
        data.append(contentsOf: [0x81, 0xFE])
        data.append(Data("\n".utf8))
        let error = try #require(throws: InputError.self) { try CSVReader.parse(data: data, source: "bad.csv") }
        #expect(error.line == 2 && error.column == 2)
    }

    @Test func emptyFileAndHeaderProblems() throws {
        #expect(throws: InputError.self) { try CSVReader.parse("", source: "e.csv") }
        let duplicate = try #require(throws: InputError.self) { try CSVReader.parse("a,b,a\n", source: "d.csv") }
        #expect(duplicate.message.contains("duplicate column 'a'"))
        #expect(throws: InputError.self) { try CSVReader.parse("a,,c\n", source: "d.csv") }
        let headerOnly = try CSVReader.parse("a,b\n", source: "h.csv")
        #expect(headerOnly.rows.isEmpty)
    }

    @Test func missingColumnIsNamed() throws {
        let table = try CSVReader.parse("group,count\nA,1\n", source: "m.csv")
        let error = try #require(throws: InputError.self) { try table.requireColumns(["group", "stage"]) }
        #expect(error.description.contains("missing column 'stage'"))
    }

    @Test func missingFileIsAnInputError() throws {
        let error = try #require(throws: InputError.self) {
            try CSVReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/none.csv"))
        }
        #expect(error.message.contains("no such file"))
    }

    @Test func roundTripsWhatCSVWriterWrites() throws {
        let cells = [["plain", "with,comma", "with \"quotes\"", "multi\nline", " padded "]]
        let text = CSVWriter.render(header: ["a", "b", "c", "d", "e"], rows: cells)
        let table = try CSVReader.parse(text, source: "rt.csv")
        #expect(table.rows[0].fields == cells[0])
    }
}
