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

    /// The values a hidden primary cell can take given everything a reader knows: the column
    /// total (their sum), each hidden cell's reason (primary: 1…K−1; secondary: at least K) and
    /// its bounds. Found by enumerating the sums the other hidden cells can reach (no reasoning
    /// shared with the model).
    /// `secondaryMayBeZero`: a reader who does not rely on zeros never being secondary.
    static func feasible(_ column: [Int], hidden: [Int: DisclosureModel.Reason], cell p: Int, k: Int,
                         upper: [Int?], lower: [Int], secondaryMayBeZero: Bool = false) -> Set<Int> {
        let sum = hidden.keys.reduce(0) { $0 + column[$1] }
        func values(_ i: Int) -> [Int] {
            let lo = max(lower[i], hidden[i] == .primary ? 1 : k)
            let hi = min(upper[i] ?? sum, sum, hidden[i] == .primary ? k - 1 : sum)
            return (lo <= hi ? Array(lo...hi) : []) + (secondaryMayBeZero && hidden[i] == .secondary && lower[i] == 0 ? [0] : [])
        }
        var reachable: Set<Int> = [0]
        for i in hidden.keys.sorted() where i != p {
            reachable = Set(reachable.flatMap { a in values(i).map { a + $0 } }.filter { $0 <= sum })
        }
        return Set(values(p).filter { reachable.contains(sum - $0) })
    }

    /// Issue 13 (d): a zero is never a complementary cell. The old choice for 100, 4, 0, 30 hid
    /// the 0 beside the 4 (free by total hidden value); but a secondary cell is 0 or at least 5,
    /// so with the total (4) the reader knew the 0 and then the 4. Now the 30 is hidden, and the
    /// published 0 beside the hidden 4 reveals nothing (it is not in the equation).
    @Test func aZeroIsNeverAComplementaryCell() throws {
        let oldChoice: [Int: DisclosureModel.Reason] = [1: .primary, 2: .secondary]
        #expect(Self.feasible([100, 4, 0, 30], hidden: oldChoice, cell: 1, k: 5, upper: [nil, nil, nil, nil], lower: [0, 0, 0, 0],
                              secondaryMayBeZero: true) == [4])
        let m = try Self.model([100, 4, 0, 30])
        #expect(m.reason(row: "g2", column: "s") == nil && m.reason(row: "g3", column: "s") == .secondary)
        #expect(Self.feasible([100, 4, 0, 30], hidden: [1: .primary, 3: .secondary], cell: 1, k: 5, upper: [nil, nil, nil, nil],
                              lower: [0, 0, 0, 0]) == [1, 2, 3, 4])
        // Two small counts that protect each other keep the zero beside them published.
        let n = try Self.model([100, 3, 0, 2])
        #expect(n.hidden.map(\.row) == ["g1", "g3"] && n.hidden.allSatisfy { $0.reason == .primary })
        // Only zeros besides the small count: nothing can protect it, so the total goes.
        #expect(try !Self.model([0, 4, 0, 0]).isTotalPublished(column: "s"))
    }

    /// Random columns: wherever the total is published, a reader who knows every hidden cell's
    /// reason and bound can still give each primary cell any value from 1 to K − 1 its bounds
    /// allow; no zero is hidden.
    @Test func publishedTotalsTellALabelAwareReaderNothing() throws {
        var rng = SplitMix64(seed: 13_04)
        for _ in 0..<300 {
            let k = Int.random(in: 3...10, using: &rng)
            let column = (0..<Int.random(in: 2...8, using: &rng)).map { _ in
                Bool.random(using: &rng) ? Int.random(in: 0...(k + 2), using: &rng) : Int.random(in: 0...60, using: &rng)
            }
            let upper: [Int?] = column.map { Bool.random(using: &rng) ? nil : $0 + Int.random(in: 0...6, using: &rng) }
            let lower = column.map { Bool.random(using: &rng) ? 0 : max(0, $0 - Int.random(in: 0...6, using: &rng)) }
            let m = try Self.model(column, k: k, upper: upper, lower: lower)
            var hidden: [Int: DisclosureModel.Reason] = [:]
            for cell in m.hidden { hidden[Int(cell.row.dropFirst())!] = cell.reason }
            #expect(hidden.allSatisfy { column[$0.key] > 0 }, "\(column)")
            #expect(Set(hidden.filter { $0.value == .primary }.keys) == Set(column.indices.filter { (1..<k).contains(column[$0]) }))
            guard m.isTotalPublished(column: "s") else { continue }
            for (p, reason) in hidden where reason == .primary {
                let allowed = Set(max(1, lower[p])...min(k - 1, upper[p] ?? k - 1))
                let values = Self.feasible(column, hidden: hidden, cell: p, k: k, upper: upper, lower: lower)
                #expect(values == allowed, "K \(k) \(column) upper \(upper) lower \(lower) hidden \(hidden): g\(p) can be \(values.sorted())")
            }
        }
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
