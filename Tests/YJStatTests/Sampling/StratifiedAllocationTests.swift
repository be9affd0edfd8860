import Testing
@testable import YJStat

@Suite("Stratified allocation")
struct StratifiedAllocationTests {
    static func table(_ counts: [Int]) throws -> StrataTable {
        try StrataTable(variables: ["stratum"], strata: counts.enumerated().map { Stratum(levels: ["s\($0)"], population: $1) })
    }

    @Test func matchesTheIndependentImplementation() throws {
        let fixture = try SamplingFixture.load()
        #expect(fixture.allocations.count > 30)
        for item in fixture.allocations {
            let allocation = try StratifiedAllocation.allocate(try Self.table(item.counts), sample: item.sample, minimum: item.minimum)
            #expect(allocation.strata.map(\.allocated) == item.allocation, "counts \(item.counts) n=\(item.sample) min=\(item.minimum)")
        }
    }

    @Test func propertiesHoldOverRandomCrossedTables() throws {
        var rng = SplitMix64(seed: 0x5EED_2024)
        for trial in 0..<400 {
            let sexes = ["male", "female"].prefix(Int.random(in: 1...2, using: &rng))
            let disposals = ["referral", "yro", "dto"].prefix(Int.random(in: 1...3, using: &rng))
            let rosh = ["low", "medium", "high", "very high"].prefix(Int.random(in: 1...4, using: &rng))
            var strata: [Stratum] = []
            for s in sexes { for d in disposals { for r in rosh {
                let count = Bool.random(using: &rng) ? 0 : Int.random(in: 0...40, using: &rng)
                strata.append(Stratum(levels: [s, d, r], population: count))
            } } }
            let table = try StrataTable(variables: ["sex", "disposal", "rosh"], strata: strata)
            guard table.total > 0 else { continue }
            let sample = Int.random(in: 0...table.total, using: &rng)
            let minimum = Int.random(in: 0...2, using: &rng)
            let required = strata.reduce(0) { $0 + min(minimum, $1.population) }
            if required > sample {
                #expect(throws: InvalidArgumentError.self) { try StratifiedAllocation.allocate(table, sample: sample, minimum: minimum) }
                continue
            }
            let allocation = try StratifiedAllocation.allocate(table, sample: sample, minimum: minimum)
            let allocated = allocation.strata.map(\.allocated)
            #expect(allocated.reduce(0, +) == sample, "trial \(trial): total")
            for (stratum, result) in zip(strata, allocation.strata) {
                #expect(result.allocated >= 0 && result.allocated <= stratum.population, "trial \(trial): bounds")
                if stratum.population == 0 { #expect(result.allocated == 0, "trial \(trial): empty stratum got a case") }
                if stratum.population > 0 { #expect(result.allocated >= min(minimum, stratum.population), "trial \(trial): minimum") }
                if minimum == 0 {
                    // Quota rule: ⌊quota⌋ or ⌈quota⌉.
                    let quota = Double(sample) * Double(stratum.population) / Double(table.total)
                    #expect(Double(result.allocated) >= quota.rounded(.down) - 1e-9 && Double(result.allocated) <= quota.rounded(.up) + 1e-9,
                            "trial \(trial): quota rule")
                }
            }
            // Marginals add up for every variable.
            for variable in table.variables {
                let levels = allocation.marginals.filter { $0.variable == variable }
                #expect(levels.reduce(0) { $0 + $1.allocated } == sample)
                #expect(levels.reduce(0) { $0 + $1.population } == table.total)
                if sample > 0 { #expect(abs(levels.reduce(0) { $0 + $1.difference }) < 1e-12) }
            }
        }
    }

    @Test func ratiosOfAnExampleAreReported() throws {
        let table = try Self.table([14, 6, 9, 4, 5, 2, 0])
        let allocation = try StratifiedAllocation.allocate(table, sample: 12, minimum: 1)
        #expect(allocation.strata.map(\.allocated) == [4, 2, 3, 1, 1, 1, 0])
        #expect(allocation.strata[5].heldAtMinimum)
        let share = try #require(allocation.marginals.first { $0.level == "s0" })
        #expect(share.populationShare == 14.0 / 40)
        #expect(share.allocatedShare == 4.0 / 12)
    }

    @Test func badInputThrows() throws {
        let table = try Self.table([3, 0, 2])
        #expect(throws: InvalidArgumentError("sample", "6 is more than the 5 eligible cases in the strata")) {
            try StratifiedAllocation.allocate(table, sample: 6)
        }
        #expect(throws: InvalidArgumentError.self) { try StratifiedAllocation.allocate(table, sample: -1) }
        #expect(throws: InvalidArgumentError.self) { try StratifiedAllocation.allocate(table, sample: 3, minimum: -1) }
        // Two non-empty strata × minimum 2 = 4 > 3.
        #expect(throws: InvalidArgumentError.self) { try StratifiedAllocation.allocate(table, sample: 3, minimum: 2) }
        #expect(throws: InvalidArgumentError.self) { try StratifiedAllocation.allocate(try Self.table([0, 0]), sample: 0) }
        #expect(throws: InvalidArgumentError.self) {
            try StrataTable(variables: ["v"], strata: [Stratum(levels: ["a"], population: 1), Stratum(levels: ["a"], population: 2)])
        }
        #expect(throws: InvalidArgumentError.self) { try StrataTable(variables: ["v"], strata: [Stratum(levels: ["a"], population: -1)]) }
    }
}

@Suite("Strata files")
struct StrataTableTests {
    func read(_ text: String) throws -> StrataTable {
        try StrataTable.read(try CSVReader.parse(text, source: "strata.csv"))
    }

    @Test func readsVariablesAndCounts() throws {
        let table = try read("sex,disposal,count\nmale,yro,12\nfemale,yro,0\n")
        #expect(table.variables == ["sex", "disposal"])
        #expect(table.strata.map(\.population) == [12, 0])
        #expect(table.strata[0].line == 2)
    }

    @Test(arguments: [
        ("sex,count\nmale,-3\n", "strata.csv:2:2: count must not be negative"),
        ("sex,count\nmale,3\nmale,4\n", "strata.csv:3:1: duplicate stratum male (first on line 2)"),
        ("sex,n\nmale,3\n", "strata.csv:1: missing column 'count'"),
        ("count\n3\n", "strata.csv:1: no stratification variable"),
        ("sex,count\nmale,3.5\n", "strata.csv:2:2: expected a whole number"),
        ("sex,count\n,3\n", "strata.csv:2:1:"),
        ("sex,count\n", "strata.csv:1: no strata"),
    ])
    func badFilesNameTheLocation(text: String, message: String) {
        do {
            _ = try read(text)
            Issue.record("expected an error for \(text)")
        } catch let error as InputError {
            #expect(error.description.hasPrefix(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
