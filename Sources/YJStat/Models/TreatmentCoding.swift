/// Treatment (reference-cell, "dummy") coding of one categorical term: the reference level is
/// absorbed into the intercept and every other level gets an indicator column, so its
/// coefficient is the log odds ratio (or log rate ratio) of that level against the reference,
/// holding the other terms fixed. The coding of R's `contr.treatment` and of statsmodels'
/// `Treatment(reference=…)`.
public struct TreatmentCoding: Sendable, Equatable, Hashable, Codable {
    /// The term (column) name, e.g. `ethnicity`.
    public let term: String
    /// The reference level.
    public let reference: String
    /// The levels with their own column, in column order (sorted, reference excluded).
    public let contrastLevels: [String]

    /// All levels, reference first.
    public var levels: [String] { [reference] + contrastLevels }

    /// Codes a term from the levels observed in the data.
    ///
    /// - Parameters:
    ///   - term: The term name.
    ///   - observedLevels: The levels present (any order, duplicates ignored), with how many
    ///     records or how much exposure each carries (used only to choose a default reference).
    ///   - reference: The named reference level; `nil` picks the level with the most weight
    ///     (ties: the first in sorted order), which gives the most precise contrasts.
    /// - Throws: ``ModelError/termHasOneLevel(term:level:)`` when fewer than two levels occur;
    ///   ``ModelError/referenceLevelAbsent(term:reference:levels:)`` when the named reference
    ///   does not occur.
    public init(term: String, observedLevels: [String: Double], reference: String? = nil) throws {
        let sorted = observedLevels.keys.sorted()
        guard sorted.count >= 2 else {
            throw ModelError.termHasOneLevel(term: term, level: sorted.first)
        }
        let chosen: String
        if let reference {
            guard observedLevels[reference] != nil else {
                throw ModelError.referenceLevelAbsent(term: term, reference: reference, levels: sorted)
            }
            chosen = reference
        } else {
            chosen = sorted.max { a, b in
                let wa = observedLevels[a]!, wb = observedLevels[b]!
                return wa != wb ? wa < wb : a > b
            }!
        }
        self.term = term
        self.reference = chosen
        self.contrastLevels = sorted.filter { $0 != chosen }
    }

    /// The column offset (0-based, within this term's columns) of `level`, or `nil` for the
    /// reference level.
    public func columnOffset(of level: String) -> Int? {
        contrastLevels.firstIndex(of: level)
    }
}
