import Foundation
import Testing
import YJStat

@Suite("Wide ratings table")
struct WideRatingsTableTests {
    func check(_ text: String) throws -> [Finding] {
        let framework = try youthFramework()
        return try WideRatingsTable(table: CSVReader.parse(text, source: "wide.csv"), framework: framework).check()
    }

    static let header = "service,overall_rating,score,1.1,1.2,1.3,1.4,2.1,2.2,2.3,2.4,3.1,3.2,3.3,3.4"

    @Test func consistentRowsWithMixedSpellingsHaveNoFindings() throws {
        let text = Self.header + "\n"
            + "north-somerset,Good,26,RI,Good,Requires Improvement,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding\n"
            + "brent,good,,Good,Good,RI,RI,Good,Good,Good,Good,Good,Good,requires improvement,Good\n"
        #expect(try check(text) == [])
    }

    @Test func blanksAreReportedNotGuessed() throws {
        let text = Self.header + "\nbrent,,,Good,Good,RI,,Good,Good,Good,Good,Good,Good,RI,Good\n"
        let findings = try check(text)
        #expect(findings.map { "\($0.code.rawValue) \($0.location)" } == ["missing-rating 1.4", "missing-rating overall"])
        #expect(findings[0].message.contains("wide.csv line 2"))
    }

    @Test func scoreOverallAndWordChecks() throws {
        let text = Self.header + "\n"
            + "a,Good,27,RI,Good,RI,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding\n"
            + "b,Outstanding,26,RI,Good,RI,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding\n"
            + "c,Good,26,RI,Great,RI,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding\n"
        let findings = try check(text)
        #expect(findings.map { "\($0.service) \($0.code.rawValue)" } == ["a score-mismatch", "b overall-mismatch", "c unknown-rating-word"])
    }

    /// Issue 12, item 7: score 29 where the other 11 standards sum to 23 — no rating of the
    /// unreadable standard (0 to 3) can make it consistent.
    @Test func unreachablePublishedScoreWithAnUnreadableStandard_score29Other11Sum23() throws {
        let row = ",,Outstanding,Good,Good,Good,Good,Good,Good,Good\n"   // 1.4 blank; 3 × 2 + 3 + 7 × 2 = 23
        let findings = try check(Self.header + "\nx,Good,29,Good,Good,Good" + row)
        let unreachable = findings.filter { $0.code == .scoreMismatch }
        #expect(unreachable.count == 1, "\(findings.map(\.message))")
        #expect(unreachable.first?.message.contains("sum to 23") == true && unreachable.first?.message.contains("23-26") == true)
        #expect(findings.contains { $0.code == .missingRating && $0.location == "1.4" })
        // 25 is reachable (1.4 rated Good): only the blank is reported.
        let reachable = try check(Self.header + "\nx,Good,25,Good,Good,Good" + row)
        #expect(!reachable.contains { $0.code == .scoreMismatch })
    }

    @Test func scorePercentColumn() throws {
        let text = "service,overall_rating,score_percent\nx,Good,72.2\ny,Good,82\nz,Outstanding,72.2\n"
        let findings = try check(text)
        #expect(findings.map { "\($0.service) \($0.code.rawValue)" } == ["y score-percent-not-whole", "z overall-mismatch"])
    }

    @Test func scoreAndPercentMustAgree() throws {
        let findings = try check("service,overall_rating,score,score_percent\nx,Good,26,72.2\ny,Good,26,75\n")
        #expect(findings.map { "\($0.service) \($0.code.rawValue)" } == ["y score-mismatch"])
    }

    @Test(arguments: [
        ("service,overall_rating\nx,Good\n", "wide.csv:1: missing column 'score' or 'score_percent'"),
        ("service,score\nx,20\n", "wide.csv:1: missing column 'overall_rating'"),
        ("service,overall_rating,score,4.1\nx,Good,20,Good\n", "wide.csv:1:4: column '4.1' is not a standard"),
        ("service,overall_rating,score\nx,Good,n/a\n", "wide.csv:2:3: expected a score"),
        ("service,overall_rating,score_percent\nx,Good,abc\n", "wide.csv:2:3: expected a percentage"),
    ])
    func badInputIsAnInputError(text: String, message: String) throws {
        let framework = try youthFramework()
        let error = try #require(throws: InputError.self) { try WideRatingsTable(table: CSVReader.parse(text, source: "wide.csv"), framework: framework) }
        #expect(error.description.hasPrefix(message), "was: \(error)")
    }

    // MARK: a row's framework (tables of 2018-2024 inspections)

    /// The findings of `text` read with the default selection: each row by the bundled framework
    /// its `framework` cell names, else youth-2018.
    func checkByRow(_ text: String, given: Framework? = nil) throws -> [Finding] {
        try WideRatingsTable(table: CSVReader.parse(text, source: "wide.csv"), frameworks: FrameworkSelection(given: given)).check()
    }

