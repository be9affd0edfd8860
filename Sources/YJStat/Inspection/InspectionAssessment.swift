/// One service's inspection recomputed by the published rules: each standard's published and rule
/// rating (with the key questions and discretion triggers behind it), the published score and
/// overall rating, and the score and overall rating the rules give.
public struct InspectionAssessment: Sendable, Equatable {
    /// One standard's published rating beside its rule rating.
    public struct StandardAssessment: Sendable, Equatable {
        /// The framework standard.
        public let standard: Framework.Standard
        /// The published rating, when present and a known word.
        public let published: Rating?
        /// The rule rating with its evidence, for case-based standards with key-question results.
        public let rule: StandardRating?
        /// Rounding analyses of the standard's printed-only percentages, by key question id.
        public let roundingAnalyses: [String: RoundingAnalysis]

        /// The rating that counts towards the rule score: the rule rating of a case-based standard,
        /// the published rating of a judgement standard.
        public var ruleOrJudgement: Rating? { standard.isCaseBased ? rule?.rating : published }
    }

    /// Service id.
    public let service: String
    /// Service name as published, if known.
    public let name: String?
    /// Every framework standard, in framework order.
    public let standards: [StandardAssessment]
    /// The published score as given.
    public let publishedScore: PublishedScore?
    /// The published overall rating, when a known word.
    public let publishedOverall: Rating?
    /// The sum of the published ratings of the scored standards (`nil` if any is missing or unknown).
    public let publishedRatingsScore: Int?

    /// The rule score: rule ratings of case-based standards plus published ratings of judgement
    /// standards, over the scored standards (`nil` if any is unavailable). This is what the score
    /// would be with no professional discretion.
    public var ruleScore: Int? {
        var total = 0
        for assessment in standards where assessment.standard.isScored {
            guard let rating = assessment.ruleOrJudgement else { return nil }
            total += rating.score
        }
        return total
    }
}
