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
}
