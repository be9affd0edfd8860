import Foundation

/// An inspection score as published: whole points (`29`, `29/36`) or a percentage of the maximum
/// (`80.6%`).
///
/// The 2018–2021 youth framework scores 12 standards 0–3 each, so scores run 0–36 (some reports'
/// annexes still mention "ten standards on a 0–30 scale"; the published scores are out of 36). A
/// percentage is valid only if it is the rounding of a whole number of points out of the maximum
/// (``points(fromPercent:maximum:)``).
public enum PublishedScore: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Whole points, with the stated maximum when printed as `29/36`.
    case points(Int, outOf: Int?)
    /// A percentage of the maximum score.
    case percent(PrintedPercent)

    /// Parses `29`, `29/36`, `29 / 36`, `80.6%` (a percent sign marks a percentage); `nil` for
    /// anything else.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            guard let percent = PrintedPercent(text: trimmed) else { return nil }
            self = .percent(percent)
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count <= 2, let points = PublishedScore.wholeNumber(parts[0]) else { return nil }
        if parts.count == 2 {
            guard let maximum = PublishedScore.wholeNumber(parts[1]) else { return nil }
            self = .points(points, outOf: maximum)
        } else {
            self = .points(points, outOf: nil)
        }
    }

    private static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// The scores s in 0…maximum for which 100·s/maximum rounds (half up or half to even) to the
    /// printed percentage. Empty when the percentage is not a whole number of points; one score
    /// when it identifies the score; several only for percentages printed too coarsely to tell.
    public static func points(fromPercent percent: PrintedPercent, maximum: Int) -> [Int] {
        guard maximum >= 1 else { return [] }
        return (0...maximum).filter { score in
            RoundingConvention.allCases.contains { percent.isRounding(ofYes: score, relevant: maximum, by: $0) }
        }
    }

    /// `29`, `29/36` or `80.6%`.
    public var description: String {
        switch self {
        case .points(let points, let maximum): return maximum.map { "\(points)/\($0)" } ?? "\(points)"
        case .percent(let percent): return percent.description
        }
    }
}
