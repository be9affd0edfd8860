import Foundation
import Testing

@Suite("yjstat rate, check, check-ratings")
struct InspectionCommandTests {
    let datasets = repositoryRoot.appendingPathComponent("Datasets").path

    /// Copies the bundled inspection files to a temporary folder, applying `edit` to one file's text.
    func mutatedCopy(_ file: String, _ edit: (String) -> String) throws -> URL {
        let folder = try temporaryFolder()
        for name in ["inspections.csv", "ratings.csv", "key_questions.csv"] {
            var text = try String(contentsOf: repositoryRoot.appendingPathComponent("Datasets/\(name)"), encoding: .utf8)
            if name == file { text = edit(text) }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func checkOnTheBundledDatasetsFindsTheFourDiscretionCasesAndExitsZero() throws {
        let result = try runCLI(["check", "--inspection", datasets, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let findings = try #require(try parseJSON(result.stdout) as? [[String: String]])
        for finding in findings {
            #expect(Set(finding.keys) == ["code", "severity", "service", "location", "message"])
        }
        #expect(!findings.contains { $0["severity"] == "error" })
        let discretion = findings.filter { $0["code"] == "discretion" }.map { "\($0["service"] ?? "") \($0["location"] ?? "")" }
        #expect(discretion == ["kensington-and-chelsea 3.1", "kensington-and-chelsea 3.2", "north-somerset 3.2", "north-somerset 3.3"])
        #expect(findings.filter { $0["code"] == "band-ambiguous-percent" }.count == 4)
    }

    /// issue 15: a service whose inspections.csv row names youth-2021 is checked and rated with
    /// youth-2021 (its resettlement standard 4.1 rated, not scored), the others with youth-2018;
    /// `--framework FILE` overrides every row, and an unknown id falls back with a warning.
    @Test func eachServiceIsCheckedWithTheFrameworkItsRowNames_brentInspectedUnderYouth2021() throws {
        let folder = try mutatedCopy("inspections.csv") {
            $0.replacingOccurrences(of: "brent,Brent Youth Offending Service,2019-12,youth-2018", with: "brent,Brent Youth Offending Service,2019-12,youth-2021")
        }
        func findings(_ extra: [String] = []) throws -> [[String: String]] {
            let result = try runCLI(["check", "--inspection", folder.path, "--format", "json"] + extra)
            #expect(result.status != 2, "stderr: \(result.stderr)")
            return try #require(try parseJSON(result.stdout) as? [[String: String]])
        }
        #expect(!(try findings()).contains { $0["code"] == "framework-mismatch" })
        let forced = try findings(["--framework", repositoryRoot.appendingPathComponent("Sources/YJStat/Inspection/Frameworks/youth-2018.json").path])
        let mismatches = forced.filter { $0["code"] == "framework-mismatch" }
        #expect(mismatches.map { $0["service"] } == ["brent"])
        #expect(mismatches.first?["message"]?.contains("names framework 'youth-2021' but the checks use 'youth-2018'") == true)

        let rated = try runCLI(["rate", "--inspection", folder.path, "--format", "json"])
        #expect(rated.status == 0, "stderr: \(rated.stderr)")
        let services = try #require(try parseJSON(rated.stdout) as? [[String: Any]])
        func standards(_ service: String) -> [String] {
            let entry = services.first { $0["service"] as? String == service }
            return ((entry?["standards"] as? [[String: Any]]) ?? []).compactMap { $0["standard"] as? String }
        }
        #expect(standards("brent").contains("4.1"))
        #expect(!standards("north-somerset").contains("4.1"))
        #expect(services.allSatisfy { $0["maximum_score"] as? Int == 36 })

        let unknown = try mutatedCopy("inspections.csv") {
            $0.replacingOccurrences(of: "brent,Brent Youth Offending Service,2019-12,youth-2018", with: "brent,Brent Youth Offending Service,2019-12,youth-2030")
        }
        let result = try runCLI(["check", "--inspection", unknown.path, "--format", "json"])
        let fallback = try #require(try parseJSON(result.stdout) as? [[String: String]]).filter { $0["code"] == "framework-mismatch" }
        #expect(fallback.map { $0["service"] } == ["brent"])
        #expect(fallback.first?["message"]?.contains("names framework 'youth-2030' but the checks use 'youth-2018'") == true)
    }

    @Test func checkTextEndsWithCounts() throws {
        let result = try runCLI(["check", "--inspection", datasets, "--service", "north-somerset"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("north-somerset 3.2: warning [discretion]: standard 3.2 Planning is published Good"))
        #expect(result.stdout.hasSuffix("0 errors, 2 warnings, 0 info\n"))
    }

    @Test func checkExitsOneOnAnErrorFinding() throws {
        let folder = try mutatedCopy("ratings.csv") { $0.replacingOccurrences(of: "north-somerset,1.1,Requires improvement", with: "north-somerset,1.1,Good") }
        let result = try runCLI(["check", "--inspection", folder.path, "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("code,severity,service,location,message\r\n"))
        #expect(result.stdout.contains("score-mismatch,error,north-somerset,score,"))
    }

    @Test func rateShowsRuleRatingsScoresAndTriggers() throws {
        let result = try runCLI(["rate", "--inspection", datasets, "--service", "kensington-and-chelsea", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let services = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(services.count == 1)
        let service = try #require(services.first)
        #expect(service["rule_score"] as? Int == 27)
        #expect(service["published_ratings_score"] as? Int == 29)
        let standards = try #require(service["standards"] as? [[String: Any]])
        let planning = try #require(standards.first { $0["standard"] as? String == "3.2" })
        #expect(planning["rule_rating"] as? String == "Inadequate")
        #expect(planning["published"] as? String == "Requires improvement")
        let triggers = try #require(planning["triggers"] as? [[String: Any]])
        #expect(triggers.contains { $0["kind"] as? String == "one-case-change" && ($0["evidence"] as? String)?.contains("0/1 → 1/1") == true })
        let text = try runCLI(["rate", "--inspection", datasets, "--service", "kensington-and-chelsea"])
        #expect(text.stdout.contains("3.2 Planning                     Requires improvement *  Inadequate"))
        #expect(text.stdout.contains("rule score 27/36"))
    }

    @Test func rateCSVHasOneRowPerStandard() throws {
        let result = try runCLI(["rate", "--inspection", datasets, "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.count == 1 + 36)
        #expect(lines.first?.hasPrefix("service,standard,name,rated_by,published,rule_rating,differs") == true)
    }

    @Test func missingFileExitsTwoNamingIt() throws {
        let folder = try mutatedCopy("ratings.csv") { $0 }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("key_questions.csv"))
        let result = try runCLI(["check", "--inspection", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("key_questions.csv: cannot read file (no such file)"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func missingColumnExitsTwoNamingFileAndLine() throws {
        let folder = try mutatedCopy("ratings.csv") { $0.replacingOccurrences(of: "service,standard,rating", with: "service,standard,grade") }
        let result = try runCLI(["rate", "--inspection", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ratings.csv:1: missing column 'rating'"), "stderr: \(result.stderr)")
    }

    @Test func nonNumericCountExitsTwoNamingFileLineColumn() throws {
        let folder = try mutatedCopy("key_questions.csv") { $0.replacingOccurrences(of: "north-somerset,2.2.3,7,6,", with: "north-somerset,2.2.3,7,six,") }
        let result = try runCLI(["check", "--inspection", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("key_questions.csv:30:4: expected a whole number, found 'six'"), "stderr: \(result.stderr)")
    }

    @Test func unknownServiceAndMissingOptionAreUsageErrors() throws {
        let unknown = try runCLI(["check", "--inspection", datasets, "--service", "nowhere"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--service: no service 'nowhere'"))
        let missing = try runCLI(["rate"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--inspection"))
    }

    @Test func frameworkOptionLoadsAFileAndReportsBadOnes() throws {
        let folder = try temporaryFolder()
        let bundled = try String(contentsOf: repositoryRoot.appendingPathComponent("Sources/YJStat/Inspection/Frameworks/youth-2018.json"), encoding: .utf8)
        // A framework where 70% is Outstanding: North Somerset's 2.3 (lowest 5/7 = 71.4%, 1.4 points
        // above the new boundary) becomes an Outstanding rule against a published Good.
        let edited = bundled.replacingOccurrences(of: "\"id\": \"youth-2018\"", with: "\"id\": \"test-strict\"")
            .replacingOccurrences(of: "\"minimum_percent\": 80", with: "\"minimum_percent\": 70")
        try edited.write(to: folder.appendingPathComponent("fw.json"), atomically: true, encoding: .utf8)
        let result = try runCLI(["check", "--inspection", datasets, "--service", "north-somerset", "--framework", folder.appendingPathComponent("fw.json").path])
        #expect(result.stdout.contains("[framework-mismatch]"))
        #expect(result.stdout.contains("north-somerset 2.3: warning [discretion]: standard 2.3 Implementation and delivery is published Good; the rules give Outstanding"))
        #expect(result.status == 0)
        let missing = try runCLI(["check", "--inspection", datasets, "--framework", "/nonexistent/fw.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/fw.json: cannot read framework file"))
    }

    @Test func checkRatingsOnAWideTable() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("wide.csv")
        try """
        service,overall_rating,score_percent,1.1,1.2,1.3,1.4,2.1,2.2,2.3,2.4,3.1,3.2,3.3,3.4
        north-somerset,Good,72.2,RI,Good,RI,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding
        brent,Good,,Good,Good,RI,,Good,Good,Good,Good,Good,Good,RI,Good
        other,Good,82,Good,Good,Good,Good,Good,Good,Good,Good,Good,Good,Good,Good

        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try runCLI(["check-ratings", file.path, "--format", "json"])
        #expect(result.status == 1)
        let findings = try #require(try parseJSON(result.stdout) as? [[String: String]])
        #expect(findings.map { "\($0["service"] ?? "") \($0["code"] ?? "")" } == ["brent missing-rating", "other score-percent-not-whole"])
        let missing = try runCLI(["check-ratings", folder.appendingPathComponent("none.csv").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.csv: cannot read file (no such file)"))
    }

    /// One table of inspections under both frameworks: each row by the framework it names.
    @Test func checkRatingsReadsEachRowWithTheFrameworkItNames() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("wide.csv")
        try """
        service,framework,overall_rating,score,1.1,1.2,1.3,1.4,2.1,2.2,2.3,2.4,3.1,3.2,3.3,3.4,4.1
        north-somerset,youth-2018,Good,26,RI,Good,RI,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding,
        later,youth-2021,Good,26,RI,Good,RI,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding,Good
        mislabelled,youth-2018,Good,26,RI,Good,RI,Good,Outstanding,Outstanding,Good,Good,Outstanding,Good,Good,Outstanding,Good

        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try runCLI(["check-ratings", file.path, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let findings = try #require(try parseJSON(result.stdout) as? [[String: String]])
        #expect(findings.map { "\($0["service"] ?? "") \($0["code"] ?? "") \($0["location"] ?? "")" } == ["mislabelled unknown-standard 4.1"])
        let forced = try runCLI(["check-ratings", file.path, "--format", "json", "--framework", "Sources/YJStat/Inspection/Frameworks/youth-2018.json"])
        #expect(forced.status == 2 && forced.stderr.contains("wide.csv:1:17: column '4.1' is not a standard of framework youth-2018"), "\(forced.stderr)")
    }
}
