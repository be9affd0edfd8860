import Foundation

/// Rounding of published figures to what they mean, for the tidy tables that people open in a
/// spreadsheet: rates and percentages to a fixed number of decimal places, ratios and p-values
/// to significant figures.
///
/// Rounding is decimal, of the exact binary value (C `printf` conversion, ties to even on that
/// exact value), and the result is the double nearest the rounded decimal, so that it prints
/// back as exactly those digits (`significant(1234, 3)` is 1230, printed `1230`;
/// `significant(0.012345, 3)` is 0.0123). Non-finite values are returned unchanged.
public enum NumberRounding {
    /// `value` rounded to `places` decimal places (`decimals(12.345678, 1)` → 12.3). Range:
    /// any finite double; `places` ≥ 0.
    public static func decimals(_ value: Double, _ places: Int) -> Double {
        guard value.isFinite else { return value }
        let rounded = Double(String(format: "%.\(max(0, places))f", value)) ?? value
        return rounded == 0 ? 0 : rounded
    }

    /// `value` rounded to `digits` significant figures (`significant(0.012345, 3)` → 0.0123,
    /// `significant(12.34, 3)` → 12.3, `significant(1234, 3)` → 1230). Range: any finite
    /// double; `digits` ≥ 1.
    public static func significant(_ value: Double, _ digits: Int) -> Double {
        guard value.isFinite, value != 0 else { return value == 0 ? 0 : value }
        return Double(String(format: "%.\(max(1, digits) - 1)e", value)) ?? value
    }
}
