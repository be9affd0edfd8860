/// One service's published ratings recomputed by the rules of its framework (the one the dataset
/// reads it with, ``SummaryDataset/frameworks``): the ratings engine's
/// assessment and findings, and how they agree with the footnoted discretion decisions recorded
/// in `discretion.csv`.
public struct RatingsReview: Sendable, Equatable {
    /// A footnoted discretion decision beside what the engine finds for the same standard.
    public struct FootnoteCheck: Sendable, Equatable {
        /// The recorded decision.
        public let record: DiscretionRecord
        /// The engine's rule rating for the standard (`nil` when it could not be recomputed).
        public let engineRule: Rating?
        /// The published rating in `ratings.csv`.
        public let published: Rating?
        /// The code of the engine's finding on the standard, if any (`discretion` expected).
        public let engineFinding: FindingCode?

        /// Whether the record's rule and published ratings are the engine's and the engine
        /// classifies the difference as professional discretion.
        public var agrees: Bool {
            engineRule == record.ruleRating && published == record.publishedRating && engineFinding == .discretion
        }
    }

    /// The framework the ratings were recomputed with.
    public let framework: Framework
    /// The recomputed ratings.
    public let assessment: InspectionAssessment
    /// The engine's findings for the service, in engine order, then the impossible prompt figures
    /// of `prompts.csv` (``SummaryDataset/promptFindings(service:)``).
    public let findings: [Finding]
    /// Every footnoted decision of the service, checked against the engine.
    public let footnotes: [FootnoteCheck]
    /// Case-based standards whose published rating differs from the rule rating with no footnote
    /// recorded for them.
    public let unfootnotedDifferences: [String]
    /// The overall rating the rule score falls in (`nil` when the rule score is unavailable).
    public let ruleOverall: Rating?

    /// Recomputes a service's ratings with the framework the dataset reads it with.
    public init(dataset: SummaryDataset, service: String) {
        let framework = dataset.frameworks.framework(for: service)
        self.framework = framework
        let evaluation = ConsistencyChecker(framework: framework).evaluate(dataset.inspection, service: service)
        assessment = evaluation.assessment
        findings = evaluation.findings + dataset.promptFindings(service: service)
        let records = dataset.discretion.filter { $0.service == service }
        footnotes = records.map { record in
            let item = evaluation.assessment.standards.first { $0.standard.id == record.standard }
            let finding = evaluation.findings.first { $0.location == record.standard && $0.severity != .info }
            return FootnoteCheck(record: record, engineRule: item?.rule?.rating, published: item?.published,
                                 engineFinding: finding?.code)
        }
        let footnoted = Set(records.map(\.standard))
        unfootnotedDifferences = evaluation.assessment.standards.compactMap { item in
            guard item.standard.isCaseBased, let published = item.published, let rule = item.rule?.rating,
                  published != rule, !footnoted.contains(item.standard.id) else { return nil }
            return item.standard.id
        }
        ruleOverall = evaluation.assessment.ruleScore.flatMap { framework.overallRating(score: $0) }
    }

    /// Findings of a given severity.
    public func findings(_ severity: Finding.Severity) -> [Finding] { findings.filter { $0.severity == severity } }
}
