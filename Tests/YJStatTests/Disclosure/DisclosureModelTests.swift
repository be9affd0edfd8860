import Testing
@testable import YJStat

@Suite("Disclosure model")
struct DisclosureModelTests {
    static func model(_ column: [Int], k: Int = 5, inTotal: [Bool]? = nil, upper: [Int?]? = nil, lower: [Int]? = nil) throws -> DisclosureModel {
        try DisclosureModel(counts: column.map { [$0] }, rows: column.indices.map { "g\($0)" }, columns: ["s"], threshold: k,
                            rowsInTotal: inTotal, upperBounds: upper.map { $0.map { [$0] } }, lowerBounds: lower.map { $0.map { [$0] } })
    }

    @Test func complementIsTheSmallestOtherCount() throws {
        let m = try Self.model([122, 21, 17, 19, 3])
        #expect(m.hidden.map(\.row) == ["g2", "g4"])
        #expect(m.reason(row: "g4", column: "s") == .primary && m.reason(row: "g2", column: "s") == .secondary)
        #expect(m.isTotalPublished(column: "s"))
        #expect(m.notes.count == 1 && m.notes[0].contains("g2 is also hidden"))
    }

    @Test func tiesGoToTheFirstInTableOrder() throws {
        let m = try Self.model([40, 9, 9, 2])
        #expect(m.reason(row: "g1", column: "s") == .secondary && m.reason(row: "g2", column: "s") == nil)
    }

    @Test func primaryCellsThatProtectEachOtherNeedNoComplement() throws {
        // 3 + 2 = 5: each lies anywhere in 0…5, wider than K − 1 = 4.
        let m = try Self.model([100, 3, 2])
        #expect(m.hidden.allSatisfy { $0.reason == .primary } && m.hidden.count == 2)
        // 1 + 2 = 3 < 4: a complement is needed.
        let n = try Self.model([100, 1, 2, 50])
        #expect(n.reason(row: "g3", column: "s") == .secondary && n.reason(row: "g0", column: "s") == nil)
    }

    @Test func zeroIsTheCheapestComplementWhenItIsEnough() throws {
        // 4 with a hidden 0: the pair sums to 4 and each lies in 0…4 (width K − 1).
        let m = try Self.model([100, 4, 0, 30])
        #expect(m.reason(row: "g2", column: "s") == .secondary)
        // A zero whose base is 0 is known to be 0 and protects nothing.
        let n = try Self.model([100, 4, 0, 30], upper: [nil, nil, 0, nil])
        #expect(n.reason(row: "g2", column: "s") == nil && n.reason(row: "g3", column: "s") == .secondary)
    }

    @Test func aLowerBoundFromANestedStageIsTakenIntoAccount() throws {
        // Hiding 17 alongside 3 would fail if the reader knows the 17 is at least 17 (a later
        // stage of 17): 3 would be pinned to 0…3. The next cheapest is 19.
        let m = try Self.model([122, 21, 17, 19, 3], lower: [0, 0, 17, 0, 0])
        #expect(m.reason(row: "g2", column: "s") == nil && m.reason(row: "g3", column: "s") == .secondary)
    }

    @Test func totalIsSuppressedWhenNoComplementProtects() throws {
        let m = try Self.model([0, 2, 0])
        #expect(!m.isTotalPublished(column: "s"))
        #expect(m.hidden.map(\.reason) == [.primary])
        #expect(m.notes.first?.contains("the s total is suppressed") == true)
        #expect(m.totals[0].rule == .suppressed)
    }

    @Test func cellsOutsideTheTotalNeedNoComplement() throws {
        let m = try Self.model([100, 50, 2], inTotal: [true, true, false])
        #expect(m.hidden.map(\.row) == ["g2"] && m.isTotalPublished(column: "s"))
    }

    @Test func reportListsCellsAndTotalsWithoutValues() throws {
        let m = try Self.model([122, 21, 17, 19, 3])
        let rows = m.reportRows()
        #expect(rows.map { $0["kind"]?.csvText } == ["cell", "cell", "total"])
        #expect(rows.map { $0["reason"]?.csvText } == ["secondary", "primary", ""])
        let text = m.reportText()
        for value in ["122", "21", "17", "19", " 3 "] { #expect(!text.contains(value)) }
        #expect(text.contains("counts under 5 are hidden"))
    }

    @Test func badInputThrows() {
        #expect(throws: InvalidArgumentError.self) { try Self.model([1], k: 1) }
        #expect(throws: InvalidArgumentError.self) { try Self.model([-1]) }
        #expect(throws: InvalidArgumentError.self) {
            try DisclosureModel(counts: [[1, 2]], rows: ["a"], columns: ["s"], threshold: 5)
        }
    }
}

