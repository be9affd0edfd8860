/// How sure one case-based standard's rule rating is: the band probabilities of the key question
/// that decides it (the one with the lowest percentage), from ``BandConfidence``.
///
/// The population of relevant cases is taken as infinite, which gives the widest spread; if the
/// sample was the whole eligible population there is no sampling uncertainty at all. Where a report
/// prints only a percentage, the count is read as the fraction with the most relevant cases (at
/// most the domain's sample) that rounds to it — the whole sample when one fits — and
/// ``countsAssumed`` says so; the band probabilities are then those of that reading.
public struct StandardConfidence: Sendable, Equatable {
    /// Standard id.
    public let standard: String
    /// Standard name.
    public let name: String
    /// The rule rating of the standard.
    public let ruleRating: Rating
    /// The deciding key question.
    public let keyQuestion: String
    /// Yes cases used (`nil` when no count could be used).
    public let yes: Int?
    /// Relevant cases used (`nil` when no count could be used).
    public let relevant: Int?
    /// Whether the counts were read from a printed percentage as a whole-sample fraction.
    public let countsAssumed: Bool
    /// The band probabilities (`nil` when no count could be used; see ``note``).
    public let confidence: BandConfidence?
    /// Why the probabilities are missing, or what was assumed.
    public let note: String?

    /// The standards of an assessment with a rule rating, each with its deciding key question's
    /// band probabilities in the bands of the service's framework (``SummaryDataset/frameworks``).
    public static func all(assessment: InspectionAssessment, dataset: SummaryDataset) -> [StandardConfidence] {
        let framework = dataset.frameworks.framework(for: assessment.service)
        let scale = (try? RatingBandScale(framework)) ?? .youthInspection
        return assessment.standards.compactMap { item in
            guard item.standard.isCaseBased, let rule = item.rule, let rating = rule.rating, let lowest = rule.lowest else { return nil }
            var yes = lowest.yes, relevant = lowest.relevant
            var assumed = false
            var note: String?
            if yes == nil, let printed = lowest.printed {
                let sample = item.standard.sampleColumn.flatMap { dataset.sample(assessment.service, column: $0) }
                let analysis = item.roundingAnalyses[lowest.keyQuestion] ?? RoundingAnalysis(printed: printed, maximumRelevant: sample, framework: framework)
                if let pair = analysis.pairs.max(by: { ($0.relevant, -$0.yes) < ($1.relevant, -$1.yes) }) {
                    yes = pair.yes
                    relevant = pair.relevant
                    assumed = true
                    note = "counts not printed: read as \(pair.yes)/\(pair.relevant), the fraction with the most relevant cases (at most the sample) that rounds to \(printed)"
                } else {
                    note = "counts not printed, and no fraction with at most the sample's cases rounds to \(printed)"
                }
            }
            var confidence: BandConfidence?
            if let yes, let relevant {
                confidence = try? BandConfidence.compute(successes: yes, sample: relevant, population: nil, prior: .uniform, scale: scale)
            }
            return StandardConfidence(standard: item.standard.id, name: item.standard.name, ruleRating: rating, keyQuestion: lowest.keyQuestion,
                                      yes: confidence == nil ? nil : yes, relevant: confidence == nil ? nil : relevant,
                                      countsAssumed: assumed, confidence: confidence, note: note)
        }
    }
}
