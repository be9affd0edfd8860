/// What to do with a 2×2 table that has a zero cell before the Katz (risk ratio) or Woolf
/// (odds ratio) log methods, whose variance terms 1/a, 1/b, … are infinite at zero.
///
/// The exact conditional and Koopman score intervals and Fisher's test never use a correction.
public enum ZeroCellRule: String, Sendable, Equatable, Codable, CaseIterable {
    /// Haldane–Anscombe: add 0.5 to **all four** cells, only when at least one cell is zero
    /// (Haldane 1956, *Annals of Human Genetics* 20:309–311). The default. Note that statsmodels'
    /// `Table2x2` instead adds 0.5 to the zero cells only.
    case haldane
    /// No correction: a zero cell gives a ratio of 0 or ∞ and an unbounded interval.
    case none

    /// A sentence for reports.
    public var statement: String {
        switch self {
        case .haldane: return "when a cell of the 2x2 table is zero, 0.5 is added to all four cells for the Katz and Woolf methods (Haldane-Anscombe)"
        case .none: return "no zero-cell correction: a zero cell gives a ratio of 0 or infinity and an unbounded log interval"
        }
    }
}
