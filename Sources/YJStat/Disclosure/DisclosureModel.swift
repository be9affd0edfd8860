/// The disclosure model of a published table of counts whose columns each have a total: which
/// cells are hidden and why, and whether each column's total may be published. Built after the
/// analysis and consulted by every renderer (text, CSV, JSON, the suppression report, a board
/// pack), so that no published number lets a reader recover a protected count.
///
/// **Protected cells** are the counts 1 to K − 1 (*primary* cells). Zeros are published: a zero
/// is nobody who could be identified.
///
/// **The rule.** A column's published total is an equation over its hidden cells: with the other
/// counts published it gives their sum S. The reader is assumed to know why each cell is hidden
/// (the suppression report and the tables say "primary" or "secondary"): a primary cell lies in
/// 1…K − 1, and a secondary cell, never a zero (below), is at least K. With the bounds l ≤ x ≤ u
/// a reader knows besides (a cell never exceeds its base, nor falls below a later stage it
/// contains), a hidden cell x then lies in [max(l, S − Σ others' u), min(u, S − Σ others' l)].
/// The total is safe when, for every primary cell, that interval is the whole of what its label
/// and bounds already say — [max(1, l), min(K − 1, u)] — so the total tells the reader nothing
/// more about it; and when, for a reader who ignores the reasons (every hidden cell in
/// [l, u]), the interval is at least K − 1 wide, so no primary cell is determined within
/// ±(K − 1)/2. The model makes sure of both by hiding *secondary* (complementary) cells in the
/// same column.
///
/// **Zeros are never complementary cells.** Hiding a 0 looks free (it adds nothing to the total
/// hidden value), but a reader who knows a cell is secondary knows it is 0 or at least K; in a
/// column whose hidden cells sum to less than 2K that pins the zero, and the total then gives the
/// primary cell away exactly (4 hidden beside a hidden 0 with the total published: 4 + 0 = 4).
/// Published zeros beside a hidden count reveal nothing: they are not in the equation.
///
/// **Choice of complementary cells.** Among every set of up to three unhidden non-zero cells of
/// the column that satisfies the rule, the one with the smallest total hidden value is chosen;
/// ties go to fewer cells, then to the cells first in row order (deterministic). Cells outside
/// the total (``init(counts:rows:columns:threshold:rowsInTotal:upperBounds:lowerBounds:)``'s
/// `rowsInTotal`, such as an unknown-ethnicity group) are never in the equation and need no
/// complement.
///
/// **Totals rule.** A column total is published only when it reveals no protected cell. When no
/// choice of complementary cells protects a column (too few or too small other cells), its total
/// is suppressed instead, together with everything that would give it back (shares of it, sums
/// derived from it). This follows the Government Statistical Service guidance: GSS/GSR,
/// *Disclosure Control Guidance for Tables Produced from Administrative Sources* (Office for
/// National Statistics, 2014; gss.civilservice.gov.uk, Methodology: Statistical Disclosure
/// Control), which asks that small counts be protected and that totals and differences of totals
/// must not reveal them ("disclosure by differencing"); the cycle argument for complementary
/// suppression is Hundepool et al., *Statistical Disclosure Control* (Wiley 2012), §5.3.
public struct DisclosureModel: Sendable, Equatable, Codable {
    /// Why a cell is hidden.
    public typealias Reason = DisclosureControl.Reason

    /// One hidden cell: where it is and why, never its value.
    public struct HiddenCell: Sendable, Equatable, Codable {
        /// Row label (a group).
        public var row: String
        /// Column label (a stage).
        public var column: String
        /// Primary (a count 1…K−1) or secondary (hidden to protect a primary cell).
        public var reason: Reason
        /// Plain words: why, without the value.
        public var explanation: String
    }

    /// What is done with one column's total.
    public enum TotalRule: String, Sendable, Equatable, Codable {
        /// Published: it reveals no protected cell.
        case published
        /// Suppressed: with it a protected cell could be worked out.
        case suppressed
    }

    /// The decision about one column's total.
    public struct ColumnTotal: Sendable, Equatable, Codable {
        /// Column label.
        public var column: String
        /// Published or suppressed.
        public var rule: TotalRule
        /// Plain words: why.
        public var explanation: String
    }

