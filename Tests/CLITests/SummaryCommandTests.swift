import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("yjstat summary")
struct SummaryCommandTests {
    static let datasetFiles = ["inspections.csv", "ratings.csv", "key_questions.csv", "prompts.csv", "discretion.csv",
                               "demographics.csv", "population.csv", "caseload.csv", "rates.csv", "sample_composition.csv"]

    /// A copy of the bundled datasets with `edit` applied to one file (`nil` deletes it).
    func copyOfDatasets(editing file: String? = nil, _ edit: (String) -> String? = { $0 }) throws -> URL {
        let folder = try temporaryFolder()
        for name in Self.datasetFiles {
            var text: String? = try String(contentsOf: repositoryRoot.appendingPathComponent("Datasets/\(name)"), encoding: .utf8)
            if name == file, let original = text { text = edit(original) }
            if let text { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        }
        return folder
    }

    @Test func runsOnTheBundledDatasetsFromTheRepository() throws {
        let result = try runCLI(["summary"], in: repositoryRoot)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("yjstat summary: 3 youth offending service inspections\n"))
        for name in ["Kensington & Chelsea Youth Offending Service", "North Somerset Youth Offending Service", "Brent Youth Offending Service"] {
            #expect(result.stdout.contains(name))
        }
        #expect(result.stdout.contains("By the rules alone (lowest key-question band, no professional discretion): 27/36, Good."))
        #expect(result.stdout.contains("By the rules alone (lowest key-question band, no professional discretion): 24/36, Good."))
        #expect(result.stdout.contains("Footnoted discretion on 3.3 (Requires improvement → Good): the engine finds the same rule"))
    }

    /// Key numbers of every section, each checked against an independent computation in the comment.
    @Test func everySectionCarriesItsKeyNumbers() throws {
        let result = try runCLI(["summary"], in: repositoryRoot)
        #expect(result.status == 0)
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Samples: z = 1.2815516, z·√(0.25/4) = 0.3204 → ±32.0; with N = 40 (Cochran A) 0.3078 → ±30.8; n0/(1 + (n0 − 1)/40) = 32.2 → 33.
        #expect(text.contains("In a large population 4 cases give ±32.0 points at 80% confidence, not ±5."))
        #expect(text.contains("±30.8 points (Cochran A), ±30.4 (Cochran B); the rule would ask for 33 cases"))
        #expect(text.contains("The 60/40 rule (2020-21 reports) gives 19 out-of-court cases for 29 court cases; the sample has 20"))
        // Rating confidence: 2 of 4, Beta(3, 3): P(< 0.5) = 0.5.
        #expect(text.contains("2.1 Assessment Requires improvement 2.1.3 2/4 50% 26% 18% 6% 26%"))
        // Representation: 87/26 = 3.35, rounding (86.5/26.5, 87.5/25.5) = (3.26, 3.43).
        #expect(text.contains("ethnicity: Black and minority ethnic 87% 26% national 3.35 3.26–3.43 – +61"))
        #expect(text.contains("no whole number of the 80 children rounds to 87%"))
        #expect(text.contains("22,754 minority-ethnic children (2011) of 30,864 aged 10-17 (2018) = 73.7%, taken as 74%"))
        // Rates: 88 · 100,000 / 30,864 = 285.1; R poisson.test(88, r = 72.839) p = 0.0786.
        #expect(text.contains("88 first-time entrants is the only whole count"))
        #expect(text.contains("exact Poisson test p = 0.079"))
        #expect(text.contains("ratio 1.26 (rounding allows 1.254–1.260)"))
        // Across services.
        #expect(text.contains("24 key-question results with counts, pooled 91.1% yes."))
        #expect(text.contains("ethnicity: Black and minority ethnic vs national 3.35 (3.26–3.43) 0.12 (0.09–0.14) 2.92 (2.85–3.00)"))
    }

