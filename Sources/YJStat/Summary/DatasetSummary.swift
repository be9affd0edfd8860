import Foundation

/// The main job of yjstat (`yjstat summary`): every analysis the library offers, run on a
/// dataset directory of youth offending service inspections.
///
/// For each service (``ServiceSummary``): the published ratings recomputed by the framework's
/// rules, with findings (``RatingsReview``); the sample-size audit (``ServiceSampleAudit``); the
/// rating confidence of each case-based standard (``StandardConfidence``); representation against
/// national and local figures (``ServiceRepresentation``); rates against England and Wales
/// (``ServiceRateComparison``). Across services: a funnel plot of key-question results per domain
/// (``KeyQuestionFunnel``); the representation ratios side by side come from the services'
/// entries. Every number is computed from validated rows of a ``SummaryDataset``; the renderers
/// (`textReport`, `jsonDocument`, `outputFiles`) only format it.
public struct DatasetSummary: Sendable {
    /// The dataset folder read.
    public let directory: URL
    /// The framework the ratings were checked against.
    public let framework: Framework
    /// One summary per service, in `inspections.csv` order.
    public let services: [ServiceSummary]
    /// One funnel per case-based domain, in framework order.
    public let keyQuestionFunnels: [KeyQuestionFunnel]

    /// Runs every analysis on a dataset.
    ///
    /// - Throws: ``InvalidArgumentError`` only if a validated figure is still out of a method's
    ///   range (a sample below 1), which the dataset reader prevents.
    public init(dataset: SummaryDataset, framework: Framework) throws {
        directory = dataset.directory
        self.framework = framework
        services = try dataset.inspection.inspections.map { inspection in
            let review = RatingsReview(dataset: dataset, service: inspection.service, framework: framework)
            return ServiceSummary(
                service: inspection.service, name: inspection.name ?? inspection.service, published: inspection.published,
                ratings: review,
                samples: try ServiceSampleAudit(dataset: dataset, service: inspection.service),
                ratingConfidence: StandardConfidence.all(assessment: review.assessment, dataset: dataset, framework: framework),
                representation: ServiceRepresentation(dataset: dataset, service: inspection.service),
                rates: dataset.rates.filter { $0.service == inspection.service }.map { ServiceRateComparison(rate: $0, dataset: dataset) })
        }
        let assessments = services.map(\.ratings.assessment)
        keyQuestionFunnels = framework.domains.filter { $0.standards.contains(where: \.isCaseBased) }
            .map { KeyQuestionFunnel(domain: $0, assessments: assessments) }
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { services.contains { !$0.ratings.findings(.error).isEmpty } }
}