    /// The threshold K: counts 1 to K − 1 are protected.
    public var threshold: Int
    /// Row labels, in order.
    public var rows: [String]
    /// Column labels, in order.
    public var columns: [String]
    /// Every hidden cell, in column order then row order.
    public var hidden: [HiddenCell]
    /// One decision per column, in column order.
    public var totals: [ColumnTotal]
    /// Notes for the reader explaining the choices (no hidden value in them).
    public var notes: [String]

    /// The citation of the rule followed.
    public static let guidance = "GSS/GSR Disclosure Control Guidance for Tables Produced from Administrative Sources (ONS, 2014)"

    /// Plans disclosure control for a rows × columns table of non-negative counts.
    ///
    /// - Parameters:
    ///   - counts: counts[row][column].
    ///   - rows: row labels (one per row of `counts`).
    ///   - columns: column labels.
    ///   - threshold: K ≥ 2; counts 1…K−1 are protected.
    ///   - rowsInTotal: which rows the column total adds up (default all).
    ///   - upperBounds: a bound a reader knows each cell cannot exceed (its base), or nil.
    ///   - lowerBounds: a bound a reader knows each cell is at least (a later, nested stage), or nil.
    /// - Throws: ``InvalidArgumentError`` for K < 2, mismatched labels, a ragged table or a
    ///   negative count.
    public init(counts: [[Int]], rows: [String], columns: [String], threshold: Int, rowsInTotal: [Bool]? = nil,
                upperBounds: [[Int?]]? = nil, lowerBounds: [[Int]]? = nil) throws {
        guard threshold >= 2 else { throw InvalidArgumentError("threshold", "must be at least 2, got \(threshold)") }
        guard counts.count == rows.count, counts.allSatisfy({ $0.count == columns.count }) else {
            throw InvalidArgumentError("counts", "must have one row per row label and one cell per column label")
        }
        guard counts.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { throw InvalidArgumentError("counts", "counts must not be negative") }
        let inTotal = rowsInTotal ?? Array(repeating: true, count: rows.count)
        guard inTotal.count == rows.count else { throw InvalidArgumentError("rowsInTotal", "needs one flag per row") }
        self.threshold = threshold
        self.rows = rows
        self.columns = columns
        var hidden: [HiddenCell] = [], totals: [ColumnTotal] = [], notes: [String] = []
        for (c, column) in columns.enumerated() {
            let values = counts.map { $0[c] }
            let bounds = rows.indices.map { upperBounds?[$0][c] }
            let floors = rows.indices.map { lowerBounds?[$0][c] ?? 0 }
            let primary = rows.indices.filter { (1..<threshold).contains(values[$0]) }
            for r in primary {
                hidden.append(HiddenCell(row: rows[r], column: column, reason: .primary,
                                         explanation: "a count under \(threshold)"))
            }
            let equation = primary.filter { inTotal[$0] }
            guard !equation.isEmpty else {
                totals.append(ColumnTotal(column: column, rule: .published,
                                          explanation: primary.isEmpty ? "no cell hidden" : "the hidden cells are not part of it"))
                continue
            }
            let candidates = rows.indices.filter { inTotal[$0] && !primary.contains($0) && values[$0] > 0 }
            if let choice = Self.complement(equation: equation, candidates: candidates, values: values, bounds: bounds, floors: floors,
                                             threshold: threshold) {
                for r in choice {
                    let protected = equation.map { rows[$0] }.joined(separator: ", ")
                    hidden.append(HiddenCell(row: rows[r], column: column, reason: .secondary,
                                             explanation: "so that \(protected) cannot be worked out from the \(column) total"))
                }
                totals.append(ColumnTotal(column: column, rule: .published,
                                          explanation: choice.isEmpty ? "the hidden cells already protect each other" : "complementary cells hidden instead"))
                if !choice.isEmpty {
                    let names = choice.map { rows[$0] }.joined(separator: ", ")
                    notes.append("at \(column), \(names) \(choice.count == 1 ? "is" : "are") also hidden: the complementary \(choice.count == 1 ? "cell" : "cells") with the smallest total that keeps every count under \(threshold) from being worked out from the \(column) total (ties go to fewer cells, then to the first in table order)")
                }
            } else {
                totals.append(ColumnTotal(column: column, rule: .suppressed,
                                          explanation: "no choice of other cells would stop it revealing a count under \(threshold)"))
                notes.append("the \(column) total is suppressed, with the shares of it: no choice of other cells to hide would stop it revealing a count under \(threshold) (\(Self.guidance))")
            }
        }
        self.hidden = hidden.sorted { (columns.firstIndex(of: $0.column)!, rows.firstIndex(of: $0.row)!) < (columns.firstIndex(of: $1.column)!, rows.firstIndex(of: $1.row)!) }
        self.totals = totals
        self.notes = notes
    }

