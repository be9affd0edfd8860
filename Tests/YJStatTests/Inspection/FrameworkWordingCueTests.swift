import Foundation
import Testing
@testable import YJStat

/// The key questions' wording cues held in the framework file: complete, unambiguous, and the
/// only place extraction learns wording from.
@Suite("Framework wording cues")
struct FrameworkWordingCueTests {
    @Test func everyKeyQuestionHasACueForEveryWordingEdition() throws {
        #expect(try Framework.youth2018().wordings.map(\.id) == ["2018-2019", "2020-2021"])
        #expect(try Framework.youth2021().wordings.map(\.id) == ["2021"])
        for framework in try Framework.bundled() {
            #expect(!framework.wordings.isEmpty, "\(framework.id)")
            for standard in framework.standards {
                for question in standard.keyQuestions {
                    #expect(Set(question.wordingCues.map(\.wording)) == Set(framework.wordings.map(\.id)), "\(framework.id) \(question.id)")
                }
            }
        }
    }

    /// For every bundled framework version: each cue's phrases, as a text, identify its own key
    /// question and no other of the standard.
    @Test(arguments: ReportExtractor.bundledFrameworks.map(\.id))
    func eachCueSetIdentifiesEachQuestionUniquely(frameworkID: String) throws {
        let framework = try #require(ReportExtractor.bundledFrameworks.first { $0.id == frameworkID })
        var cues = 0
        for standard in framework.standards {
            for question in standard.keyQuestions {
                #expect(!question.wordingCues.isEmpty, "\(frameworkID) \(question.id) has no cue")
                for cue in question.wordingCues {
                    let text = "Does the work " + cue.phrases.joined(separator: " and ") + "?"
                    let matches = framework.keyQuestionMatches(in: standard.id, wording: text)
                    #expect(matches.map(\.keyQuestion) == [question.id], "\(frameworkID) \(question.id) \(cue.phrases)")
                    cues += 1
                }
            }
        }
        #expect(cues > 0)
    }

    /// "the child or young person's desistance" (2018–19) and "the child's desistance" (later)
    /// name the same key question, each under its own edition; 3.4's two joint-working
    /// questions are told apart.
    @Test(arguments: [
        ("2.1", "Does assessment sufficiently analyse how to support the child or young person's desistance?", "2.1.1", "2018-2019"),
        ("2.1", "Does assessment analyse how to support the child’s desistance?", "2.1.1", "2020-2021"),
        ("2.3", "Does service delivery effectively support the safety of the child?", "2.3.2", "2020-2021"),
        ("2.3", "Does the implementation and delivery of services effectively support the safety of the child safe?", "2.3.2", "2020-2021"),
        ("3.2", "Does planning focus on keeping other people safe?", "3.2.3", "2018-2019"),
        ("3.4", "Are the recommendations personalised, supporting joint decision making?", "3.4.1", "2018-2019"),
        ("3.4", "Does the YOT work effectively with the police in implementing the disposal?", "3.4.2", "2018-2019"),
    ])
    func wordingVariantsAcrossYears(standard: String, text: String, keyQuestion: String, wording: String) throws {
        let match = try #require(try Framework.youth2018().keyQuestion(in: standard, wording: text))
        #expect(match.keyQuestion == keyQuestion)
        #expect(match.wording == wording)
    }

    /// Prompts that mention desistance or safety without the key question's phrasing are not key
    /// questions (the seeds print such prompts after the key-question table; read as key
    /// questions they would stand in for a missing key question's figures).
    @Test func promptWordingIsNotAKeyQuestion() throws {
        let framework = try Framework.youth2018()
        #expect(framework.keyQuestion(in: "3.3", wording: "Where applicable, is the involvement of other agencies in keeping the child safe sufficiently well coordinated?") == nil)
        #expect(framework.keyQuestion(in: "2.3", wording: "Does service delivery promote the safety and wellbeing of the child?") == nil)
        #expect(framework.keyQuestion(in: "2.4", wording: "Does reviewing identify and respond to changes in factors linked to desistance?") == nil)
        #expect(framework.keyQuestion(in: "2.1", wording: "Does assessment identify risks to the safety and wellbeing of the child?") == nil)
        #expect(framework.keyQuestion(in: "1.1", wording: "Does the board support the child's desistance?") == nil)
    }

