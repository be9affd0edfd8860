import Foundation

/// The main job of yjstat (`yjstat summary`): every analysis the library offers, run on a
/// dataset directory of youth offending service inspections.
///
/// For each service (``ServiceSummary``), with the framework the dataset reads it with
/// (``SummaryDataset/frameworks``): the published ratings recomputed by that framework's rules,
/// with findings (``RatingsReview``); the sample-size audit (``ServiceSampleAudit``); the
/// rating confidence of each case-based standard (``StandardConfidence``); representation against
/// national and local figures (``ServiceRepresentation``); rates against England and Wales
/// (``ServiceRateComparison``). Across services: a funnel plot of key-question results per domain
/// of each framework in use, pooling only the services read with that framework
/// (``KeyQuestionFunnel``); the representation ratios side by side come from the services'
/// entries. Every number is computed from validated rows of a ``SummaryDataset``; the renderers
/// (`textReport`, `jsonDocument`, `outputFiles`) only format it.
public struct DatasetSummary: Sendable {
    /// The dataset folder read.
    public let directory: URL
    /// The frameworks the services were read with, in the order of their first service (one
    /// when every service uses the same framework).
    public let frameworks: [Framework]
    /// One summary per service, in `inspections.csv` order.
    public let services: [ServiceSummary]
    /// One funnel per case-based domain of each framework in ``frameworks``, in that order and
    /// then framework order; each funnel pools only the services read with its framework.
    public let keyQuestionFunnels: [KeyQuestionFunnel]

    /// Runs every analysis on a dataset, each service with its own framework
    /// (``SummaryDataset/frameworks``).
    ///
    /// - Throws: ``InvalidArgumentError`` only if a validated figure is still out of a method's
    ///   range (a sample below 1), which the dataset reader prevents.
    public init(dataset: SummaryDataset) throws {
        directory = dataset.directory
        let services = try dataset.inspection.inspections.map { inspection in
            let review = RatingsReview(dataset: dataset, service: inspection.service)
            return ServiceSummary(
                service: inspection.service, name: inspection.name ?? inspection.service, published: inspection.published,
                ratings: review,
                samples: try ServiceSampleAudit(dataset: dataset, service: inspection.service),
                ratingConfidence: StandardConfidence.all(assessment: review.assessment, dataset: dataset),
                representation: ServiceRepresentation(dataset: dataset, service: inspection.service),
                rates: dataset.rates.filter { $0.service == inspection.service }.map { ServiceRateComparison(rate: $0, dataset: dataset) })
        }
        self.services = services
        // The frameworks of the summarised services (inspections.csv), not of every service the
        // files name: a service with ratings but no inspection is not summarised.
        var frameworks: [Framework] = []
        for summary in services where !frameworks.contains(summary.framework) { frameworks.append(summary.framework) }
        if frameworks.isEmpty { frameworks = dataset.frameworks.inUse }
        self.frameworks = frameworks
        keyQuestionFunnels = frameworks.flatMap { framework in
            let assessments = services.filter { $0.framework == framework }.map(\.ratings.assessment)
            return framework.domains.filter { $0.standards.contains(where: \.isCaseBased) }
                .map { KeyQuestionFunnel(domain: $0, framework: framework, assessments: assessments) }
        }
    }

    /// Whether the services were read with more than one framework: the reports then name each
    /// service's framework and the framework of each funnel.
    public var hasSeveralFrameworks: Bool { frameworks.count > 1 }

    /// The key questions of the case-based standards of every framework in use, each once, in
    /// framework order (the first framework's, then those only a later one has): the rows of the
    /// side-by-side tables.
    public var caseBasedKeyQuestions: [Framework.KeyQuestion] {
        var questions: [Framework.KeyQuestion] = []
        for framework in frameworks {
            for question in framework.standards.filter(\.isCaseBased).flatMap(\.keyQuestions)
            where !questions.contains(where: { $0.id == question.id }) {
                questions.append(question)
            }
        }
        return questions
    }

    /// The rating names of every framework in use, each once, lowest first by the first
    /// framework (the band columns of the rating-confidence table).
    var ratingNames: [String] {
        var names: [String] = []
        for framework in frameworks {
            for rating in framework.ratings where !names.contains(rating.name) { names.append(rating.name) }
        }
        return names
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { services.contains { !$0.ratings.findings(.error).isEmpty } }
}
