import Testing
@testable import YJStat

/// An extraction finding as a `check` row: the same columns as a consistency finding, and a
/// location in every row (never an empty cell).
@Suite("Extraction finding rows")
struct ExtractionFindingTests {
    @Test func aFindingOnALineIsLocatedAtThatLine() {
        let finding = ExtractionFinding(code: .ratingDisagrees, severity: .error, line: 42, "the rating page says Good")
        let row = finding.resultRow(service: "north-somerset", source: "north-somerset.txt")
        let consistency = Finding(code: .scoreMismatch, severity: .error, service: "s", location: "score", message: "m").resultRow
        #expect(row.names == consistency.names)
        #expect(row["location"] == .text("line 42"))
        #expect(row["code"] == .text("rating-disagrees"))
        #expect(row["severity"] == .text("error"))
        #expect(row["service"] == .text("north-somerset"))
        #expect(row["message"] == .text("the rating page says Good"))
    }

    @Test func aFindingOnNoOneLineIsLocatedAtTheReport() {
        let finding = ExtractionFinding(code: .percentagesDoNotSum, severity: .warning, line: nil, "the shares add up to 97%")
        let row = finding.resultRow(service: "york", source: "reports/york.txt")
        #expect(row["location"] == .text("reports/york.txt"))
    }
}
