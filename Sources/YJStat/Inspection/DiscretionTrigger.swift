/// A reason the ratings panel may use professional discretion to move a case-based standard's
/// rating away from the rule rating, with its evidence.
///
/// The youth framework's annexe names three (HM Inspectorate of Probation, 2018–2021 youth
/// reports, Annexe 1): the lowest key-question percentage is within 5 points of a band boundary;
/// one case judged differently would change the band; the rating rests on a sample or sub-sample of
/// five cases or fewer. yjstat lets a small sample or a one-case change support a move of one band
/// either way, and a near boundary only a move across that boundary.
public struct DiscretionTrigger: Sendable, Equatable, Codable {
    /// The kind of trigger.
    public enum Kind: String, Sendable, Codable {
        /// The lowest percentage is within the framework's distance of a band boundary.
        case nearBoundary = "near-boundary"
        /// Judging one case differently in one key question changes the standard's rating.
        case oneCaseChange = "one-case-change"
        /// The rating rests on a sample or sub-sample no larger than the framework's maximum.
        case smallSample = "small-sample"
    }

    /// A direction in which a rating may be moved.
    public enum Direction: String, Sendable, Codable {
        /// To a higher rating.
        case up
        /// To a lower rating.
        case down
    }

    /// The kind of trigger.
    public let kind: Kind
    /// The key question the evidence is about (`nil` when it is the whole sample).
    public let keyQuestion: String?
    /// The directions of a one-band move the trigger supports.
    public let supports: [Direction]
    /// The evidence in plain words (`3.2.3: 1/2 → 2/2 would make the standard Outstanding`).
    public let evidence: String

    /// Creates a trigger.
    public init(kind: Kind, keyQuestion: String?, supports: [Direction], evidence: String) {
        self.kind = kind
        self.keyQuestion = keyQuestion
        self.supports = supports
        self.evidence = evidence
    }

    /// Whether the trigger supports a one-band move in `direction`.
    public func supports(_ direction: Direction) -> Bool { supports.contains(direction) }
}
