import Foundation
import Testing
@testable import YJStat

/// Which prompts sit under which key question is the framework file's (`prompts` of each key
/// question): the bundled files use exactly yjstat's prompt vocabulary, a file that breaks the
/// rules is refused at its line, and narrative extraction follows the file.
@Suite("Framework prompts")
struct FrameworkPromptTests {
    /// Every label the extractor can recognise (table wording and narrative phrases).
    static let vocabulary = Set(PromptWording.promptRules.map(\.slug) + NarrativePromptVocabulary.cues.map(\.slug))

    @Test func bundledFrameworksListOnlyKnownPromptsAndEveryKnownPromptHasAKeyQuestion() throws {
        for framework in try Framework.bundled() {
            for standard in framework.standards {
                for question in standard.keyQuestions {
                    #expect(!question.prompts.isEmpty, "\(framework.id) \(question.id) lists no prompts")
                    for prompt in question.prompts {
                        #expect(Self.vocabulary.contains(prompt), "\(framework.id) \(question.id): '\(prompt)' is not a prompt label yjstat knows")
                    }
                }
            }
        }
        let listed = Set(try Framework.youth2018().standards.flatMap(\.keyQuestions).flatMap(\.prompts))
        #expect(listed == Self.vocabulary, "labels under no key question: \(Self.vocabulary.subtracting(listed).sorted())")
    }

