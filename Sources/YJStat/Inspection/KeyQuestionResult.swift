/// A key question's result and band: *yes* cases out of *relevant* cases where counts are
/// published, otherwise the printed percentage.
///
/// The band comes from the exact fraction yes/relevant when counts exist (11 of 17 = 64.7% is
/// Requires improvement although printed "65%"), and from the printed figure only when no counts
/// are published; ``basis`` says which.
public struct KeyQuestionResult: Sendable, Equatable, Codable {
    /// What the band was computed from.
    public enum Basis: String, Sendable, Codable {
        /// Published counts: the exact fraction yes/relevant.
        case counts
        /// A printed percentage only; the fraction behind it is unknown (see ``RoundingAnalysis``).
        case printedPercent = "printed-percent"
    }

    /// Key question id (`2.1.3`).
    public let keyQuestion: String
    /// Cases judged *yes*, when published.
    public let yes: Int?
    /// Relevant cases, when published.
    public let relevant: Int?
    /// The printed percentage, when given.
    public let printed: PrintedPercent?
    /// The percentage the band rests on: 100·yes/relevant, or the printed value.
    public let percent: Double
    /// The key-question band.
    public let band: Rating
    /// What the band was computed from.
    public let basis: Basis

    /// The result from counts: 0 ≤ yes ≤ relevant and relevant ≥ 1 (`nil` otherwise).
    public init?(keyQuestion: String, yes: Int, relevant: Int, printed: PrintedPercent? = nil, framework: Framework) {
        guard relevant >= 1, yes >= 0, yes <= relevant else { return nil }
        self.keyQuestion = keyQuestion
        self.yes = yes
        self.relevant = relevant
        self.printed = printed
        self.percent = 100 * Double(yes) / Double(relevant)
        self.band = framework.band(yes: yes, relevant: relevant)
        self.basis = .counts
    }

    /// The result from a printed percentage alone (band of the printed value).
    public init(keyQuestion: String, printed: PrintedPercent, framework: Framework) {
        self.keyQuestion = keyQuestion
        self.yes = nil
        self.relevant = nil
        self.printed = printed
        self.percent = printed.value
        self.band = framework.band(percent: printed.value)
        self.basis = .printedPercent
    }

    /// `1/2 = 50.0%` from counts, `printed 65%` otherwise.
    public var text: String {
        if let yes, let relevant { return "\(yes)/\(relevant) = \(NumberFormatting.fixed(percent, 1))%" }
        return "printed \(printed?.description ?? NumberFormatting.fixed(percent, 0) + "%")"
    }

    /// The same result with one more (`step` = 1) or one fewer (`step` = −1) case judged *yes*;
    /// `nil` when that is impossible or the result has no counts.
    public func changingOneCase(by step: Int, framework: Framework) -> KeyQuestionResult? {
        guard let yes, let relevant else { return nil }
        return KeyQuestionResult(keyQuestion: keyQuestion, yes: yes + step, relevant: relevant, framework: framework)
    }

    /// Points between the percentage and a boundary, exactly for counts:
    /// |100·yes − boundary·relevant| / relevant.
    public func distance(to boundary: Double) -> Double {
        if let yes, let relevant { return abs(Double(100 * yes) - boundary * Double(relevant)) / Double(relevant) }
        return abs(percent - boundary)
    }
}
