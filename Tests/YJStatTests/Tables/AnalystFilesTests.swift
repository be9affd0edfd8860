import Foundation
import Testing
@testable import YJStat

/// Files as analysts really have them (issue 17): the corpus under `Fixtures/excel/` (written by
/// `Scripts/fixtures/excel_corpus.py`, expected outcomes in `expected.json`) and a matrix of
/// variants generated here from the clean table. Every variant gives the same analysis as the
/// clean twin, or stops with the file, line, column and the fix.
@Suite("Analyst files: Excel dialects, headers, totals rows")
struct AnalystFilesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/excel")

    struct Expectation: Decodable {
        var kind: String
        var outcome: String
        var line: Int?
        var column: Int?
        var contains: String?
        var note: String?
        var finding: String?
        var difference: Int?
        var national: String?
        var without_unknown: Bool?
    }

    static let expected: [String: Expectation] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")) else { return [:] }
        return (try? JSONDecoder().decode([String: Expectation].self, from: data)) ?? [:]
    }()

    static let options = CountsTable.Options(unknownLabel: "Unknown")

    /// The analysis rendered as CSV (the report holds NaNs, which never compare equal).
    static func analyse(_ table: CSVTable, unknown: String? = "Unknown") throws -> String {
        CSVWriter.render(rows: try DisproportionalityAnalysis.run(
            CountsTable(csv: table, options: CountsTable.Options(unknownLabel: unknown)), options: DisproportionalityOptions()).resultRows())
    }

    @Test func corpusHasEveryCaseTheIssueQuotes() {
        let names = Set(Self.expected.keys)
        for name in ["semicolon.csv", "tab.csv", "cp1252.csv", "bom_crlf.csv", "trailing_empty_rows.csv", "capitalised_headers.csv",
                     "aliased_headers.csv", "total_adds_up.csv", "total_does_not_add_up.csv", "funnel_england_and_wales.csv",
                     "thousands_separators.csv", "point_zero.csv"] {
            #expect(names.contains(name), "missing corpus file \(name)")
        }
    }

    @Test(arguments: expected.keys.sorted().filter { expected[$0]?.kind == "counts" })
    func countsCorpusFileGivesTheCleanNumbersOrALocatedFix(_ name: String) throws {
        let expectation = try #require(Self.expected[name])
        let clean = try Self.analyse(CSVReader.read(contentsOf: Self.folder.appendingPathComponent("clean_counts.csv")))
        let url = Self.folder.appendingPathComponent(name)
        let unknown: String? = expectation.without_unknown == true ? nil : "Unknown"
        if expectation.outcome == "same" {
            let table = try CSVReader.read(contentsOf: url)
            #expect(try Self.analyse(table, unknown: unknown) == clean, "\(name) differs from its clean twin")
            if let note = expectation.note {
                #expect(table.notes.contains { $0.hasPrefix(name) && $0.contains(note) }, "\(table.notes)")
            }
            let counts = try CountsTable(csv: table, options: CountsTable.Options(unknownLabel: unknown))
            #expect(!counts.groups.contains(where: TotalRowLabel.isTotal))
            if let finding = expectation.finding {
                let mismatch = try #require(counts.totalsMismatches.first)
                #expect(mismatch.sentence.contains(finding))
                #expect(mismatch.difference == expectation.difference)
                #expect(counts.totalsMismatches.count == 1)
            } else {
                #expect(counts.totalsMismatches.isEmpty)
            }
        } else {
            let error = try #require(throws: InputError.self) {
                _ = try Self.analyse(try CSVReader.read(contentsOf: url), unknown: unknown)
            }
            #expect(error.file == name)
            #expect(error.line == expectation.line && error.column == expectation.column, "\(error)")
            // The fixture gives the words as `yjstat` prints them: the unknown-label option as --unknown.
            #expect(Self.asCommandsShowIt(error.message).contains(expectation.contains ?? "\u{0}"), "\(error)")
        }
    }

    @Test func englandAndWalesRowInAFunnelFileIsTheComparatorNotAService() throws {
        let clean = try FunnelInput.read(CSVReader.read(contentsOf: Self.folder.appendingPathComponent("clean_funnel.csv")), measure: .proportion)
        let withNational = try FunnelInput.read(
            CSVReader.read(contentsOf: Self.folder.appendingPathComponent("funnel_england_and_wales.csv")), measure: .proportion)
        #expect(withNational.units == clean.units)
        #expect(withNational.nationalRow?.unit.service == "England and Wales")
        #expect(withNational.nationalRow?.line == 5)
        #expect(withNational.totalsMismatches.isEmpty)
        let pooledClean = try FunnelPlot(units: clean.units, measure: .proportion, target: .pooled)
        let pooledNational = try FunnelPlot(units: withNational.units, measure: .proportion, target: .pooled)
        #expect(pooledClean.target == pooledNational.target, "the national row must not move the pooled target")
    }

    @Test func funnelTotalRowThatDoesNotAddUpIsAFinding() throws {
        let input = try FunnelInput.read(
            CSVReader.read(contentsOf: Self.folder.appendingPathComponent("funnel_total_does_not_add_up.csv")), measure: .proportion)
        #expect(input.units.count == 6)
        let mismatch = try #require(input.totalsMismatches.first)
        #expect(mismatch.row.unit.numerator - mismatch.numerators == 5)
        #expect(mismatch.row.unit.denominator == mismatch.denominators)
    }

    // MARK: Generated matrix

    enum HeaderStyle: CaseIterable { case plain, capitalised, aliased }

    static let cleanHeader = ["group", "population", "arrest", "court", "custody"]
    static let cleanRows: [[String]] = [
        ["White", "14250", "420", "88", "6"], ["Black", "1900", "118", "34", "5"], ["Asian", "2600", "55", "10", "1"],
        ["Mixed", "1500", "64", "15", "2"], ["Other – not listed", "700", "14", "3", "0"], ["Unknown", "", "31", "5", "0"],
    ]

    /// The clean table written in a dialect.
    static func variant(delimiter: CSVDialect.Delimiter, encoding: String, crlf: Bool, trailingEmptyRows: Int,
                        header style: HeaderStyle, thousands: Bool = false, pointZero: Bool = false) -> Data {
        let separator = String(UnicodeScalar(delimiter.byte))
        var header = cleanHeader
        switch style {
        case .plain: break
        case .capitalised: header[0] = "Group"; header[1] = "POPULATION"
        case .aliased: header[0] = "Ethnic_Group"; header[1] = "Population 10-17"
        }
        func format(_ cell: String) -> String {
            guard let value = Int(cell) else { return cell }
            if pointZero { return "\(value).0" }
            if thousands, value >= 1000 {
                let grouped = "\(value / 1000),\(String(format: "%03d", value % 1000))"
                return delimiter == .comma ? "\"\(grouped)\"" : grouped
            }
            return cell
        }
        let eol = crlf ? "\r\n" : "\n"
        var text = header.joined(separator: separator) + eol
        for row in cleanRows { text += row.map(format).joined(separator: separator) + eol }
        for _ in 0..<trailingEmptyRows { text += String(repeating: separator, count: header.count - 1) + eol }
        var bytes = Array(text.utf8)
        switch encoding {
        case "bom": bytes = [0xEF, 0xBB, 0xBF] + bytes
        case "cp1252":
            bytes = Array(text.replacingOccurrences(of: "–", with: "\u{1}").utf8).map { $0 == 1 ? 0x96 : $0 }
        default: break
        }
        return Data(bytes)
    }

    static let cleanReport: String? = {
        let data = variant(delimiter: .comma, encoding: "utf8", crlf: false, trailingEmptyRows: 0, header: .plain)
        return try? analyse(CSVReader.parse(data: data, source: "clean.csv"))
    }()

    @Test(arguments: CSVDialect.Delimiter.allCases, ["utf8", "bom", "cp1252"])
    func everyDialectGivesTheCleanNumbers(_ delimiter: CSVDialect.Delimiter, _ encoding: String) throws {
        let clean = try #require(Self.cleanReport)
        for crlf in [false, true] {
            for trailing in [0, 2] {
                for style in HeaderStyle.allCases {
                    for (thousands, pointZero) in [(false, false), (true, false), (false, true)] {
                        let data = Self.variant(delimiter: delimiter, encoding: encoding, crlf: crlf, trailingEmptyRows: trailing,
                                                header: style, thousands: thousands, pointZero: pointZero)
                        let label = "\(delimiter) \(encoding) crlf=\(crlf) trailing=\(trailing) \(style) thousands=\(thousands) .0=\(pointZero)"
                        let table = try CSVReader.parse(data: data, source: "v.csv")
                        #expect(try Self.analyse(table) == clean, "\(label)")
                        #expect(table.dialect.delimiter == delimiter, "\(label)")
                        #expect(table.dialect.encoding == (encoding == "cp1252" ? .windows1252 : .utf8), "\(label)")
                        #expect(table.notes.contains { $0.contains(delimiter.adjective) } == (delimiter != .comma), "\(label)")
                        #expect(table.notes.contains { $0.contains("skipped \(trailing) empty rows") } == (trailing > 0), "\(label)")
                    }
                }
            }
        }
    }

    /// "a blank cell is reported at column 1 when it is in column 7": every numeric cell blanked
    /// in turn is reported at its own line and column, in every delimiter.
    @Test(arguments: CSVDialect.Delimiter.allCases)
    func blankCellIsReportedAtItsRealLineAndColumn(_ delimiter: CSVDialect.Delimiter) throws {
        let separator = String(UnicodeScalar(delimiter.byte))
        for (r, row) in Self.cleanRows.enumerated() {
            for column in 1..<row.count where !row[column].isEmpty {
                var rows = Self.cleanRows
                rows[r][column] = ""
                let text = ([Self.cleanHeader] + rows).map { $0.joined(separator: separator) }.joined(separator: "\n") + "\n"
                let error = try #require(throws: InputError.self) { _ = try Self.analyse(CSVReader.parse(text, source: "b.csv")) }
                #expect(error.line == r + 2 && error.column == column + 1, "\(error)")
                #expect(error.message.contains("blank"), "\(error)")
            }
        }
    }

    /// "trailing rows of empty cells (`,,,,,,`) stop the run with 'group' is blank".
    @Test func excelTrailingEmptyRowsAreSkippedAndCounted() throws {
        let table = try CSVReader.parse("group,population,arrest\nA,10,1\nB,20,2\n,,\n,,\n , ,\n", source: "t.csv")
        #expect(table.rows.count == 2)
        #expect(table.notes == ["t.csv: skipped 3 empty rows (every cell blank) on lines 4–6"])
    }

    /// "a header `Group` or `Ethnicity` is rejected (missing column 'group')".
    @Test(arguments: ["Group", "GROUP", " group ", "Ethnicity", "ethnic group", "Ethnic_Group", "ETHNIC-GROUP"])
    func groupHeaderSpelledAsAnAnalystWouldIsAccepted(_ name: String) throws {
        let table = try CSVReader.parse("\(name),population,arrest\nA,100,10\nB,200,30\n", source: "h.csv")
        let counts = try CountsTable(csv: table)
        #expect(counts.groups == ["A", "B"])
        #expect(counts.count(group: "B", stage: "arrest") == 30)
    }

    @Test func nearMissColumnIsNamedInTheMessage() throws {
        let table = try CSVReader.parse("grup,population,arrest\nA,100,10\n", source: "n.csv")
        let error = try #require(throws: InputError.self) { _ = try CountsTable(csv: table) }
        #expect(error.message.contains("did you mean 'grup'?"), "\(error)")
        #expect(error.message.contains(Parameter.groupColumn.mention) && error.description.contains("`groupColumn`"), "\(error)")
        let punctuated = try CSVReader.parse("g.r.o.u.p,population,arrest\nA,100,10\n", source: "n.csv")
        #expect(punctuated.nearMiss(for: "group") == "g.r.o.u.p")
    }

    @Test func twoColumnsThatCouldBothBeTheGroupAreAnError() throws {
        let table = try CSVReader.parse("group,ethnicity,population,arrest\nA,A,100,10\n", source: "d.csv")
        let error = try #require(throws: InputError.self) { _ = try CountsTable(csv: table) }
        #expect(error.line == 1 && error.column == 2)
        #expect(error.message.contains("'group' and 'ethnicity'"))
    }

    /// "forgetting --unknown gives `missing population ('population') for group 'Unknown'` with no hint".
    @Test func unknownGroupWithoutPopulationSuggestsTheUnknownFlag() throws {
        let table = try CSVReader.parse("group,population,arrest\nWhite,100,10\nNot known,,3\n", source: "u.csv")
        let error = try #require(throws: InputError.self) { _ = try CountsTable(csv: table) }
        #expect(error.line == 3 && error.column == 2)
        #expect(Self.asCommandsShowIt(error.message).contains("--unknown 'Not known'"), "\(error)")
    }

    /// A library message with its parameter mentions written as the commands write them (the
    /// CLI's ParameterFlags; only the unknown label's flag is needed here).
    static func asCommandsShowIt(_ message: String) -> String {
        Parameter.resolvingMentions(in: message) { $0 == .unknownLabel ? "--unknown" : "`\($0.rawValue)`" }
    }

    @Test func decimalCommaIsNotReadAsAThousandsSeparator() throws {
        let table = try CSVReader.parse("p;q\n40,1;14,250\n", source: "c.csv")
        #expect(throws: InputError.self) { try table.rows[0].double("p") }
        #expect(try table.rows[0].int("q") == 14250)
        #expect(CSVRow.parseWholeNumber("1,2345") == nil)
        #expect(CSVRow.parseWholeNumber("-1,234,567") == -1_234_567)
        #expect(CSVRow.parseDecimal("1,234.5%") == 1234.5)
    }

    @Test func notTextStopsWithHowToSaveAsCSVUTF8() throws {
        let mixed = Data(Array("group,n\nCafé,1\n".utf8) + [0x4D, 0xE9, 0x2C, 0x31, 0x0A])
        let error = try #require(throws: InputError.self) { _ = try CSVReader.parse(data: mixed, source: "m.csv") }
        #expect(error.line == 3 && error.column == 1)
        #expect(error.message.contains("partly UTF-8") && error.message.contains("CSV UTF-8"))
        let nul = try #require(throws: InputError.self) { _ = try CSVReader.parse(data: Data([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x00]), source: "z.csv") }
        #expect(nul.line == 2 && nul.column == 2)
    }

    @Test func windows1252TextIsDecodedWithANote() throws {
        let data = Data(Array("group,n\n".utf8) + [0x4D, 0xE9, 0x6C, 0x61, 0x6E, 0x69, 0x65, 0x2C, 0x31, 0x0A, 0x93, 0x51, 0x94, 0x2C, 0x32, 0x0A])
        let table = try CSVReader.parse(data: data, source: "w.csv")
        #expect(table.rows.map { $0.fields[0] } == ["Mélanie", "\u{201C}Q\u{201D}"])
        #expect(table.notes.first?.contains("w.csv: not UTF-8 text; read as Windows-1252") == true)
    }
}
