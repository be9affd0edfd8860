import Foundation
import Testing

/// `yjstat summary` on a dataset whose services name different frameworks, in-process: each
/// service by its row's framework, `--framework FILE` for all, the output naming the frameworks.
@Suite("yjstat summary with several frameworks")
struct SummaryFrameworkCommandTests {
    static let files = ["inspections.csv", "ratings.csv", "key_questions.csv", "prompts.csv", "discretion.csv",
                        "demographics.csv", "population.csv", "caseload.csv", "rates.csv", "sample_composition.csv"]
    static let youth2018File = repositoryRoot.appendingPathComponent("Sources/YJStat/Inspection/Frameworks/youth-2018.json").path

    /// A copy of the bundled datasets in which north-somerset is a youth-2021 inspection (its row
    /// names youth-2021, 4.1 is rated Good, no 3.4.1–3.4.2 results), plus `extra` rows by file.
    func mixedDatasets(adding extra: [String: String] = [:]) throws -> URL {
        let folder = try temporaryFolder()
        for name in Self.files {
            var lines = try String(contentsOf: repositoryRoot.appendingPathComponent("Datasets/\(name)"), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            switch name {
            case "inspections.csv":
                let index = try #require(lines.firstIndex { $0.hasPrefix("north-somerset,") && $0.contains(",youth-2018,") })
                lines[index] = lines[index].replacingOccurrences(of: ",youth-2018,", with: ",youth-2021,")
            case "ratings.csv":
                lines.insert("north-somerset,4.1,Good", at: try #require(lines.firstIndex { $0.hasPrefix("north-somerset,3.4,") }) + 1)
            case "key_questions.csv", "prompts.csv":
                let before = lines.count
                lines.removeAll { $0.hasPrefix("north-somerset,3.4.") }
                #expect(lines.count < before, "the edit must apply to \(name)")
            default:
                break
            }
            var text = lines.joined(separator: "\n")
            if let row = extra[name] { text += row + "\n" }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func eachServiceIsReadWithTheFrameworkItsRowNames() throws {
        let folder = try mixedDatasets()
        let result = try runCLI(["summary", "--datasets", folder.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let flat = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("Frameworks: 2 in use (each service's section names the one it is read with)"))
        #expect(flat.contains("- youth-2018 (HM Inspectorate of Probation youth offending services inspection framework, 2018-2021): kensington-and-chelsea, brent;"))
        #expect(flat.contains("North Somerset Youth Offending Service (north-somerset) ======================================================= Framework: youth-2021 ("))
        #expect(flat.contains("4.1 Resettlement policy and provision Good (judgement)"))
        #expect(flat.contains("3.4 Out-of-court disposal policy and provision Outstanding (judgement)"))
        #expect(!flat.contains("framework-mismatch"))
        #expect(flat.contains("Funnel, court disposals (domain 2 of youth-2018, its services only): 12 key-question results with counts, pooled 88.9% yes."))
        #expect(flat.contains("Funnel, court disposals (domain 2 of youth-2021, its services only): 12 key-question results with counts, pooled 92.2% yes."))
        // `check` on the same folder reads north-somerset with youth-2021 too: no 4.1 error.
        let check = try runCLI(["check", "--inspection", folder.path, "--service", "north-somerset", "--format", "csv"])
        #expect(!check.stdout.contains("unknown-standard") && !check.stdout.contains("framework-mismatch"), "\(check.stdout)")
    }

    @Test func jsonListsTheFrameworksAndEachServicesFramework() throws {
        let result = try runCLI(["summary", "--datasets", try mixedDatasets().path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect(document["framework"] is NSNull && document["maximum_score"] is NSNull)
        let frameworks = try #require(document["frameworks"] as? [[String: Any]])
        #expect(frameworks.compactMap { $0["id"] as? String } == ["youth-2018", "youth-2021"])
        #expect(frameworks.compactMap { $0["maximum_score"] as? Int } == [36, 36])
        #expect(frameworks.map { $0["services"] as? [String] ?? [] } == [["kensington-and-chelsea", "brent"], ["north-somerset"]])
        let services = try #require(document["services"] as? [[String: Any]])
        #expect(services.compactMap { $0["framework"] as? String } == ["youth-2018", "youth-2021", "youth-2018"])
        let ratings = try #require(services[1]["ratings"] as? [String: Any])
        let standards = try #require(ratings["standards"] as? [[String: Any]])
        #expect(standards.compactMap { $0["standard"] as? String }.last == "4.1")
        let across = try #require(document["across_services"] as? [String: Any])
        let funnels = try #require(across["key_question_funnels"] as? [[String: Any]])
        #expect(funnels.map { "\($0["framework"] as? String ?? "") \($0["domain"] as? String ?? "")" }
            == ["youth-2018 2", "youth-2018 3", "youth-2021 2", "youth-2021 3"])
    }

    @Test func outNamesTheFunnelsAndStandardsByFramework() throws {
        let out = try temporaryFolder().appendingPathComponent("out")
        let result = try runCLI(["summary", "--datasets", try mixedDatasets().path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(written.filter { $0.hasPrefix("funnel-") }
            == Set(["funnel-youth-2018-domain-2.svg", "funnel-youth-2018-domain-3.svg", "funnel-youth-2021-domain-2.svg", "funnel-youth-2021-domain-3.svg"]))
        let standards = try String(contentsOf: out.appendingPathComponent("standards.csv"), encoding: .utf8)
        #expect(standards.contains("north-somerset,youth-2021,4.1,Resettlement policy and provision,judgement,Good,"))
        #expect(standards.contains("kensington-and-chelsea,youth-2018,3.4,Joint working,key-questions,"))
        let svg = try String(contentsOf: out.appendingPathComponent("funnel-youth-2021-domain-2.svg"), encoding: .utf8)
        #expect(svg.contains("Court disposals (youth-2021): key-question results"))
    }

    @Test func frameworkFileForcesOneFrameworkForAll() throws {
        let result = try runCLI(["summary", "--datasets", try mixedDatasets().path, "--framework", Self.youth2018File, "--format", "json"])
        #expect(result.status == 1, "4.1 is not a youth-2018 standard: an error finding; stderr: \(result.stderr)")
        let document = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect(document["framework"] as? String == "youth-2018")
        #expect(document["frameworks"] == nil)
        let services = try #require(document["services"] as? [[String: Any]])
        #expect(services.allSatisfy { $0["framework"] == nil })
        let findings = try #require((services[1]["ratings"] as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["code"] as? String == "framework-mismatch" })
        #expect(findings.contains { $0["code"] as? String == "unknown-standard" && $0["location"] as? String == "4.1" })
    }

    @Test func aPromptOfAnotherFrameworkStopsTheRunNamingTheServicesFramework() throws {
        let folder = try mixedDatasets(adding: ["prompts.csv": "north-somerset,3.4.1,extra-prompt,3,3,"])
        let line = try String(contentsOf: folder.appendingPathComponent("prompts.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let result = try runCLI(["summary", "--datasets", folder.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("prompts.csv:\(line):2: '3.4.1' is not a key question of framework youth-2021"), "\(result.stderr)")
        // The same row for a youth-2018 service is read.
        let accepted = try runCLI(["summary", "--datasets", try mixedDatasets(adding: ["prompts.csv": "brent,3.4.1,extra-prompt,3,3,"]).path])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test func oneFrameworkAddsNothing() throws {
        let result = try runCLI(["summary", "--format", "json"], in: repositoryRoot)
        let document = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect(document["frameworks"] == nil && document["framework"] as? String == "youth-2018")
        #expect((document["services"] as? [[String: Any]])?.allSatisfy { $0["framework"] == nil } == true)
        let text = try runCLI(["summary"], in: repositoryRoot).stdout
        #expect(!text.contains("Frameworks:") && text.contains("Funnel, court disposals (domain 2):"))
    }

    @Test func helpSaysHowTheFrameworkIsChosen() throws {
        let help = try runCLI(["summary", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Each service is read and checked with the bundled framework its inspections.csv row names"))
        #expect(help.contains("default: for each service the bundled framework its inspections.csv row names, else youth-2018"))
    }
}
