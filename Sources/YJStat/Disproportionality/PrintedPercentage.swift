/// A percentage as printed, to a stated number of decimals, and the whole counts of a known
/// total that would print as it.
///
/// A printed p with d decimals stands for a true percentage in [p − h, p + h), h = ½·10⁻ᵈ (round
/// half up), clipped to [0, 100]. The counts k of n consistent with it are those with 100k/n in
/// that range, worked out in integers (100k·10ᵈ·2 against (2p·10ᵈ ∓ 1)·n), so no floating-point
/// rounding decides a boundary.
public struct PrintedPercentage: Sendable, Equatable {
    /// The printed value, for example 50.2.
    public let value: Double
    /// Decimals printed, for example 1.
    public let decimals: Int

    /// Reads a printed percentage such as "50.2" (decimals counted from the text).
    ///
    /// - Throws: ``InvalidArgumentError`` when the text is not a number in [0, 100] or has more than 6 decimals.
    public init(text: String) throws {
        let trimmed = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let number = Double(trimmed), number.isFinite, (0...100).contains(number) else {
            throw InvalidArgumentError("percent", "must be a percentage between 0 and 100, got '\(text)'")
        }
        let places = trimmed.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        guard places <= 6 else { throw InvalidArgumentError("percent", "at most 6 decimals, got '\(text)'") }
        value = number
        decimals = places
    }

    /// The whole counts of `total` that print as this percentage, or nil when none does.
    public func consistentCounts(total: Int) -> ClosedRange<Int>? {
        guard total >= 1 else { return nil }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        // Work in units of half a printed step: the printed value is P = value·scale steps.
        let printedSteps = Int((value * Double(scale)).rounded())
        let lowHalfSteps = 2 * printedSteps - 1, highHalfSteps = 2 * printedSteps + 1
        // k is consistent when lowHalfSteps·n ≤ 200·scale·k < highHalfSteps·n (≤ at 100%).
        let unit = 200 * scale
        var low = max(0, (lowHalfSteps * total + unit - 1) / unit)
        if lowHalfSteps < 0 { low = 0 }
        var high = (highHalfSteps * total) / unit
        if printedSteps == 100 * scale { high = total } else if high * unit >= highHalfSteps * total { high -= 1 }
        high = min(high, total)
        low = max(low, 0)
        return low <= high ? low...high : nil
    }

    /// The percentage as printed, at its own decimals ("50.2"), without the percent sign.
    public var printedText: String { NumberFormatting.fixed(value, decimals) }

    /// The printed text of a count's percentage at these decimals ("50.4").
    public func text(count: Int, total: Int) -> String {
        NumberFormatting.fixed(100 * Double(count) / Double(total), decimals)
    }
}
