import Foundation
import Testing
import YJStat

/// `yjstat disproportionality --records`: case-level extract → per-service analysis in one pass.
@Suite("yjstat disproportionality --records")
struct DisproportionalityRecordsTests {
    /// A synthetic extract, each service's population by group, and the folder holding them.
    struct Fixture {
        let folder: URL
        let records: URL
        let population: URL
        /// Counts by service, group and stage, from `yjstat aggregate` (an independent code path).
        let counts: [String: [String: [String: Int]]]
    }

    static func makeFixture() throws -> Fixture {
        let folder = try temporaryFolder()
        let records = folder.appendingPathComponent("records.csv")
        let synth = try runCLI(["synth", "--rows", "3000", "--seed", "11", "--out", records.path])
        #expect(synth.status == 0, "\(synth.stderr)")
        let aggregated = try runCLI(["aggregate", "--records", records.path, "--by", "service,ethnicity,stage", "--format", "csv"])
        #expect(aggregated.status == 0)
        var counts: [String: [String: [String: Int]]] = [:]
        for line in aggregated.stdout.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            counts[cells[0], default: [:]][cells[1], default: [:]][cells[2]] = Int(cells[3])
        }
        // Every known group in every service: 1,000 + 40 × the group's records there.
        let allGroups = Set(counts.values.flatMap(\.keys)).subtracting(["Unknown"]).sorted()
        var population = "service,group,population\n"
        for (service, groups) in counts.sorted(by: { $0.key < $1.key }) {
            for group in allGroups {
                population += "\(service),\(group),\(1000 + 40 * (groups[group]?.values.reduce(0, +) ?? 0))\n"
            }
        }
        let populationURL = folder.appendingPathComponent("population.csv")
        try population.write(to: populationURL, atomically: true, encoding: .utf8)
        return Fixture(folder: folder, records: records, population: populationURL, counts: counts)
    }

    @Test func oneServiceMatchesTheSameCountsGivenAsATable() throws {
        let fixture = try Self.makeFixture()
        let service = "merton"
        let groups = try #require(fixture.counts[service])
        // The same service as a long-form counts table, built from aggregate's counts.
        var table = "group,stage,count\n"
        let allGroups = Set(fixture.counts.values.flatMap(\.keys)).sorted()
        let populationLines = try String(contentsOf: fixture.population, encoding: .utf8).split(separator: "\n")
        for line in populationLines where line.hasPrefix(service + ",") {
            let cells = line.split(separator: ",")
            table += "\(cells[1]),population,\(cells[2])\n"
        }
        let stages = ["arrest", "first-time entry", "out-of-court disposal", "court", "custody", "remand"]
        for group in allGroups where group != "Unknown" || groups[group] != nil {
            for stage in stages { table += "\(group),\(stage),\(groups[group]?[stage] ?? 0)\n" }
        }
        let countsURL = fixture.folder.appendingPathComponent("merton.csv")
        try table.write(to: countsURL, atomically: true, encoding: .utf8)
        let stageList = stages.joined(separator: ",")

        let fromRecords = try runCLI(["disproportionality", "--records", fixture.records.path, "--service", service,
                                      "--population", fixture.population.path, "--unknown", "Unknown",
                                      "--stages", stageList, "--format", "json", "--wide"])
        #expect(fromRecords.status == 0, "\(fromRecords.stderr)")
        let fromCounts = try runCLI(["disproportionality", "--counts", countsURL.path, "--unknown", "Unknown",
                                     "--stages", stageList, "--format", "json", "--wide"])
        #expect(fromCounts.status == 0, "\(fromCounts.stderr)")
        let recordRows = try #require(try jsonRows(fromRecords.stdout))
        let countRows = try #require(try jsonRows(fromCounts.stdout))
        #expect(!recordRows.isEmpty && recordRows.count == countRows.count)
        func key(_ row: [String: Any]) -> String { "\(row["group"] ?? "") / \(row["stage"] ?? "")" }
        let plainByKey = Dictionary(countRows.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for withService in recordRows {
            #expect(withService["service"] as? String == service)
            var stripped = withService
            stripped.removeValue(forKey: "service")
            let plain = try #require(plainByKey[key(withService)], "no counts-table row for \(key(withService))")
            let differing = stripped.keys.filter { String(describing: stripped[$0]) != String(describing: plain[$0]) }
            #expect(differing.isEmpty && stripped.count == plain.count, "row \(key(withService)) differs in \(differing.sorted())")
        }
    }

    @Test func allServicesInOnePass() throws {
        let fixture = try Self.makeFixture()
        let result = try runCLI(["disproportionality", "--records", fixture.records.path, "--service", "all",
                                 "--population", fixture.population.path, "--unknown", "Unknown", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("service,group,stage,") == true)
        let services = Set(lines.dropFirst().map { $0.split(separator: ",")[0] })
        #expect(services.count == fixture.counts.count)
    }

    @Test func badInputExitsTwoWithAMessage() throws {
        let fixture = try Self.makeFixture()
        let noPopulation = try runCLI(["disproportionality", "--records", fixture.records.path, "--service", "all"])
        #expect(noPopulation.status == 2)
        #expect(noPopulation.stderr.contains("--records needs --population"))
        let noService = try runCLI(["disproportionality", "--records", fixture.records.path, "--population", fixture.population.path])
        #expect(noService.status == 2)
        #expect(noService.stderr.contains("--service"))
        let both = try runCLI(["disproportionality", "--records", fixture.records.path, "--counts", fixture.population.path])
        #expect(both.status == 2 && both.stderr.contains("not both"))
        let unknownService = try runCLI(["disproportionality", "--records", fixture.records.path, "--service", "atlantis",
                                         "--population", fixture.population.path])
        #expect(unknownService.status == 2 && unknownService.stderr.contains("no records for service 'atlantis'"))
        // A service with no population rows is named.
        let partial = fixture.folder.appendingPathComponent("partial.csv")
        try "service,group,population\nmerton,White,5000\nmerton,Black,x\n".write(to: partial, atomically: true, encoding: .utf8)
        let badCell = try runCLI(["disproportionality", "--records", fixture.records.path, "--service", "merton", "--population", partial.path])
        #expect(badCell.status == 2 && badCell.stderr.contains("partial.csv:3:3"), "\(badCell.stderr)")
        try "service,group,population\nmerton,White,5000\n".write(to: partial, atomically: true, encoding: .utf8)
        let missing = try runCLI(["disproportionality", "--records", fixture.records.path, "--service", "bolton", "--population", partial.path])
        #expect(missing.status == 2 && missing.stderr.contains("no population rows for service 'bolton'"), "\(missing.stderr)")
        let populationWithoutRecords = try runCLI(["disproportionality", "--counts", fixture.population.path, "--population", "x"])
        #expect(populationWithoutRecords.status == 2 && populationWithoutRecords.stderr.contains("--population goes with --records"))
    }

    /// Issue 12 item 1: records White ×3, Asian ×1 with population White 100, Black 50, Asian 40.
    @Test func populationGroupWithNoRecordsKeepsCountZero_white3Asian1BlackNone() throws {
        let folder = try temporaryFolder()
        let records = folder.appendingPathComponent("records.csv")
        try "service,ethnicity,stage\nA,White,arrest\nA,White,arrest\nA,White,arrest\nA,Asian,arrest\n"
            .write(to: records, atomically: true, encoding: .utf8)
        let population = folder.appendingPathComponent("population.csv")
        try "service,group,population\nA,White,100\nA,Black,50\nA,Asian,40\n".write(to: population, atomically: true, encoding: .utf8)
        let counts = folder.appendingPathComponent("counts.csv")
        try "group,stage,count\nWhite,population,100\nBlack,population,50\nAsian,population,40\nWhite,arrest,3\nBlack,arrest,0\nAsian,arrest,1\n"
            .write(to: counts, atomically: true, encoding: .utf8)
        let fromRecords = try runCLI(["disproportionality", "--records", records.path, "--service", "A", "--population", population.path, "--format", "json", "--wide"])
        #expect(fromRecords.status == 0, "\(fromRecords.stderr)")
        let fromCounts = try runCLI(["disproportionality", "--counts", counts.path, "--format", "json", "--wide"])
        let recordRows = try #require(try jsonRows(fromRecords.stdout))
        let countRows = try #require(try jsonRows(fromCounts.stdout))
        #expect(Set(recordRows.compactMap { $0["group"] as? String }) == ["White", "Black", "Asian"])
        let white = try #require(recordRows.first { $0["group"] as? String == "White" })
        let share = try #require(white["base_share"] as? Double)
        #expect(abs(share - 100.0 / 190) < 1e-12, "White base_share \(share), 0.526 is right")
        let black = try #require(recordRows.first { $0["group"] as? String == "Black" })
        #expect(black["count"] as? Int == 0)
        for row in recordRows {
            let plain = try #require(countRows.first { $0["group"] as? String == row["group"] as? String })
            var stripped = row
            stripped.removeValue(forKey: "service")
            #expect(String(describing: stripped.sorted { $0.key < $1.key }) == String(describing: plain.sorted { $0.key < $1.key }))
        }
    }

    @Test func recordsGroupWithNoPopulationRowIsAnErrorSuggestingUnknown() throws {
        let folder = try temporaryFolder()
        let records = folder.appendingPathComponent("records.csv")
        try "service,ethnicity,stage\nA,White,arrest\nA,Mixed,arrest\nA,Unknown,arrest\n".write(to: records, atomically: true, encoding: .utf8)
        let population = folder.appendingPathComponent("population.csv")
        try "service,group,population\nA,White,100\nA,Black,50\n".write(to: population, atomically: true, encoding: .utf8)
        let result = try runCLI(["disproportionality", "--records", records.path, "--service", "A", "--population", population.path, "--unknown", "Unknown"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'Mixed'") && result.stderr.contains("--unknown") && !result.stderr.contains("'Unknown'"), "\(result.stderr)")
    }

    /// Property: `--records` equals `--counts` on the same numbers, for random tables in which
    /// some population groups have no records at all.
    @Test func recordsEqualsCountsOnRandomTablesWithEmptyGroups() throws {
        var generator = SplitMix64(seed: 1212)  // SplitMix64
        let groups = ["White", "Black", "Asian", "Mixed", "Other"]
        for trial in 0..<4 {
            let folder = try temporaryFolder()
            var recordText = "service,ethnicity,stage\n", populationText = "service,group,population\n"
            var countsText = "group,stage,count\n"
            for group in groups {
                let population = Int.random(in: 20...400, using: &generator)
                let arrests = group == "White" ? Int.random(in: 1...15, using: &generator)
                    : (Int.random(in: 0...2, using: &generator) == 0 ? 0 : Int.random(in: 0...15, using: &generator))
                populationText += "S,\(group),\(population)\n"
                countsText += "\(group),population,\(population)\n\(group),arrest,\(arrests)\n"
                recordText += String(repeating: "S,\(group),arrest\n", count: arrests)
            }
            let records = folder.appendingPathComponent("r.csv"), population = folder.appendingPathComponent("p.csv")
            let counts = folder.appendingPathComponent("c.csv")
            try recordText.write(to: records, atomically: true, encoding: .utf8)
            try populationText.write(to: population, atomically: true, encoding: .utf8)
            try countsText.write(to: counts, atomically: true, encoding: .utf8)
            let a = try runCLI(["disproportionality", "--records", records.path, "--service", "S", "--population", population.path, "--format", "json", "--wide"])
            let b = try runCLI(["disproportionality", "--counts", counts.path, "--format", "json", "--wide"])
            #expect(a.status == 0 && b.status == 0, "trial \(trial): \(a.stderr) \(b.stderr)")
            let recordRows = try #require(try jsonRows(a.stdout))
            let countRows = try #require(try jsonRows(b.stdout))
            #expect(recordRows.count == countRows.count, "trial \(trial)")
            for row in recordRows {
                let plain = try #require(countRows.first { $0["group"] as? String == row["group"] as? String })
                var stripped = row
                stripped.removeValue(forKey: "service")
                #expect(String(describing: stripped.sorted { $0.key < $1.key }) == String(describing: plain.sorted { $0.key < $1.key }), "trial \(trial) \(row["group"] ?? "")")
            }
        }
    }
}
