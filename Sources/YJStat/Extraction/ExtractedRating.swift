/// A rating word as the inspection framework prints it.
///
/// Readers accept case variants and the abbreviations `RI`; output uses the canonical words
/// `Inadequate`, `Requires improvement`, `Good`, `Outstanding`.
public enum ExtractedRating: Int, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Score 0.
    case inadequate = 0
    /// Score 1.
    case requiresImprovement = 1
    /// Score 2.
    case good = 2
    /// Score 3.
    case outstanding = 3

    /// The canonical word.
    public var description: String {
        switch self {
        case .inadequate: "Inadequate"
        case .requiresImprovement: "Requires improvement"
        case .good: "Good"
        case .outstanding: "Outstanding"
        }
    }

    /// The points the rating adds to the overall score (0–3).
    public var score: Int { rawValue }

    /// Reads a rating word, ignoring case, surrounding quotes and a final full stop.
    public init?(word: String) {
        var key = word.lowercased().trimmingSpaces()
        while let last = key.last, last == "." || last == "'" || last == "\"" { key.removeLast() }
        while let first = key.first, first == "'" || first == "\"" { key.removeFirst() }
        switch key {
        case "inadequate": self = .inadequate
        case "requires improvement", "ri": self = .requiresImprovement
        case "good": self = .good
        case "outstanding": self = .outstanding
        default: return nil
        }
    }

    public static func < (lhs: ExtractedRating, rhs: ExtractedRating) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The band of a key-question result under the 2018–2021 youth framework: below 50% of
    /// relevant cases Inadequate, 50% to below 65% Requires improvement, 65% to below 80% Good,
    /// 80% or more Outstanding (HM Inspectorate of Probation, youth inspection rules, as printed
    /// in each report's methodology annex). Compared on exact fractions, so 11/17 = 64.7% is
    /// Requires improvement although it prints as 65%.
    /// - Returns: `nil` when `relevant` is not positive or `yes` is outside 0…relevant.
    public static func band(yes: Int, relevant: Int) -> ExtractedRating? {
        guard relevant > 0, yes >= 0, yes <= relevant else { return nil }
        let hundredfold = yes.multipliedReportingOverflow(by: 100)
        guard !hundredfold.overflow else { return nil }
        if hundredfold.partialValue < 50 * relevant { return .inadequate }
        if hundredfold.partialValue < 65 * relevant { return .requiresImprovement }
        if hundredfold.partialValue < 80 * relevant { return .good }
        return .outstanding
    }

    /// The overall rating for a score out of 36: 0–6 Inadequate, 7–18 Requires improvement,
    /// 19–30 Good, 31–36 Outstanding (the reports' methodology annex).
    /// - Returns: `nil` outside 0…36.
    public static func overall(score: Int) -> ExtractedRating? {
        switch score {
        case 0...6: .inadequate
        case 7...18: .requiresImprovement
        case 19...30: .good
        case 31...36: .outstanding
        default: nil
        }
    }
}
