/// Statistical disclosure control for a published table of counts: small cells are hidden, and
/// enough other cells are hidden that no hidden count can be worked out from the published totals.
///
/// **Primary suppression** hides every count from 1 to K − 1 (zeros are published: a zero is
/// not a child who can be identified). Anything derived from a hidden count (its rate, ratio,
/// share) must be hidden too; callers use ``isSuppressed(row:column:)``.
///
/// **Secondary suppression.** Think of the hidden cells as the edges of a graph whose nodes are
/// the rows and columns whose totals are published (lines without a published total share one
/// extra "free" node). Each published total is an equation over its hidden cells. A hidden value
/// is determined by those equations exactly when its edge lies on no cycle (it is a *bridge*); on
/// a cycle, adding and subtracting 1 alternately around it gives a different table with the same
/// totals. So cells are added, cheapest first (the smallest non-zero count; zeros only if nothing
/// else works), until no hidden cell is a bridge. Source: the hypercube/cycle argument in Hundepool
/// et al., *Statistical Disclosure Control* (Wiley 2012), §5.3; Cox (1980), *JASA* 75:377–385.
///
/// This protects against exact recovery from the row and column equations. A determined attacker
/// can still learn bounds (a hidden cell is between 0 and its line's total), as with any
/// cell-suppression scheme.
public struct DisclosureControl: Sendable, Equatable, Codable {
    /// Why a cell is hidden.
    public enum Reason: String, Sendable, Equatable, Codable {
        /// Count between 1 and K − 1.
        case primary
        /// Hidden so that a primary cell cannot be worked out from totals.
        case secondary
    }

    /// The threshold K.
    public var threshold: Int
    /// Whether row totals are published (so each row is an equation).
    public var rowTotalsPublished: Bool
    /// Whether column totals are published.
    public var columnTotalsPublished: Bool
    /// For each cell, why it is hidden, or nil when it is published.
    public var reasons: [[Reason?]]
    /// Hidden cells still recoverable from the totals because the table is too small to protect
    /// them (a single row or column); the caller must hide the corresponding totals.
    public var unprotected: [[Bool]]

    /// Plans suppression for a rectangular table of non-negative counts.
    ///
    /// - Throws: ``InvalidArgumentError`` for K < 1, a ragged table or a negative count.
    public init(counts: [[Int]], threshold: Int, rowTotalsPublished: Bool = true, columnTotalsPublished: Bool = true) throws {
        guard threshold >= 1 else { throw InvalidArgumentError("threshold", "must be at least 1, got \(threshold)") }
        let rows = counts.count, columns = counts.first?.count ?? 0
        guard counts.allSatisfy({ $0.count == columns }) else {
            throw InvalidArgumentError("counts", "every row must have the same number of cells")
        }
        guard counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw InvalidArgumentError("counts", "counts must not be negative")
        }
        self.threshold = threshold
        self.rowTotalsPublished = rowTotalsPublished
        self.columnTotalsPublished = columnTotalsPublished
        var reasons: [[Reason?]] = counts.map { $0.map { (1..<max(threshold, 1)).contains($0) ? .primary : nil } }
        var unprotected = Array(repeating: Array(repeating: false, count: columns), count: rows)

        let graph = SuppressionGraph(rows: rows, columns: columns, rowsPublished: rowTotalsPublished,
                                     columnsPublished: columnTotalsPublished)
        var guardCounter = 0
        while guardCounter < rows * columns + 1 {
            guardCounter += 1
            let hidden = Set(Self.cells(rows, columns).filter { reasons[$0.row][$0.column] != nil }.map(Cell.init))
            guard let bridge = hidden.sorted().first(where: {
                !unprotected[$0.row][$0.column] && graph.isBridge($0, in: hidden)
            }) else { break }
            // Cheapest single extra cell that puts the bridge on a cycle, else the cheapest rectangle.
            let candidates = Self.cells(rows, columns).map(Cell.init).filter { !hidden.contains($0) }
            func cost(_ cell: Cell) -> Int { counts[cell.row][cell.column] == 0 ? Int.max / 4 : counts[cell.row][cell.column] }
            var best: [Cell]? = nil
            var bestCost = Int.max
            for candidate in candidates where !graph.isBridge(bridge, in: hidden.union([candidate])) {
                if cost(candidate) < bestCost { best = [candidate]; bestCost = cost(candidate) }
            }
            if best == nil {
                for r2 in 0..<rows where r2 != bridge.row {
                    for c2 in 0..<columns where c2 != bridge.column {
                        let extra = [Cell(row: bridge.row, column: c2), Cell(row: r2, column: bridge.column), Cell(row: r2, column: c2)]
                            .filter { !hidden.contains($0) }
                        let total = extra.reduce(0) { $0 + cost($1) }
                        if !extra.isEmpty, total < bestCost { best = extra; bestCost = total }
                    }
                }
            }
            guard let best else {
                unprotected[bridge.row][bridge.column] = true
                continue
            }
            for cell in best { reasons[cell.row][cell.column] = .secondary }
        }
        self.reasons = reasons
        self.unprotected = unprotected
    }

    /// Whether the cell is hidden (for either reason).
    public func isSuppressed(row: Int, column: Int) -> Bool { reasons[row][column] != nil }

    static func cells(_ rows: Int, _ columns: Int) -> [(row: Int, column: Int)] {
        (0..<rows).flatMap { r in (0..<columns).map { (r, $0) } }
    }
}

/// A cell position, ordered row-major.
struct Cell: Hashable, Comparable {
    let row: Int
    let column: Int
    init(row: Int, column: Int) { self.row = row; self.column = column }
    init(_ pair: (row: Int, column: Int)) { self.init(row: pair.row, column: pair.column) }
    static func < (l: Cell, r: Cell) -> Bool { (l.row, l.column) < (r.row, r.column) }
}

/// The graph of hidden cells used by ``DisclosureControl``: nodes are published lines (plus one
/// free node for unpublished lines), edges are hidden cells.
struct SuppressionGraph {
    let rows: Int, columns: Int, rowsPublished: Bool, columnsPublished: Bool

    var free: Int { rows + columns }
    func rowNode(_ r: Int) -> Int { rowsPublished ? r : free }
    func columnNode(_ c: Int) -> Int { columnsPublished ? rows + c : free }

    /// Whether `edge` is a bridge of the graph with edges `hidden` (a self-loop never is).
    func isBridge(_ edge: Cell, in hidden: Set<Cell>) -> Bool {
        let start = rowNode(edge.row), target = columnNode(edge.column)
        if start == target { return false }
        var adjacency = Array(repeating: [Int](), count: free + 1)
        var skipped = false
        for cell in hidden {
            if cell == edge && !skipped { skipped = true; continue }
            let u = rowNode(cell.row), v = columnNode(cell.column)
            adjacency[u].append(v)
            adjacency[v].append(u)
        }
        var seen = Array(repeating: false, count: free + 1)
        var stack = [start]
        seen[start] = true
        while let node = stack.popLast() {
            if node == target { return false }
            for next in adjacency[node] where !seen[next] { seen[next] = true; stack.append(next) }
        }
        return true
    }
}
