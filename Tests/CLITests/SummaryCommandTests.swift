import Foundation
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
        ("key_questions.csv", "north-somerset,2.3.3,7,5,", "north-somerset,2.3.3,7,9,",
         "key_questions.csv:33:4: 2.3.3 has 9 yes cases but only 7 relevant"),
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
