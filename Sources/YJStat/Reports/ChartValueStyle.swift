import Foundation

/// How a chart prints the values on its value axis and in labels.
public enum ChartValueStyle: Sendable, Equatable {
    /// Proportions printed as percentages (0.412 → "41.2%").
    case percent
    /// Plain numbers (rates, ratios).
    case number

    /// `value` with `decimals` decimals in this style; "∞" for infinity.
    public func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        switch self {
        case .percent: return String(format: "%.\(max(0, decimals - 2))f%%", value * 100)
        case .number:
            let text = String(format: "%.\(decimals)f", value)
            return Self.groupThousands(text)
        }
    }

    /// "12345.6" → "12,345.6".
    static func groupThousands(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = String(parts.first ?? "")
        guard whole.count > 4 else { return text }
        var grouped = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        let result = String(grouped.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
        return negative ? "-" + result : result
    }
}
