/// The sample-size audit of one service's court and out-of-court case samples against the
/// inspectorate's stated precision (80% confidence, ±5 points, p = 0.5).
///
/// The reports do not print the eligible population the samples were drawn from. The audit
/// therefore gives, for each sample: the margin it achieves in an infinite population (the
/// widest it can be); the eligible-population sizes for which the sizing rule gives exactly that
/// sample (``ImpliedPopulationRange``, every correction form and rounding); and, where the
/// service's caseload by disposal is known, a full ``SampleAudit`` taking that caseload as the
/// population (the caseload covers a year, so it is larger than the eligible window and the
/// margin computed from it is an upper bound). It also checks the out-of-court sample against the
/// 2020–21 rule that the combined sample is 60% court and 40% out of court.
public struct ServiceSampleAudit: Sendable, Equatable {
    /// One sample (court or out-of-court).
    public struct Part: Sendable, Equatable {
        /// `court` or `out-of-court`.
        public let name: String
        /// The sample size as published.
        public let sample: Int
        /// The caseload of the matching disposals, when the report prints it.
        public let caseload: Int?
        /// The margin in an infinite population (Cochran A and B agree there).
        public let infinitePopulationMargin: MarginOfError
        /// The audit taking the caseload as the population (`nil` without a caseload, or when the
        /// caseload is smaller than the sample).
        public let caseloadAudit: SampleAudit?
        /// Populations for which the inspectorate rule (Cochran A, rounded up) gives exactly this sample.
        public let impliedPopulation: ImpliedPopulationRange
        /// The inspected cases by disposal type, when known.
        public let composition: [SampleCompositionCount]
    }

    /// The precision the samples are audited against.
    public let target: PrecisionTarget
    /// The court-disposal sample, when published.
    public let court: Part?
    /// The out-of-court sample, when published.
    public let outOfCourt: Part?

    /// The court share of the combined sample.
    public var courtShare: Double? {
        guard let court, let outOfCourt else { return nil }
        return Double(court.sample) / Double(court.sample + outOfCourt.sample)
    }

    /// The out-of-court size the 60/40 rule gives for the court sample: court × 40/60 rounded to
    /// the nearest whole number (the rounding the 2020–21 reports' pairs fit; see ``SamplePlan``).
    public var sixtyFortyOutOfCourt: Int? {
        court.map { SampleSizeRounding.nearest.round(Double($0.sample) * 40 / 60) }
    }

    /// Audits a service's samples.
    ///
    /// - Throws: ``InvalidArgumentError`` only for a sample below 1, which the dataset reader rejects.
    public init(dataset: SummaryDataset, service: String, target: PrecisionTarget = .inspectorate) throws {
        self.target = target
        func part(_ name: String, column: String, court: Bool, domain: SampleCompositionCount.Domain) throws -> Part? {
            guard let sample = dataset.sample(service, column: column), sample >= 1 else { return nil }
            let counts = dataset.caseload.filter { $0.service == service && $0.disposal.isCourtDisposal == court }
            let caseload = counts.isEmpty ? nil : counts.reduce(0) { $0 + $1.count }
            let usable = caseload.flatMap { $0 >= sample ? $0 : nil }
            return Part(name: name, sample: sample, caseload: caseload,
                        infinitePopulationMargin: try MarginOfError.compute(sample: sample, population: nil, confidence: target.confidence,
                                                                             proportion: target.proportion),
                        caseloadAudit: try usable.map { try SampleAudit.audit(sample: sample, population: $0, target: target) },
                        impliedPopulation: try ImpliedPopulationRange.implied(bySample: sample, target: target),
                        composition: dataset.sampleComposition.filter { $0.service == service && $0.domain == domain })
        }
        court = try part("court", column: "court_sample", court: true, domain: .court)
        outOfCourt = try part("out-of-court", column: "ooc_sample", court: false, domain: .outOfCourt)
    }
}
