import Testing
@testable import YJStat

/// Issue 18 item 1: the rounding and the words of the tidy tables, and the JSON document.
@Suite("Tidy tables")
struct TidyTableTests {
    @Test(arguments: [(0.012345, 0.0123, "0.0123"), (12.34, 12.3, "12.3"), (1234, 1230, "1230"), (0.0123, 0.0123, "0.0123"),
                      (12.3, 12.3, "12.3"), (1234.0, 1230, "1230"), (2.632080200501253, 2.63, "2.63"), (0.99951, 1.0, "1"),
                      (1.740594059220938e-16, 1.74e-16, "1.74e-16"), (-0.0456789, -0.0457, "-0.0457"), (98765, 98800, "98800")])
    func ratiosToThreeSignificantFigures(value: Double, rounded: Double, text: String) {
        #expect(NumberRounding.significant(value, 3) == rounded)
        #expect(CellValue.number(NumberRounding.significant(value, 3)).csvText == text)
        #expect(TidyCell.number(value, .ratio, precision: .rounded).csvText == text)
    }

    @Test(arguments: [(62.10526315789474, "62.1"), (23.59550561797753, "23.6"), (0.04, "0"), (-6.349, "-6.3"), (1234.56, "1234.6"),
                      (-0.04, "0")])
    func ratesToOneDecimalPlace(value: Double, text: String) {
        #expect(TidyCell.number(value, .rate, precision: .rounded).csvText == text)
        #expect(TidyCell.number(value, .percent, precision: .rounded).csvText == text)
    }

    @Test func fullPrecisionKeepsEveryDigit() {
        for value in [62.10526315789474, 1.740594059220938e-16, 2.1578674218953635] {
            #expect(TidyCell.number(value, .ratio, precision: .full) == .number(value))
            #expect(Double(TidyCell.number(value, .rate, precision: .full).csvText) == value)
        }
    }

    @Test func nonFiniteValuesAreWordsNeverEmpty() {
        #expect(TidyCell.number(.infinity, .ratio, precision: .rounded).csvText == "infinite")
        #expect(TidyCell.number(-.infinity, .ratio, precision: .full).csvText == "minus infinite")
        #expect(TidyCell.number(.nan, .ratio, precision: .rounded).csvText == "undefined")
        #expect(TidyCell.number(.nan, .ratio, precision: .rounded, hidden: true).csvText == "suppressed")
        #expect(TidyCell.number(.nan, .rate, precision: .rounded, nanWord: "not computed").jsonValue == .string("not computed"))
        #expect(TidyCell.count(nil, hidden: true).csvText == "suppressed")
        #expect(TidyCell.count(nil, hidden: false).csvText == "not computed")
        #expect(TidyCell.flags([]).csvText == "none")
        #expect(NumberRounding.significant(.infinity, 3) == .infinity && NumberRounding.decimals(.nan, 1).isNaN)
    }

    @Test func notesFileNameAndDocumentShape() {
        #expect(ResultDocument.notesFileName(for: "board.csv") == "board.notes.txt")
        #expect(ResultDocument.notesFileName(for: "BOARD.CSV") == "BOARD.notes.txt")
        #expect(ResultDocument.notesFileName(for: "rows") == "rows.notes.txt")
        let document = ResultDocument(rows: [ResultRow([("rri", .number(2.5))])], warnings: ["small numbers"], methods: ["katz"],
                                      inputs: ResultInputs(files: [.init(option: "counts", path: "c.csv")],
                                                           options: [.init(name: "unknown", values: ["Unknown"]), .init(name: "wide", values: [])]))
        #expect(document.json() == """
        {
          "rows": [
            {
              "rri": 2.5
            }
          ],
          "warnings": [
            "small numbers"
          ],
          "methods": [
            "katz"
          ],
          "inputs": {
            "files": [
              {
                "option": "counts",
                "path": "c.csv"
              }
            ],
            "options": {
              "unknown": "Unknown",
              "wide": true
            }
          }
        }

        """)
        #expect(document.notesText(for: "x.csv", command: "yjstat t")
                == "Notes for x.csv (yjstat t)\n\nWarnings:\n- small numbers\n\nMethods:\n- katz\n\nInputs:\n- --counts c.csv\n- --unknown Unknown\n- --wide\n")
        #expect(document.commentLines(command: "yjstat t").hasPrefix("# Notes (yjstat t)\r\n#\r\n# Warnings:\r\n# - small numbers\r\n"))
        let empty = ResultDocument(rows: [], warnings: [], methods: [], inputs: ResultInputs())
        #expect(empty.notesText(for: nil, command: "c").contains("Warnings:\n- none\n"))
    }
}