    /// Changing a cue is a one-file change: a framework file with another phrase makes the
    /// reader find the question by the new phrase and no longer by the old one.
    @Test func aModifiedFrameworkFileChangesWhatTheReaderFinds() throws {
        let modified = try Framework.decode(BundledFrameworks.youth2018.replacingOccurrences(of: "\"child's desistance\"", with: "\"child's progress\""),
                                            source: "modified")
        let text = "2.1. Assessment\nDoes assessment help the child's progress? 4 3\n2.2. Planning\nDoes planning help the child's desistance? 5 5\n"
        let body = ReportDocument(text: text).body
        let read = KeyQuestionReader(framework: modified).read(body, sections: ReportSections(body, framework: modified))
        #expect(read.results.map(\.keyQuestion) == ["2.1.1"])
        let bundled = TestFrameworks.youth2018
        let original = KeyQuestionReader(framework: bundled).read(body, sections: ReportSections(body, framework: bundled))
        #expect(original.results.map(\.keyQuestion) == ["2.2.1"])
    }

    @Test(arguments: [("\"young person's desistance\"", "\"Young Person's desistance\"", "not lower case"),
                      ("\"wording\": \"2018-2019\"", "\"wording\": \"1999\"", "does not list")])
    func invalidCuesAreRejected(original: String, replacement: String, message: String) {
        let json = BundledFrameworks.youth2018.replacingOccurrences(of: original, with: replacement)
        #expect { try Framework.decode(json, source: "bad.json") } throws: { error in
            (error as? InputError)?.message.contains(message) == true
        }
    }

    /// Issue 16: a phrase repeated in one cue is an error at the repeated phrase (file:line:column),
    /// not silently accepted.
    @Test func aRepeatedWordingCuePhraseIsALocatedError() throws {
        let json = """
        {"id": "x", "name": "x",
         "ratings": [{"name": "Poor", "score": 0}, {"name": "Good", "score": 1}],
         "key_question_bands": [{"rating": "Poor", "minimum_percent": 0}, {"rating": "Good", "minimum_percent": 50}],
         "overall_bands": [{"rating": "Poor", "minimum_score": 0, "maximum_score": 0}, {"rating": "Good", "minimum_score": 1, "maximum_score": 1}],
         "discretion": {"near_boundary_points": 5, "small_sample_maximum": 5},
         "wordings": [{"id": "w", "description": "all"}],
         "domains": [{"id": "1", "name": "D", "sample_column": "n", "standards": [
           {"id": "1.1", "name": "S", "rated_by": "key-questions", "scored": true, "key_questions": [
             {"id": "1.1.1", "label": "a", "wording_cues": [{"wording": "w", "phrases": ["does assessment",
               "desistance", "does assessment"]}]}]}]}]}
        """
        let error = try #require(throws: InputError.self) { try Framework.decode(json, source: "fw.json") }
        #expect(error.description == "fw.json:10:22: key question 1.1.1 has the wording-cue phrase 'does assessment' twice in one cue", "\(error)")
    }

    /// The same cue given to two key questions of one standard could never tell them apart.
    @Test func aWordingCueRepeatedAcrossKeyQuestionsIsALocatedError() throws {
        let bundled = BundledFrameworks.youth2018
        // 2.1.2's first later-edition cue becomes 2.1.1's.
        var parts = bundled.components(separatedBy: "\"id\": \"2.1.2\"")
        #expect(parts.count == 2)
        let cueStart = try #require(parts[1].range(of: "\"phrases\": ["))
        let cueEnd = try #require(parts[1].range(of: "]", range: cueStart.upperBound..<parts[1].endIndex))
        parts[1].replaceSubrange(cueStart.lowerBound..<cueEnd.upperBound, with: "\"phrases\": [\"does assessment\", \"young person's desistance\"]")
        let json = parts.joined(separator: "\"id\": \"2.1.2\"")
        let error = try #require(throws: InputError.self) { try Framework.decode(json, source: "fw.json") }
        #expect(error.line != nil && error.column != nil, "\(error)")
        #expect(error.message.contains("key questions 2.1.1 and 2.1.2 of standard 2.1 have the same wording cue"), "\(error)")
    }
}
