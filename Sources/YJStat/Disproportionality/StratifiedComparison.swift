/// A group's comparison with the reference at one stage, adjusted over strata (for example sex ×
/// age band): the crude risk ratio within each stratum and the Mantel–Haenszel analysis over them.
public struct StratifiedComparison: Sendable, Equatable, Codable {
    /// Labels of the strata in which both the group and the reference have children, in order.
    public var labels: [String]
    /// The crude risk ratio within each stratum of ``labels`` (NaN where undefined, ∞ where the
    /// reference has none).
    public var stratumRiskRatios: [Double]
    /// Pooled risk and odds ratios, the Cochran–Mantel–Haenszel test and the Breslow–Day test
    /// over ``labels`` (``MantelHaenszel``); nil where disclosure control hides them.
    public var pooled: MantelHaenszel?
    /// Strata left out of the Breslow–Day test because they carry no information on the odds
    /// ratio: an empty row (left out of ``labels`` too), or a zero event or non-event margin.
    public var uninformativeStrata: [String]

    /// Creates a value.
    public init(labels: [String], stratumRiskRatios: [Double], pooled: MantelHaenszel?, uninformativeStrata: [String]) {
        self.labels = labels
        self.stratumRiskRatios = stratumRiskRatios
        self.pooled = pooled
        self.uninformativeStrata = uninformativeStrata
    }

    /// Whether some stratum used has an expected cell count under 5 (false when hidden).
    public var sparse: Bool { pooled?.sparse ?? false }

    /// The comparison with the figures built from stratum counts removed (the stratum ratios and
    /// the pooled analysis); which strata were uninformative stays.
    public func hidingFigures() -> StratifiedComparison {
        StratifiedComparison(labels: [], stratumRiskRatios: [], pooled: nil, uninformativeStrata: uninformativeStrata)
    }
}