    /// The cheapest set of complementary cells that protects every primary cell in `equation`,
    /// or nil when none does. Empty when the primary cells already protect each other.
    static func complement(equation: [Int], candidates: [Int], values: [Int], bounds: [Int?], floors: [Int],
                           threshold: Int) -> [Int]? {
        func protects(_ extra: [Int]) -> Bool {
            let cells = equation + extra
            let sum = cells.reduce(0) { $0 + values[$1] }
            // A reader who does not know the reasons: every hidden cell lies within its bounds,
            // and each primary cell's interval must be at least K − 1 wide.
            func bound(_ i: Int) -> Int { min(bounds[i] ?? sum, sum) }
            // A reader who knows them (primary 1…K−1, secondary at least K): the total must not
            // narrow a primary cell beyond its label and bounds.
            func low(_ i: Int) -> Int { max(floors[i], equation.contains(i) ? 1 : threshold) }
            func high(_ i: Int) -> Int { min(bounds[i] ?? Int.max / 4, equation.contains(i) ? threshold - 1 : Int.max / 4) }
            for p in equation {
                let others = cells.filter { $0 != p }
                let low0 = max(floors[p], sum - others.reduce(0) { $0 + bound($1) })
                let high0 = min(bound(p), sum - others.reduce(0) { $0 + floors[$1] })
                if high0 - low0 < threshold - 1 { return false }
                let lowest = max(low(p), sum - others.reduce(0) { $0 + min(high($1), sum) })
                let highest = min(high(p), sum - others.reduce(0) { $0 + low($1) })
                if lowest > low(p) || highest < high(p) { return false }
            }
            return true
        }
        if protects([]) { return [] }
        var best: (cost: Int, cells: [Int])? = nil
        func consider(_ extra: [Int]) {
            let cost = extra.reduce(0) { $0 + values[$1] }
            if let b = best, (cost, extra.count) > (b.cost, b.cells.count) || ((cost, extra.count) == (b.cost, b.cells.count) && !extra.lexicographicallyPrecedes(b.cells)) { return }
            if protects(extra) { best = (cost, extra) }
        }
        for a in candidates.indices {
            consider([candidates[a]])
            for b in candidates.indices where b > a {
                consider([candidates[a], candidates[b]])
                for c in candidates.indices where c > b { consider([candidates[a], candidates[b], candidates[c]]) }
            }
        }
        if best == nil, candidates.count > 3, protects(candidates) { best = (0, candidates) }
        return best?.cells
    }

    /// Why the cell is hidden, or nil when it is published.
    public func reason(row: String, column: String) -> Reason? {
        hidden.first { $0.row == row && $0.column == column }?.reason
    }

    /// Whether the column's total may be published.
    public func isTotalPublished(column: String) -> Bool {
        totals.first { $0.column == column }?.rule != .suppressed
    }

    /// Whether any cell of the column is hidden.
    public func hasHiddenCell(column: String) -> Bool { hidden.contains { $0.column == column } }

    /// Whether a count may be printed as it is (zero or at least K). Renderers use this for any
    /// count that reaches a warning or chart label.
    public func isPublishable(count: Int) -> Bool { count == 0 || count >= threshold }

    /// The words used instead of a small count: "counts under 5 are hidden".
    public var smallCountPhrase: String { "counts under \(threshold) are hidden" }

    /// The statement of the rule for the methods section.
    public var statement: String {
        "disclosure control (\(Self.guidance)): counts from 1 to \(threshold - 1) are hidden (primary); in each stage whose total is published, complementary cells are hidden (secondary) so that the total tells a reader nothing about a hidden count beyond its being between 1 and \(threshold - 1) (not even within ±\(NumberFormatting.fixed(Double(threshold - 1) / 2, threshold % 2 == 0 ? 1 : 0))), even knowing which cells are secondary, chosen by the smallest total hidden value among non-zero cells (then fewest cells, then table order; a hidden zero would be known to be 0); a total is published only when it reveals no hidden count, otherwise it is suppressed"
    }
}
