/// Cells of the tidy tables (`--format csv` and `json` without `--wide`): numbers rounded to what
/// they mean (``TidyPrecision``), and every value that is not a finite number said in words —
/// `suppressed` (hidden by disclosure control), `infinite`, `minus infinite`, `undefined` or
/// `not computed` — so that no cell is ever empty.
public enum TidyCell {
    /// What a figure is, which decides its rounding.
    public enum Kind: Sendable {
        /// A rate per 1,000 or per 100: 1 decimal place.
        case rate
        /// A percentage or a difference in percentage points: 1 decimal place.
        case percent
        /// An expected or excess number of children: 1 decimal place.
        case children
        /// A ratio (RRI, odds ratio, representation ratio, ratio of RRIs): 3 significant figures.
        case ratio
        /// A probability (p-value): 3 significant figures.
        case probability
    }

    /// The word for a hidden value.
    public static let suppressedWord = "suppressed"
    /// The word for a value that was not worked out.
    public static let notComputedWord = "not computed"

    /// A number rounded for its kind, or in words when it is not a finite number (`hidden` and NaN:
    /// ``suppressedWord``; NaN otherwise: `nanWord`).
    public static func number(_ value: Double, _ kind: Kind, precision: TidyPrecision, hidden: Bool = false,
                              nanWord: String = "undefined") -> CellValue {
        guard value.isFinite else {
            if value.isNaN { return .text(hidden ? suppressedWord : nanWord) }
            return .text(value > 0 ? "infinite" : "minus infinite")
        }
        guard precision == .rounded else { return .number(value) }
        switch kind {
        case .rate, .percent, .children: return .number(NumberRounding.decimals(value, 1))
        case .ratio, .probability: return .number(NumberRounding.significant(value, 3))
        }
    }

    /// A count, or ``suppressedWord`` / ``notComputedWord`` when there is none.
    public static func count(_ value: Int?, hidden: Bool) -> CellValue {
        value.map { .integer($0) } ?? .text(hidden ? suppressedWord : notComputedWord)
    }

    /// Flags joined with "; ", or `none`.
    public static func flags(_ flags: [String]) -> CellValue {
        .text(flags.isEmpty ? "none" : flags.joined(separator: "; "))
    }
}
