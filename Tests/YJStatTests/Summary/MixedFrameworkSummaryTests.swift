import Foundation
import Testing
import YJStat

/// The summary of a dataset whose services name different frameworks: each service read,
/// validated and reviewed with its own, funnels per framework, `FrameworkSelection.given` forcing
/// one for all.
@Suite("Summary with several frameworks")
struct MixedFrameworkSummaryTests {
    func read(_ folder: URL, _ selection: FrameworkSelection? = nil) throws -> SummaryDataset {
        try SummaryDataset.read(directory: folder, frameworks: try selection ?? .named())
    }

    /// The error `read` throws, as text ("" and an issue when it reads).
    func failure(_ folder: URL, _ selection: FrameworkSelection? = nil) throws -> String {
        do {
            _ = try read(folder, selection)
        } catch let error as InputError {
            return error.description
        }
        Issue.record("expected an input error")
        return ""
    }

    func summarise(_ folder: URL, _ selection: FrameworkSelection? = nil) throws -> DatasetSummary {
        try DatasetSummary(dataset: try read(folder, selection))
    }

    /// The line number (1 = header) of the first line of `file` in `folder` that starts with `prefix`.
    func line(of prefix: String, in file: String, _ folder: URL) throws -> Int {
        let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    /// Appends `row` to `file` of a mixed copy.
    func appending(_ row: String, to file: String) throws -> URL {
        try MixedFrameworkDataset.make { name, text in name == file ? text + row + "\n" : nil }
    }

    @Test func theYouth2021ServiceIsRecomputedWithYouth2021() throws {
        let summary = try summarise(try MixedFrameworkDataset.make())
        let youth2021 = try Framework.youth2021()
        #expect(summary.frameworks.map(\.id) == ["youth-2018", "youth-2021"])
        #expect(summary.hasSeveralFrameworks)
        #expect(summary.services.map(\.framework.id) == ["youth-2018", "youth-2021", "youth-2018"])
        let service = try #require(summary.services.first { $0.service == MixedFrameworkDataset.service })
        #expect(service.ratings.framework == youth2021)
        let standards = service.ratings.assessment.standards
        #expect(standards.map(\.standard.id) == youth2021.standards.map(\.id))
        // 4.1 is rated (Good, as published) by judgement and not scored; 3.4 is judgement too.
        let resettlement = try #require(standards.first { $0.standard.id == "4.1" })
        #expect(resettlement.published?.name == "Good" && !resettlement.standard.isScored && !resettlement.standard.isCaseBased)
        #expect(standards.first { $0.standard.id == "3.4" }?.standard.isCaseBased == false)
        // 26 published over the 12 scored standards (4.1 not counted) of youth-2021's 0–36; the rule
        // score as with youth-2018 (3.4 Outstanding both ways): 24.
        #expect(youth2021.maximumScore == 36 && youth2021.standards.filter(\.isScored).count == 12)
        #expect(service.ratings.assessment.publishedRatingsScore == 26)
        #expect(service.ratings.assessment.ruleScore == 24)
        // No finding says 4.1 is unknown, or that 3.4's key questions are missing, or that the framework differs.
        let codes = Set(service.ratings.findings.map(\.code))
        #expect(!codes.contains(.unknownStandard) && !codes.contains(.missingStandard) && !codes.contains(.frameworkMismatch), "\(service.ratings.findings)")
        // Rating confidence covers youth-2021's case-based standards only (no 3.4).
        #expect(service.ratingConfidence.map(\.standard) == ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"])
    }

    @Test func theOtherServicesAreAsInTheSingleFrameworkRun() throws {
        let mixed = try summarise(try MixedFrameworkDataset.make())
        let single = try summarise(MixedFrameworkDataset.bundled)
        #expect(single.frameworks.map(\.id) == ["youth-2018"] && !single.hasSeveralFrameworks)
        for service in ["kensington-and-chelsea", "brent"] {
            let a = try #require(mixed.services.first { $0.service == service })
            let b = try #require(single.services.first { $0.service == service })
            #expect(a.framework == b.framework)
            #expect(a.ratings == b.ratings)
            #expect(a.ratingConfidence == b.ratingConfidence)
            #expect(a.samples == b.samples)
        }
        // The 2021 service differs where the frameworks differ: 3.4 is no longer case-based.
        let a = try #require(mixed.services.first { $0.service == MixedFrameworkDataset.service })
        let b = try #require(single.services.first { $0.service == MixedFrameworkDataset.service })
        #expect(a.ratingConfidence.count == b.ratingConfidence.count - 1)
    }

    @Test func givenForcesOneFrameworkForAll() throws {
        let folder = try MixedFrameworkDataset.make()
        let summary = try summarise(folder, .given(try Framework.youth2018()))
        #expect(summary.frameworks.map(\.id) == ["youth-2018"])
        #expect(summary.services.allSatisfy { $0.framework.id == "youth-2018" })
        let service = try #require(summary.services.first { $0.service == MixedFrameworkDataset.service })
        let findings = service.ratings.findings
        #expect(findings.contains { $0.code == .frameworkMismatch && $0.message.contains("names framework 'youth-2021' but the checks use 'youth-2018'") })
        #expect(findings.contains { $0.code == .unknownStandard && $0.location == "4.1" })
        #expect(summary.keyQuestionFunnels.map(\.frameworkID) == ["youth-2018", "youth-2018"])
    }

    @Test func aPromptIsValidatedAgainstItsServicesFramework() throws {
        // 3.4.1 is a key question of youth-2018 only: accepted for a youth-2018 service …
        let accepted = try read(try appending("kensington-and-chelsea,3.4.1,extra-prompt,3,3,", to: "prompts.csv"))
        #expect(accepted.prompts.contains { $0.service == "kensington-and-chelsea" && $0.prompt == "extra-prompt" })
        // … refused for the youth-2021 service, at file:line:column, naming youth-2021.
        let folder = try appending("north-somerset,3.4.1,extra-prompt,3,3,", to: "prompts.csv")
        let line = try line(of: "north-somerset,3.4.1,", in: "prompts.csv", folder)
        #expect(try failure(folder) == "prompts.csv:\(line):2: '3.4.1' is not a key question of framework youth-2021")
        // Forced to youth-2018 for all, the same row is accepted.
        #expect(try read(folder, .given(try Framework.youth2018())).prompts.count == accepted.prompts.count)
    }

    /// A key question only the 2021 service's framework has (a candidate youth-2021 that rates 4.1
    /// by one key question, 4.1.1): accepted for that service, refused for a youth-2018 service.
    @Test func aKeyQuestionOnlyTheLaterFrameworkHasIsAcceptedForItsServiceOnly() throws {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(BundledFrameworks.youth2021.utf8)) as? [String: Any])
        var domains = try #require(json["domains"] as? [[String: Any]])
        let resettlement = try #require(domains.firstIndex { $0["id"] as? String == "4" })
        var standards = try #require(domains[resettlement]["standards"] as? [[String: Any]])
        #expect(standards.count == 1 && standards[0]["id"] as? String == "4.1" && standards[0]["rated_by"] as? String == "judgement")
        standards[0]["rated_by"] = "key-questions"
        standards[0]["key_questions"] = [["id": "4.1.1", "label": "resettlement plan"]]
        domains[resettlement]["standards"] = standards
        domains[resettlement]["sample_column"] = "court_sample"
        json["domains"] = domains
        let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        let candidate = try Framework.decode(text, source: "youth-2021-test.json")
        #expect(candidate.standard(containingKeyQuestion: "4.1.1")?.id == "4.1")
        let selection = try FrameworkSelection.named(among: [try Framework.youth2018(), candidate])
        let accepted = try read(try appending("north-somerset,4.1.1,resettlement-plan,4,3,", to: "prompts.csv"), selection)
        #expect(accepted.frameworks.framework(for: "north-somerset") == candidate)
        #expect(accepted.prompts.contains { $0.keyQuestion == "4.1.1" })
        let folder = try appending("brent,4.1.1,resettlement-plan,4,3,", to: "prompts.csv")
        let line = try line(of: "brent,4.1.1,", in: "prompts.csv", folder)
        #expect(try failure(folder, selection) == "prompts.csv:\(line):2: '4.1.1' is not a key question of framework youth-2018")
    }

    @Test func aDiscretionRowIsValidatedAgainstItsServicesFramework() throws {
        // 3.4 is case-based in youth-2018 (a footnote on it reads) but judgement in youth-2021.
        let row = ",3.4,Outstanding,Outstanding,note"
        #expect(try read(try appending("kensington-and-chelsea" + row, to: "discretion.csv")).discretion.count == 5)
        let folder = try appending("north-somerset" + row, to: "discretion.csv")
        let line = try line(of: "north-somerset,3.4,", in: "discretion.csv", folder)
        #expect(try failure(folder) == "discretion.csv:\(line):2: '3.4' is not a case-based standard of framework youth-2021")
    }

    @Test func funnelsNeverPoolAcrossFrameworks() throws {
        let summary = try summarise(try MixedFrameworkDataset.make())
        #expect(summary.keyQuestionFunnels.map { "\($0.frameworkID) \($0.domainID)" }
            == ["youth-2018 2", "youth-2018 3", "youth-2021 2", "youth-2021 3"])
        for funnel in summary.keyQuestionFunnels {
            let services = Set((funnel.plot?.points ?? []).map { String($0.service.split(separator: " ")[0]) })
            let expected: Set<String> = funnel.frameworkID == "youth-2021" ? ["north-somerset"] : ["kensington-and-chelsea"]
            #expect(services == expected, "\(funnel.frameworkID) domain \(funnel.domainID): \(services)")
        }
        // The youth-2018 court funnel is centred on Kensington & Chelsea's domain-2 results alone
        // (brent prints percentages only): 40 yes of 45 relevant in key_questions.csv.
        let rows = try String(contentsOf: MixedFrameworkDataset.bundled.appendingPathComponent("key_questions.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { $0[0] == "kensington-and-chelsea" && $0[1].hasPrefix("2.") }
        let yes = rows.compactMap { Int($0[3]) }.reduce(0, +), relevant = rows.compactMap { Int($0[2]) }.reduce(0, +)
        #expect(yes == 40 && relevant == 45)
        let court2018 = try #require(summary.keyQuestionFunnels.first { $0.frameworkID == "youth-2018" && $0.domainID == "2" }?.plot)
        #expect(abs(court2018.target - Double(yes) / Double(relevant)) < 1e-12)
        #expect(summary.keyQuestionFunnels.first { $0.frameworkID == "youth-2018" && $0.domainID == "2" }?.excludedServices == ["brent"])
        // One framework: the court funnel pools both services with counts (24 results).
        let single = try summarise(MixedFrameworkDataset.bundled)
        #expect(single.keyQuestionFunnels.first?.plot?.points.count == 24)
        #expect(court2018.points.count == 12)
    }

    @Test func reportsNameEachServicesFrameworkWhenSeveralAreInUse() throws {
        let summary = try summarise(try MixedFrameworkDataset.make())
        let text = summary.textReport()
        #expect(text.contains("Frameworks: 2 in use (each service's section names the one it is read with)\n"))
        #expect(text.contains("  - youth-2021 (HM Inspectorate of Probation youth justice services inspection framework, from\n    mid-2021 (resettlement rated, not scored)): north-somerset;"))
        #expect(text.contains("=======================================================\nFramework: youth-2021 (HM Inspectorate"))
        #expect(text.contains("  4.1 Resettlement policy and provision           Good                  (judgement)"))
        #expect(text.contains("Funnel, court disposals (domain 2 of youth-2021, its services only):"))
        guard case let .object(members) = summary.jsonDocument() else { Issue.record("not an object"); return }
        #expect(members.map(\.0).prefix(5) == ["datasets", "framework", "maximum_score", "frameworks", "services"])
        #expect(members.first { $0.0 == "framework" }?.1 == .null)
        let files = Dictionary(summary.outputFiles().map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
        #expect(files["standards.csv"]?.hasPrefix("service,framework,standard,") == true)
        #expect(files["standards.csv"]?.contains("north-somerset,youth-2021,4.1,Resettlement policy and provision,judgement,Good,") == true)
        #expect(files["key_question_funnel.csv"]?.hasPrefix("framework,domain,service,") == true)
        #expect(Set(files.keys.filter { $0.hasPrefix("funnel-") })
            == ["funnel-youth-2018-domain-2.svg", "funnel-youth-2018-domain-3.svg", "funnel-youth-2021-domain-2.svg", "funnel-youth-2021-domain-3.svg"])
        // With one framework none of this appears.
        let single = try summarise(MixedFrameworkDataset.bundled)
        #expect(!single.textReport().contains("Frameworks:"))
        guard case let .object(singleMembers) = single.jsonDocument() else { Issue.record("not an object"); return }
        #expect(!singleMembers.contains { $0.0 == "frameworks" })
        #expect(single.outputFiles().contains { $0.name == "funnel-domain-2.svg" })
    }
}