@Suite("Count rounding")
struct CountRoundingTests {
    @Test func conventionalRoundsToTheNearestMultipleHalvesUp() throws {
        let r = try CountRounding(base: 5)
        var random = SplitMix64(seed: 1)
        #expect((0...12).map { r.round($0, using: &random) } == [0, 0, 0, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10])
    }

    @Test func randomRoundingIsUnbiasedAndRepeatable() throws {
        let r = try CountRounding(base: 5, method: .random, seed: 7)
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        let first = (0..<2000).map { _ in r.round(3, using: &a) }
        #expect(first == (0..<2000).map { _ in r.round(3, using: &b) })
        #expect(Set(first) == [0, 5])
        let mean = Double(first.reduce(0, +)) / 2000
        // E = 3; the standard error of the mean is sqrt(6)/sqrt(2000) ≈ 0.055, so ±0.25 is > 4 SE.
        #expect(abs(mean - 3) < 0.25)
        var c = SplitMix64(seed: 7)
        #expect(r.round(10, using: &c) == 10)
    }

    @Test func badBaseThrows() {
        #expect(throws: InvalidArgumentError.self) { try CountRounding(base: 1) }
    }
}

@Suite("Rounded analysis")
struct RoundedAnalysisTests {
    static func render(_ csv: String, _ rounding: CountRounding) throws -> String {
        let table = try CountsTable(csv: CSVReader.parse(csv, source: "t.csv"), options: .init(unknownLabel: "Unknown"))
        let report = try DisproportionalityAnalysis.run(table, options: .init(rounding: rounding))
        return report.textSummary() + CSVWriter.render(rows: report.resultRows())
    }

    /// Conventional rounding: every output is a function of the rounded counts only, so two
    /// tables whose counts round alike print exactly the same (no exact count leaks).
    @Test func outputDependsOnlyOnTheRoundedCounts() throws {
        let rounding = try CountRounding(base: 5)
        let a = "group,population,arrest,custody\nWhite,30000,122,6\nBlack,3000,21,3\nOther,1500,3,1\nUnknown,,15,1\n"
        let b = "group,population,arrest,custody\nWhite,30000,120,7\nBlack,3000,22,5\nOther,1500,5,2\nUnknown,,17,2\n"
        #expect(try Self.render(a, rounding) == Self.render(b, rounding))
        #expect(try Self.render(a, rounding).contains("conventional rounding to the nearest multiple of 5"))
    }

    @Test func randomRoundingIsRepeatableForASeedAndKeepsCountsWithinTheirBase() throws {
        let csv = "group,population,arrest,custody\nWhite,30000,122,6\nBlack,3000,21,3\nOther,1500,3,1\nUnknown,,15,1\n"
        let r = try CountRounding(base: 5, method: .random, seed: 4)
        #expect(try Self.render(csv, r) == Self.render(csv, r))
        let table = try CountsTable(csv: CSVReader.parse(csv, source: "t.csv"), options: .init(unknownLabel: "Unknown"))
        let rounded = table.rounded(r, previousBase: true)
        for g in table.groups {
            #expect((rounded.count(group: g, stage: "custody") ?? 0) <= (rounded.count(group: g, stage: "arrest") ?? 0))
            for s in ["arrest", "custody"] { #expect((rounded.count(group: g, stage: s) ?? 0) % 5 == 0) }
        }
        #expect(rounded.population(group: "White") == 30000)
    }

    @Test func roundingAndSuppressionTogetherAreRefused() throws {
        let table = try CountsTable(csv: CSVReader.parse("group,population,arrest\nWhite,100,5\nBlack,100,3\n", source: "t.csv"))
        #expect(throws: InvalidArgumentError.self) {
            try DisproportionalityAnalysis.run(table, options: .init(suppressBelow: 5, rounding: try CountRounding(base: 5)))
        }
    }
}