    @Test func findsTheBundledDatasetsFromAnotherFolderByTheExecutablesLocation() throws {
        let elsewhere = try temporaryFolder()
        let result = try runCLI(["summary"], in: elsewhere)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Data: \(repositoryRoot.appendingPathComponent("Datasets").path)"))
    }

    @Test func jsonIsOneDocumentWithEveryService() throws {
        let result = try runCLI(["summary", "--datasets", repositoryRoot.appendingPathComponent("Datasets").path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try parseJSON(result.stdout) as? [String: Any])
        #expect(document["framework"] as? String == "youth-2018")
        let services = try #require(document["services"] as? [[String: Any]])
        #expect(services.compactMap { $0["service"] as? String } == ["kensington-and-chelsea", "north-somerset", "brent"])
        let ratings = try #require(services.first?["ratings"] as? [String: Any])
        #expect(ratings["rule_score"] as? Int == 27)
        #expect(ratings["published_ratings_score"] as? Int == 29)
        let footnotes = try #require(ratings["footnoted_discretion"] as? [[String: Any]])
        #expect(footnotes.map { $0["agrees"] as? Bool } == [true, true])
    }

    @Test func outWritesTheTablesAndReport() throws {
        let out = try temporaryFolder().appendingPathComponent("summary/nested")
        let result = try runCLI(["summary", "--out", out.path], in: repositoryRoot)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let standards = try String(contentsOf: out.appendingPathComponent("standards.csv"), encoding: .utf8)
        #expect(standards.hasPrefix("service,standard,name,rated_by,published,rule_rating,differs,"))
        #expect(standards.contains("north-somerset,3.2,Planning,key-questions,Good,Requires improvement,true,3.2.3,1,2,50,counts,true\r\n"))
        #expect(try String(contentsOf: out.appendingPathComponent("summary.txt"), encoding: .utf8) == result.stdout)
        #expect(try parseJSON(String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)) is [String: Any])
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(written == ["summary.txt", "summary.json", "standards.csv", "findings.csv", "sample_audit.csv", "rating_confidence.csv",
                            "representation.csv", "rate_comparisons.csv", "key_question_funnel.csv", "key_questions_side_by_side.csv",
                            "representation_side_by_side.csv", "funnel-domain-2.svg", "funnel-domain-3.svg",
                            "representation-kensington-and-chelsea.svg", "representation-north-somerset.svg", "representation-brent.svg",
                            "representation-minority-ethnic.svg"])
        for svg in written where svg.hasSuffix(".svg") {
            let parser = XMLParser(data: try Data(contentsOf: out.appendingPathComponent(svg)))
            #expect(parser.parse(), "\(svg) is well-formed XML")
        }
        let rates = try String(contentsOf: out.appendingPathComponent("rate_comparisons.csv"), encoding: .utf8)
        #expect(rates.contains("brent,first_time_entrants_per_100000,285,england_wales,236,49,"))
    }

    @Test func outNeverReplacesAnInputFile() throws {
        let folder = try copyOfDatasets()
        let result = try runCLI(["summary", "--datasets", folder.path, "--out", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("ratings.csv"), encoding: .utf8).hasPrefix("service,standard,rating\n"))
        #expect(try String(contentsOf: folder.appendingPathComponent("standards.csv"), encoding: .utf8).hasPrefix("service,standard,name"))
    }

    @Test func aMissingFileIsAnInputErrorNamingIt() throws {
        let folder = try copyOfDatasets(editing: "demographics.csv") { _ in nil }
        let result = try runCLI(["summary", "--datasets", folder.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("demographics.csv: missing dataset file"))
    }

    @Test func aMissingFolderIsAnInputError() throws {
        let result = try runCLI(["summary", "--datasets", "/nonexistent/yjstat-datasets"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/yjstat-datasets: no such dataset folder"))
    }

    @Test(arguments: [
        ("demographics.csv", "north-somerset,sex,Female,25,national,15", "north-somerset,sex,Female,2x5,national,15",
         "demographics.csv:16:4: expected a whole number, found '2x5'"),
        ("demographics.csv", "brent,sex,Male,89,national,84", "brent,sex,Male,189,national,84",
         "demographics.csv:22:4: a percentage must be between 0 and 100, found 189"),
        ("rates.csv", "brent,reoffending_percent,50.4,england_wales,40.1", "brent,reoffending_percent,50.4,england_wales,forty",
         "rates.csv:3:5: expected a plain decimal number such as 285 or 50.4, found 'forty'"),
        ("population.csv", "brent,age_10_17,30864,2018", "brent,age_10_17,330864,2018",
         "population.csv:8:3: the 10-17 population 330864 is larger than the total population 330795"),
        ("caseload.csv", "north-somerset,custody,1", "north-somerset,prison,1",
         "caseload.csv:9:2: 'prison' is not a known disposal"),
        ("ratings.csv", "brent,1.1,Good", "brnt,1.1,Good", "ratings.csv:26: service 'brnt' has no row in inspections.csv"),
    ])
    func aMalformedRowStopsTheRunNamingTheCell(file: String, line: String, replacement: String, message: String) throws {
        let folder = try copyOfDatasets(editing: file) { text in
            #expect(text.contains(line + "\n"), "the mutation must apply")
            return text.replacingOccurrences(of: line + "\n", with: replacement + "\n")
        }
        let result = try runCLI(["summary", "--datasets", folder.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "nothing is printed from a rejected dataset")
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// Issue 12, item 7: `summary` stopped with exit 2 where `check` reports a finding; yes above
    /// relevant in `key_questions.csv` and in `prompts.csv` is now a located error finding, exit 1,
    /// with every other section still reported and written.
    @Test func yesAboveRelevantIsAFindingNotAStop_keyQuestion2point3point3And9Of7() throws {
        let folder = try copyOfDatasets(editing: "key_questions.csv") {
            #expect($0.contains("north-somerset,2.3.3,7,5,\n"))
            return $0.replacingOccurrences(of: "north-somerset,2.3.3,7,5,\n", with: "north-somerset,2.3.3,7,9,\n")
        }
        let prompts = folder.appendingPathComponent("prompts.csv")
        let text = try String(contentsOf: prompts, encoding: .utf8)
        #expect(text.contains("brent,3.3.3,services-manage-risk-of-harm,12,7,\n"))
        try text.replacingOccurrences(of: "brent,3.3.3,services-manage-risk-of-harm,12,7,\n", with: "brent,3.3.3,services-manage-risk-of-harm,12,13,\n")
            .write(to: prompts, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try runCLI(["summary", "--datasets", folder.path, "--out", out.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let flat = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("error [yes-exceeds-relevant] 2.3.3: 2.3.3 has 9 yes cases but only 7 relevant (key_questions.csv line 33)"))
        #expect(flat.contains("error [yes-exceeds-relevant] 3.3.3 services-manage-risk-of-harm: prompt services-manage-risk-of-harm of 3.3.3 has 13 yes cases but only 12 relevant (prompts.csv line 200)"))
        #expect(result.stdout.contains("Brent Youth Offending Service") && result.stdout.contains("Kensington & Chelsea Youth Offending Service"))
        let findings = try String(contentsOf: out.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(findings.contains("yes-exceeds-relevant,error,north-somerset,2.3.3,"))
        #expect(findings.contains("yes-exceeds-relevant,error,brent,3.3.3 services-manage-risk-of-harm,"))
        let check = try runCLI(["check", "--inspection", folder.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("north-somerset 2.3.3: error [yes-exceeds-relevant]"))
    }

    @Test func anErrorFindingExitsOneButStillReports() throws {
        let folder = try copyOfDatasets(editing: "inspections.csv") {
            $0.replacingOccurrences(of: "north-somerset,North Somerset Youth Offending Service,,youth-2018,26,",
                                    with: "north-somerset,North Somerset Youth Offending Service,,youth-2018,28,")
        }
        let result = try runCLI(["summary", "--datasets", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error [score-mismatch] score: published score 28"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try runCLI(["summary", "--format", "csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format must be one of text, json"))
    }
}
