import Foundation

/// Number formatting for plain-text output (CSV and JSON always carry full precision).
public enum NumberFormatting {
    /// `value` with a fixed number of decimals (`fixed(0.12345, 3)` → `"0.123"`); `"–"` for NaN.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        return String(format: "%.\(decimals)f", value)
    }

    /// A proportion as a percentage with `decimals` decimals (`percent(0.4567, 1)` → `"45.7%"`).
    public static func percent(_ proportion: Double, _ decimals: Int = 1) -> String {
        guard proportion.isFinite else { return "–" }
        return String(format: "%.\(decimals)f%%", proportion * 100)
    }

    /// Significant-figure formatting for values of any size (`significant(0.000123456, 3)` → `"0.000123"`).
    public static func significant(_ value: Double, _ digits: Int = 4) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        if magnitude < -4 || magnitude >= 9 { return String(format: "%.\(digits - 1)e", value) }
        return String(format: "%.\(max(0, digits - 1 - magnitude))f", value)
    }

    /// A whole number with thousands separators (`30864` → `"30,864"`).
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
