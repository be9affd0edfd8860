import Foundation
import Testing
import YJStat

@Suite("Framework data")
struct FrameworkTests {
    @Test func embeddedTextIsIdenticalToTheFrameworkFile() throws {
        let file = inspectionRepositoryRoot.appendingPathComponent("Sources/YJStat/Inspection/Frameworks/youth-2018.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(BundledFrameworks.youth2018 == text)
        #expect(BundledFrameworks.all["youth-2018"] == text)
    }

    @Test func youthFrameworkHasTheStructureOfThe2018Framework() throws {
        let framework = try youthFramework()
        #expect(framework.id == "youth-2018")
        #expect(framework.standards.map(\.id) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"])
        #expect(framework.standards.flatMap(\.keyQuestions).count == 23)
        #expect(framework.standards.filter(\.isCaseBased).map(\.id) == ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"])
        #expect(framework.standard("3.4")?.keyQuestions.map(\.id) == ["3.4.1", "3.4.2"])
        #expect(framework.standard("2.1")?.sampleColumn == "court_sample")
        #expect(framework.standard("3.1")?.sampleColumn == "ooc_sample")
        #expect(framework.maximumScore == 36)
        #expect(framework.boundaries == [50, 65, 80])
        #expect(framework.ratings.map(\.score) == [0, 1, 2, 3])
        #expect(framework.discretion.nearBoundaryPoints == 5)
        #expect(framework.discretion.smallSampleMaximum == 5)
    }

    @Test(arguments: [
        ("Requires improvement", "Requires improvement"), ("Requires Improvement", "Requires improvement"),
        ("RI", "Requires improvement"), ("R.I.", "Requires improvement"), ("requires-improvement", "Requires improvement"),
        ("  good ", "Good"), ("'Outstanding'", "Outstanding"), ("INADEQUATE", "Inadequate"),
    ])
    func ratingWordVariantsNormalise(word: String, expected: String) throws {
        #expect(try youthFramework().rating(named: word)?.name == expected)
    }

    @Test(arguments: ["Excellent", "Req", "", "Good+", "Requires"])
    func unknownRatingWordsAreRejected(word: String) throws {
        #expect(try youthFramework().rating(named: word) == nil)
    }

    @Test func overallBandsFollowTheScoreRules() throws {
        let framework = try youthFramework()
        let expected: [(Int, String?)] = [(0, "Inadequate"), (6, "Inadequate"), (7, "Requires improvement"), (18, "Requires improvement"),
                                          (19, "Good"), (30, "Good"), (31, "Outstanding"), (36, "Outstanding"), (37, nil), (-1, nil)]
        for (score, name) in expected {
            #expect(framework.overallRating(score: score)?.name == name, "score \(score)")
        }
    }

    /// A later framework with a resettlement standard that is rated but not scored loads from a file
    /// and keeps the maximum at 36.
    @Test func anotherFrameworkFileLoadsWithAnUnscoredStandard() throws {
        var json = BundledFrameworks.youth2018
        json = json.replacingOccurrences(of: "\"id\": \"youth-2018\"", with: "\"id\": \"youth-2021\"")
        json = json.replacingOccurrences(of: """
                {
                  "id": "1.4",
                  "name": "Information and facilities",
                  "rated_by": "judgement",
                  "scored": true,
                  "key_questions": []
                }
        """, with: """
                {
                  "id": "1.4",
                  "name": "Information and facilities",
                  "rated_by": "judgement",
                  "scored": true,
                  "key_questions": []
                },
                {
                  "id": "4.1",
                  "name": "Resettlement",
                  "rated_by": "judgement",
                  "scored": false
                }
        """)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("framework-\(UUID().uuidString).json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        let framework = try Framework.load(contentsOf: url)
        #expect(framework.id == "youth-2021")
        #expect(framework.standards.count == 13)
        #expect(framework.standard("4.1")?.isScored == false)
        #expect(framework.maximumScore == 36)
    }

    @Test(arguments: [
        ("{", "not valid JSON"),
        ("{\"id\": \"x\"}", "missing 'name'"),
        (BundledFrameworks.youth2018.replacingOccurrences(of: "\"minimum_percent\": 65", with: "\"minimum_percent\": 45"), "rise strictly"),
        (BundledFrameworks.youth2018.replacingOccurrences(of: "\"maximum_score\": 36", with: "\"maximum_score\": 35"), "maximum score is 36"),
        (BundledFrameworks.youth2018.replacingOccurrences(of: "\"maximum_score\": 30", with: "\"maximum_score\": 29"), "starts at 31, expected 30"),
        (BundledFrameworks.youth2018.replacingOccurrences(of: "\"maximum_score\": 36", with: "\"maximum_score\": 20"), "runs from 31 down to 20"),
        (BundledFrameworks.youth2018.replacingOccurrences(of: "\"id\": \"2.2.1\"", with: "\"id\": \"2.1.1\""), "duplicate key question id '2.1.1'"),
        (BundledFrameworks.youth2018.replacingOccurrences(of: "\"rating\": \"Good\",\n      \"minimum_percent\"", with: "\"rating\": \"Very good\",\n      \"minimum_percent\""), "names rating 'Very good'"),
    ])
    func inconsistentFrameworksAreInputErrors(json: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try Framework.decode(json, source: "bad.json") }
        #expect(error.file == "bad.json")
        #expect(error.message.contains(message), "message was: \(error.message)")
    }

    @Test func missingFrameworkFileNamesTheFile() throws {
        let error = try #require(throws: InputError.self) { try Framework.load(contentsOf: URL(fileURLWithPath: "/nonexistent/fw.json")) }
        #expect(error.description.contains("/nonexistent/fw.json"))
        #expect(error.message.contains("no such file"))
    }

    /// Issue 16: a member given twice in one object of a framework file is an error at the
    /// second name, not silently "last one wins".
    @Test func aDuplicateMemberNameIsALocatedError() throws {
        let json = BundledFrameworks.youth2018.replacingOccurrences(of: "\"scored\": true,", with: "\"scored\": true, \"scored\": false,")
        #expect(json != BundledFrameworks.youth2018)
        let error = try #require(throws: InputError.self) { try Framework.decode(json, source: "fw.json") }
        #expect(error.file == "fw.json" && error.line != nil && error.column != nil, "\(error)")
        #expect(error.message.contains("member 'scored' appears twice in one object (first at line"), "\(error)")
        let lines = json.components(separatedBy: "\n")
        let line = try #require(error.line), column = try #require(error.column)
        let text = Array(lines[line - 1].utf8)
        #expect(String(decoding: text[(column - 1)...], as: UTF8.self).hasPrefix("\"scored\": false"))
    }

    /// Names are compared as decoded text: an escaped spelling of the same name is the same member.
    @Test func aDuplicateMemberSpelledWithAnEscapeIsStillADuplicate() throws {
        let error = try #require(throws: InputError.self) {
            try Framework.decode("{\n  \"id\": \"a\",\n  \"\\u0069d\": \"b\"\n}", source: "fw.json")
        }
        #expect(error.description.hasPrefix("fw.json:3:3: framework is not valid JSON: member 'id' appears twice in one object (first at line 2, column 3)"), "\(error)")
    }

    /// Consistency errors found after decoding point at the value at fault.
    @Test func consistencyErrorsNameTheLineAndColumn() throws {
        let json = BundledFrameworks.youth2018.replacingOccurrences(of: "\"id\": \"2.2.1\"", with: "\"id\": \"2.1.1\"")
        let error = try #require(throws: InputError.self) { try Framework.decode(json, source: "fw.json") }
        let lines = json.components(separatedBy: "\n")
        let line = try #require(error.line), column = try #require(error.column)
        #expect(String(decoding: Array(lines[line - 1].utf8)[(column - 1)...], as: UTF8.self) == "\"2.1.1\",")
        #expect(error.message == "duplicate key question id '2.1.1'")
        let missing = try #require(throws: InputError.self) {
            try Framework.decode(BundledFrameworks.youth2018.replacingOccurrences(of: "\"label\": \"assessment keeps other people safe\",", with: ""), source: "fw.json")
        }
        #expect(missing.line != nil && missing.message.contains("missing 'label'"), "\(missing)")
    }
}
