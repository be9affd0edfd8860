import Foundation

/// The main job of yjstat (`yjstat summary`): every analysis the library offers, run on a
/// dataset directory of youth offending service inspections.
///
/// For each service: the published ratings recomputed by the framework's rules, with findings
/// (``RatingsReview``). Every number is computed from validated rows of a ``SummaryDataset``;
/// the renderers (`textReport`, `jsonDocument`, `outputFiles`) only format it.
public struct DatasetSummary: Sendable {
    /// The dataset folder read.
    public let directory: URL
    /// The framework the ratings were checked against.
    public let framework: Framework
    /// One summary per service, in `inspections.csv` order.
    public let services: [ServiceSummary]

    /// Runs every analysis on a dataset.
    public init(dataset: SummaryDataset, framework: Framework) throws {
        directory = dataset.directory
        self.framework = framework
        services = dataset.inspection.inspections.map { inspection in
            ServiceSummary(service: inspection.service, name: inspection.name ?? inspection.service, published: inspection.published,
                           ratings: RatingsReview(dataset: dataset, service: inspection.service, framework: framework))
        }
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { services.contains { !$0.ratings.findings(.error).isEmpty } }
}