    /// The youth-2018 file with `edit` applied to its decoded JSON, re-encoded and read back.
    static func editedFramework(_ edit: (inout [String: Any]) throws -> Void) throws -> Framework {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(BundledFrameworks.youth2018.utf8)) as? [String: Any])
        try edit(&object)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return try Framework.decode(data: data, source: "edited.json")
    }

    /// Sets the prompts of key question `id` in a decoded framework object.
    static func setPrompts(_ prompts: [String], of id: String, in object: inout [String: Any]) throws {
        var domains = try #require(object["domains"] as? [[String: Any]])
        var found = false
        for d in domains.indices {
            var standards = try #require(domains[d]["standards"] as? [[String: Any]])
            for s in standards.indices {
                guard var questions = standards[s]["key_questions"] as? [[String: Any]] else { continue }
                for q in questions.indices where questions[q]["id"] as? String == id {
                    questions[q]["prompts"] = prompts
                    found = true
                }
                standards[s]["key_questions"] = questions
            }
            domains[d]["standards"] = standards
        }
        #expect(found, "no key question \(id)")
        object["domains"] = domains
    }

    static let victimsText = "2.3 Implementation and delivery Good\n\nDelivery did not give enough weight to the protection of actual and potential victims in five of the twenty relevant cases.\n"

    static func promptRows(_ text: String, _ framework: Framework) -> [String] {
        ReportExtractor.extract(text: text, source: "n.txt", frameworks: [framework]).prompts.map {
            "\($0.keyQuestion) \($0.prompt) \($0.relevant.map(String.init) ?? "-") \($0.yes.map(String.init) ?? "-")"
        }
    }

    /// Issue 14 acceptance: moving a prompt to another key question in the framework file moves
    /// the narrative figure with it, and dropping it leaves the figure unassigned.
    @Test func aPromptMovedInTheFrameworkFileMovesTheExtractedFigure() throws {
        #expect(Self.promptRows(Self.victimsText, TestFrameworks.youth2018) == ["2.3.3 protects-actual-potential-victims 20 15"])

        let moved = try Self.editedFramework { object in
            let current = try Framework.youth2018().standards.flatMap(\.keyQuestions)
            let q2 = try #require(current.first { $0.id == "2.3.2" }).prompts
            let q3 = try #require(current.first { $0.id == "2.3.3" }).prompts
            try Self.setPrompts(q2 + ["protects-actual-potential-victims"], of: "2.3.2", in: &object)
            try Self.setPrompts(q3.filter { $0 != "protects-actual-potential-victims" }, of: "2.3.3", in: &object)
        }
        #expect(Self.promptRows(Self.victimsText, moved) == ["2.3.2 protects-actual-potential-victims 20 15"])

        let dropped = try Self.editedFramework { object in
            let q3 = try #require(try Framework.youth2018().standards.flatMap(\.keyQuestions).first { $0.id == "2.3.3" }).prompts
            try Self.setPrompts(q3.filter { $0 != "protects-actual-potential-victims" }, of: "2.3.3", in: &object)
        }
        #expect(Self.promptRows(Self.victimsText, dropped).isEmpty)
    }

    @Test(arguments: [
        ("Analyses-Offending", "lower-case letters, digits and hyphens"),
        ("", "lower-case letters, digits and hyphens"),
        ("analyses offending", "lower-case letters, digits and hyphens"),
    ])
    func aPromptLabelThatIsNotALabelIsRefusedAtItsLine(label: String, message: String) throws {
        let text = BundledFrameworks.youth2018.replacingOccurrences(of: "\"analyses-offending-behaviour\",", with: "\"\(label)\",")
        #expect(text != BundledFrameworks.youth2018)
        let error = try #require(throws: InputError.self) { try Framework.decode(text, source: "bad.json") }
        #expect(error.message.contains(message), "\(error.message)")
        let line = try #require(error.line)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[line - 1].contains("\"\(label)\""), "line \(line): \(lines[line - 1])")
    }

    @Test func aPromptListedTwiceUnderOneKeyQuestionIsRefused() throws {
        let text = BundledFrameworks.youth2018.replacingOccurrences(
            of: "\"analyses-offending-behaviour\",", with: "\"analyses-offending-behaviour\", \"analyses-offending-behaviour\",")
        let error = try #require(throws: InputError.self) { try Framework.decode(text, source: "bad.json") }
        #expect(error.message.contains("twice"), "\(error.message)")
        #expect(error.line != nil)
    }

    /// A prompt table row whose wording names a prompt the framework lists under another key
    /// question is kept as printed and warned about at its line; the prompts as published raise
    /// no such warning. The layouts and services are those whose prompt tables the layout matrix
    /// prints (counts at the end of the line, every prompt printed as counts; see
    /// `LayoutMatrixTests.promptTablesGiveTheBundledPromptRows`).
    @Test(arguments: [ReportLayoutMatrix.Layout.numberedFiguresAtLineEnd, .unnumberedFiguresAtLineEnd])
    func aTablePromptUnderAKeyQuestionThatDoesNotListItIsWarnedAboutAndKept(layout: ReportLayoutMatrix.Layout) throws {
        let framework = TestFrameworks.youth2018
        let services = try ReportLayoutMatrix.bundledFacts().filter { facts in !facts.prompts.isEmpty && facts.prompts.allSatisfy { $0.percent.isEmpty } }
        #expect(services.count == 2)
        var movedRows = 0
        for facts in services {
            let published = ReportExtractor.extract(text: ReportLayoutMatrix.render(facts, layout: layout, promptTables: true),
                                                    source: "r.txt", frameworks: [framework])
            #expect(!published.warnings.contains { $0.message.contains("lists no such prompt") }, "\(facts.service) \(published.warnings.filter { $0.message.contains("lists no such prompt") })")

            // Move the first prompt of a key question to a sibling key question that does not list it.
            let row = facts.prompts[0]
            let standard = try #require(framework.standard(containingKeyQuestion: row.keyQuestion))
            guard let sibling = standard.keyQuestions.first(where: { $0.id != row.keyQuestion && !$0.prompts.contains(row.prompt) }) else { continue }
            var moved = facts
            moved.prompts[0].keyQuestion = sibling.id
            movedRows += 1
            let result = ReportExtractor.extract(text: ReportLayoutMatrix.render(moved, layout: layout, promptTables: true),
                                                 source: "r.txt", frameworks: [framework])
            let warnings = result.warnings.filter { $0.message.contains("lists no such prompt") }
            #expect(warnings.count == 1, "\(facts.service): \(warnings)")
            #expect(warnings.first?.message.contains("prompt \(row.prompt) is printed under \(sibling.id)") == true, "\(warnings)")
            let kept = result.prompts.first { $0.keyQuestion == sibling.id && $0.prompt == row.prompt }
            #expect(kept != nil, "\(facts.service): the moved row is kept")
            #expect(kept?.line == warnings.first?.line)
        }
        #expect(movedRows == services.count)
    }
}
