import Foundation
import Testing
import YJStat

@Suite("Wide ratings table")
struct WideRatingsTableTests {
    func check(_ text: String) throws -> [Finding] {
        let framework = try youthFramework()
        return try WideRatingsTable(table: CSVReader.parse(text, source: "wide.csv"), framework: framework).check(framework: framework)
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
}
