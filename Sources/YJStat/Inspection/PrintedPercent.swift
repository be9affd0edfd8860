import Foundation

/// How a report rounds a fraction to the percentage it prints.
///
/// Reports do not say which rule they use, so yjstat considers both and treats a (yes, relevant)
/// pair as consistent with a printed figure when either rule gives it. They differ only on exact
/// ties: 1 of 8 = 12.5% prints as 13% rounding half up and 12% rounding half to even.
public enum RoundingConvention: String, Sendable, Codable, CaseIterable {
    /// Ties go up (away from zero): 12.5 → 13. The school rule and Excel's `ROUND`.
    case halfUp = "half-up"
    /// Ties go to the even neighbour: 12.5 → 12, 13.5 → 14. IEEE 754's default ("banker's rounding").
    case halfEven = "half-even"
}

/// A percentage as printed in a report, kept exactly as a whole number of its last printed digit.
///
/// `65%` is stored as `scaled = 65, decimals = 0`; `64.7` as `scaled = 647, decimals = 1`. Keeping
/// the printed precision lets ``isRounding(ofYes:relevant:by:)`` decide exactly, in integer
/// arithmetic, whether 100·yes/relevant rounds to the printed figure.
public struct PrintedPercent: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The printed value times 10^``decimals``.
    public let scaled: Int
    /// The number of printed decimals (0 for a whole-number percentage); at most 6.
    public let decimals: Int

    /// A whole-number percentage.
    public init(whole: Int) {
        scaled = whole
        decimals = 0
    }

    /// Parses a printed percentage such as `65`, `65%`, ` 64.7 % `; `nil` when the text is not a
    /// plain non-negative decimal number with at most six decimals.
    public init?(text: String) {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("%") { body.removeLast() }
        body = body.trimmingCharacters(in: .whitespaces)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let whole = parts.first, !whole.isEmpty, whole.count <= 9,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= 6,
              fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
              let wholeValue = Int(whole) else { return nil }
        var value = wholeValue
        for digit in fraction { value = value * 10 + (digit.wholeNumberValue ?? 0) }
        scaled = value
        decimals = fraction.count
    }

    /// 10^``decimals``: the number of scaled units in one percentage point.
    public var unit: Int {
        var result = 1
        for _ in 0..<decimals { result *= 10 }
        return result
    }

    /// The printed value as a number of percentage points.
    public var value: Double { Double(scaled) / Double(unit) }

    /// The figure as printed, with a percent sign (`65%`, `64.7%`).
    public var description: String {
        guard decimals > 0 else { return "\(scaled)%" }
        let text = String(scaled)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - text.count)) + text
        return "\(padded.dropLast(decimals)).\(padded.suffix(decimals))%"
    }

    /// Whether rounding 100·`yes`/`relevant` to ``decimals`` decimals by `convention` gives this figure.
    ///
    /// With Q = ``scaled``, u = ``unit`` and x = 100·yes·u/relevant, rounding half up gives Q when
    /// (2Q − 1)·relevant ≤ 200·yes·u < (2Q + 1)·relevant; rounding half to even gives Q when the
    /// inequalities are strict, or on either tie when Q is even. All in exact integer arithmetic.
    /// Requires relevant ≥ 1 (returns `false` otherwise).
    public func isRounding(ofYes yes: Int, relevant: Int, by convention: RoundingConvention) -> Bool {
        guard relevant >= 1 else { return false }
        let twice = 200 * yes * unit
        let lower = (2 * scaled - 1) * relevant
        let upper = (2 * scaled + 1) * relevant
        switch convention {
        case .halfUp:
            return lower <= twice && twice < upper
        case .halfEven:
            if lower < twice && twice < upper { return true }
            return (twice == lower || twice == upper) && scaled % 2 == 0
        }
    }

    /// The conventions under which 100·`yes`/`relevant` prints as this figure (empty when none does).
    public func conventions(roundingYes yes: Int, relevant: Int) -> [RoundingConvention] {
        RoundingConvention.allCases.filter { isRounding(ofYes: yes, relevant: relevant, by: $0) }
    }
}
