import Foundation
import Testing
import YJStat

@Suite("Framework data")
struct FrameworkTests {
    @Test func embeddedTextIsIdenticalToTheFrameworkFile() throws {
        let folder = inspectionRepositoryRoot.appendingPathComponent("Sources/YJStat/Inspection/Frameworks")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == ["youth-2018.json", "youth-2021.json"])
        #expect(Set(BundledFrameworks.all.keys) == Set(files.map { String($0.dropLast(5)) }))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BundledFrameworks.all[String(file.dropLast(5))] == text, "\(file)")
        }
        #expect(BundledFrameworks.youth2018 == BundledFrameworks.all["youth-2018"])
        #expect(BundledFrameworks.youth2021 == BundledFrameworks.all["youth-2021"])
    }

    /// The 2021 standards: 3.4 rated on out-of-court policy and provision (no key questions), a
    /// resettlement standard 4.1 rated by judgement and not scored; score still 0–36 over 12
    /// scored standards, with the 2018 bands.
    @Test func youth2021AddsAResettlementStandardRatedButNotScored() throws {
        let framework = try Framework.youth2021()
        let older = try Framework.youth2018()
        #expect(framework.standards.map(\.id) == older.standards.map(\.id) + ["4.1"])
        let resettlement = try #require(framework.standard("4.1"))
        #expect(resettlement.name == "Resettlement policy and provision")
        #expect(!resettlement.isScored)
        #expect(resettlement.ratingMethod == .judgement)
        #expect(framework.standard("3.4")?.ratingMethod == .judgement)
        #expect(framework.standard("3.4")?.name == "Out-of-court disposal policy and provision")
        #expect(framework.keyQuestionIDs.count == 21)
        #expect(framework.keyQuestionIDs == older.keyQuestionIDs.filter { !$0.hasPrefix("3.4.") })
        #expect(framework.standards.filter(\.isScored).count == 12)
        #expect(framework.maximumScore == 36)
        #expect(framework.keyQuestionBands == older.keyQuestionBands)
        #expect(framework.overallBands == older.overallBands)
        #expect(!framework.notes.isEmpty && framework.notes.contains { $0.contains("UNVERIFIED") })
    }

    /// The two bundled frameworks' periods meet without overlap, and a month is in force in one.
    @Test func periodsOfTheBundledFrameworksMeet() throws {
        let bundled = try Framework.bundled()
        #expect(bundled.map(\.id) == ["youth-2018", "youth-2021"])
        #expect(bundled[0].inspectedUntil == "2021-06")
        #expect(bundled[1].inspectedFrom == "2021-07" && bundled[1].inspectedUntil == nil)
        for (month, id) in [("2018-06", "youth-2018"), ("2021-06", "youth-2018"), ("2021-07", "youth-2021"), ("2024-11", "youth-2021")] {
            #expect(bundled.filter { $0.isInForce(inspectedIn: month) }.map(\.id) == [id], "\(month)")
        }
        #expect(!bundled[0].isInForce(inspectedIn: "2017-12"))
    }

    @Test(arguments: [("\"inspected_from\": \"2018-06\"", "\"inspected_from\": \"June 2018\"", "must be a month written YYYY-MM"),
                      ("\"inspected_from\": \"2018-06\"", "\"inspected_from\": \"2018-13\"", "must be a month written YYYY-MM"),
                      ("\"inspected_until\": \"2021-06\"", "\"inspected_until\": \"2017-01\"", "is before inspected_from")])
    func badPeriodsAreLocatedErrors(original: String, replacement: String, message: String) throws {
        #expect(BundledFrameworks.youth2018.contains(original))
        let json = BundledFrameworks.youth2018.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try Framework.decode(json, source: "fw.json")
            Issue.record("accepted \(replacement)")
        } catch let error as InputError {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.line != nil)
        }
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
