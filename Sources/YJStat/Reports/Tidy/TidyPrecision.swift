/// How many digits the tidy CSV and JSON tables keep (`--precision`).
public enum TidyPrecision: String, Sendable, CaseIterable {
    /// Rounded to what each figure means: rates, percentages and counts of children to 1 decimal
    /// place, ratios and p-values to 3 significant figures (``NumberRounding``).
    case rounded
    /// Every digit: each number in shortest round-trip form, equal to the wide table's value.
    case full
}
