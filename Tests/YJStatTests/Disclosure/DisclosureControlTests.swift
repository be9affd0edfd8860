import Testing
@testable import YJStat

/// Whether a hidden cell's value is fixed by the published totals: the unit vector of that cell
/// lies in the row space of the equations restricted to the hidden cells. Checked by Gaussian
/// elimination (an independent check from the graph argument the implementation uses).
func isRecoverable(_ target: Int, hidden: [(row: Int, column: Int)], rows: Int, columns: Int,
                   rowTotals: Bool, columnTotals: Bool) -> Bool {
    var equations: [[Double]] = []
    if rowTotals { for r in 0..<rows { equations.append(hidden.map { $0.row == r ? 1 : 0 }) } }
    if columnTotals { for c in 0..<columns { equations.append(hidden.map { $0.column == c ? 1 : 0 }) } }
    func rank(_ m: [[Double]]) -> Int {
        var m = m, rank = 0
        let width = hidden.count
        for col in 0..<width {
            guard let pivot = (rank..<m.count).first(where: { abs(m[$0][col]) > 1e-9 }) else { continue }
            m.swapAt(rank, pivot)
            for r in 0..<m.count where r != rank && abs(m[r][col]) > 1e-9 {
                let f = m[r][col] / m[rank][col]
                for c in 0..<width { m[r][c] -= f * m[rank][c] }
            }
            rank += 1
        }
        return rank
    }
    var unit = Array(repeating: 0.0, count: hidden.count)
    unit[target] = 1
    return rank(equations) == rank(equations + [unit])
}

@Suite("Disclosure control")
struct DisclosureControlTests {
    @Test func primaryHidesOneToKMinusOneOnly() throws {
        let control = try DisclosureControl(counts: [[0, 1, 4, 5], [12, 3, 30, 0]], threshold: 5)
        #expect(control.reasons[0][0] == nil)
        #expect(control.reasons[0][1] == .primary && control.reasons[0][2] == .primary && control.reasons[1][1] == .primary)
        #expect(control.reasons[0][3] != .primary)
    }

    @Test(arguments: [(true, true), (false, true), (true, false)])
    func noHiddenCountCanBeRecoveredFromTotals(rowTotals: Bool, columnTotals: Bool) throws {
        var rng = SplitMix64(seed: rowTotals ? (columnTotals ? 20_260_501 : 7) : 11)
        var hiddenSeen = 0
        for _ in 0..<300 {
            let rows = Int.random(in: 2...6, using: &rng), columns = Int.random(in: 2...6, using: &rng)
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in
                Bool.random(using: &rng) ? Int.random(in: 0...9, using: &rng) : Int.random(in: 0...400, using: &rng)
            } }
            let k = Int.random(in: 2...10, using: &rng)
            let control = try DisclosureControl(counts: counts, threshold: k, rowTotalsPublished: rowTotals, columnTotalsPublished: columnTotals)
            var hidden: [(row: Int, column: Int)] = []
            for r in 0..<rows { for c in 0..<columns where control.isSuppressed(row: r, column: c) { hidden.append((r, c)) } }
            for r in 0..<rows { for c in 0..<columns where (1..<k).contains(counts[r][c]) {
                #expect(control.isSuppressed(row: r, column: c), "primary cell shown: \(counts) K=\(k)")
            } }
            for (i, cell) in hidden.enumerated() {
                #expect(!isRecoverable(i, hidden: hidden, rows: rows, columns: columns, rowTotals: rowTotals, columnTotals: columnTotals),
                        "cell \(cell) recoverable in \(counts) K=\(k)")
            }
            #expect(control.unprotected.allSatisfy { $0.allSatisfy { !$0 } })
            hiddenSeen += hidden.count
        }
        #expect(hiddenSeen > 500)
    }

    @Test func singleRowCannotBeProtectedAndSaysSo() throws {
        let control = try DisclosureControl(counts: [[3, 40, 50]], threshold: 5)
        #expect(control.unprotected[0][0])
    }

    @Test func badInputThrows() {
        #expect(throws: InvalidArgumentError.self) { try DisclosureControl(counts: [[1, 2], [3]], threshold: 5) }
        #expect(throws: InvalidArgumentError.self) { try DisclosureControl(counts: [[1, -2]], threshold: 5) }
        #expect(throws: InvalidArgumentError.self) { try DisclosureControl(counts: [[1, 2]], threshold: 0) }
    }
}