    /// A consistent row of `framework` with every standard rated, the score and overall rating
    /// they give: ratings cycle through the framework's ratings from `offset`.
    static func consistentCells(_ framework: Framework, offset: Int) -> (ratings: [String: String], score: Int, overall: String) {
        var ratings: [String: String] = [:], score = 0
        for (i, standard) in framework.standards.enumerated() {
            let rating = framework.ratings[(i + offset) % framework.ratings.count]
            ratings[standard.id] = rating.name
            if standard.isScored { score += rating.score }
        }
        return (ratings, score, framework.overallRating(score: score)?.name ?? "")
    }

    /// Every combination of the row's framework, how its `framework` cell says it (the id, blank,
    /// or no column: youth-2018 then), and what its 4.1 cell holds: a consistent row has no
    /// finding, except that a youth-2018 row rating 4.1 is one `unknown-standard` error and a
    /// youth-2021 row with 4.1 blank one `missing-rating` warning.
    @Test func eachRowIsCheckedByItsOwnFramework() throws {
        let frameworks = try Framework.bundled()
        let ids = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "4.1"]
        var cases = 0
        for framework in frameworks {
            for cell in ["id", "blank", "absent"] where !(cell != "id" && framework.id != "youth-2018") {
                for rated41 in [true, false] {
                    for offset in 0..<4 {
                        let (ratings, score, overall) = Self.consistentCells(framework, offset: offset)
                        let frameworkColumn = cell == "absent" ? "" : "framework,"
                        let frameworkCell = cell == "absent" ? "" : (cell == "id" ? framework.id + "," : ",")
                        let header = "service,\(frameworkColumn)overall_rating,score," + ids.joined(separator: ",")
                        let words = ids.map { id in id == "4.1" ? (rated41 ? "Good" : "") : (ratings[id] ?? "") }
                        let row = "x,\(frameworkCell)\(overall),\(score)," + words.joined(separator: ",")
                        let findings = try checkByRow(header + "\n" + row + "\n")
                        let has41 = framework.standard("4.1") != nil
                        var expected: [String] = []
                        if !has41, rated41 { expected = ["unknown-standard 4.1"] }
                        if has41, !rated41 { expected = ["missing-rating 4.1"] }
                        #expect(findings.map { "\($0.code.rawValue) \($0.location)" } == expected,
                                "\(framework.id) cell \(cell) 4.1 \(rated41) offset \(offset): \(findings.map(\.message))")
                        cases += 1
                    }
                }
            }
        }
        #expect(cases == 32)
    }

    /// Regression: a youth-2018 row rating 4.1 says which framework it was read with and how to
    /// name another.
    @Test func aYouth2018RowRating41SaysSo_noFrameworkColumn() throws {
        let (ratings, score, overall) = Self.consistentCells(try Framework.youth2018(), offset: 1)
        let ids = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]
        let text = "service,overall_rating,score," + ids.joined(separator: ",") + ",4.1\n"
            + "x,\(overall),\(score)," + ids.map { ratings[$0]! }.joined(separator: ",") + ",Good\n"
        let finding = try #require(try checkByRow(text).first)
        #expect(finding.code == .unknownStandard && finding.severity == .error)
        #expect(finding.message == "standard 4.1 is rated 'Good' (wide.csv line 2) but is not in framework youth-2018; a framework column names each row's framework")
    }

    @Test func aFrameworkCellNamingAnotherFrameworkIsAWarning() throws {
        let text = "service,framework,overall_rating,score\nx,youth-2030,Good,26\ny,youth-2021,Good,26\n"
        let findings = try checkByRow(text)
        #expect(findings.map { "\($0.service) \($0.code.rawValue)" } == ["x framework-mismatch"])
        #expect(findings.first?.message == "wide.csv line 2 names framework 'youth-2030' but the checks use 'youth-2018'")
        // --framework FILE reads every row with it: the youth-2021 row is then a mismatch too.
        let forced = try checkByRow(text, given: try Framework.youth2018())
        #expect(forced.map { "\($0.service) \($0.code.rawValue)" } == ["x framework-mismatch", "y framework-mismatch"])
    }

    @Test func aStandardColumnNoFrameworkHasIsAnInputError() throws {
        let error = try #require(throws: InputError.self) {
            try WideRatingsTable(table: CSVReader.parse("service,overall_rating,score,5.1\nx,Good,20,Good\n", source: "wide.csv"),
                                 frameworks: FrameworkSelection(given: nil))
        }
        #expect(error.description == "wide.csv:1:4: column '5.1' is not a standard of framework youth-2018 or youth-2021")
    }
}
