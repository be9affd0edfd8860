/// What each stage's rate is taken over.
public enum BaseMode: String, Sendable, Equatable, Codable, CaseIterable {
    /// Every stage over the group's population (rate per 1,000 children).
    case population
    /// Each stage over the previous stage's count (rate per 100), as in the US OJJDP relative
    /// rate index method; the product of the stage RRIs is the cumulative RRI.
    case previous
}

/// The group everyone is compared with.
public enum ReferenceChoice: Sendable, Equatable, Codable {
    /// A named group (for example White).
    case group(String)
    /// All other known groups combined, for each group in turn.
    case rest

    /// `rest` or the group name.
    public var label: String {
        switch self {
        case .group(let name): return name
        case .rest: return "rest"
        }
    }
}

/// Settings for ``DisproportionalityAnalysis``.
public struct DisproportionalityOptions: Sendable, Equatable {
    /// The reference; nil means `White` when the table has that group.
    public var reference: ReferenceChoice?
    /// The base of each stage's rate.
    public var base: BaseMode
    /// Two-sided confidence level for every interval.
    public var confidence: Double
    /// Interval for the RRI: ``RatioIntervalMethod/katz`` (default) or ``RatioIntervalMethod/koopman``.
    public var rriInterval: RatioIntervalMethod
    /// Zero-cell policy for every ratio (default ``ZeroCellRule/exact``).
    public var zeroCell: ZeroCellRule
    /// Counts below this are flagged `small` (default 10).
    public var minimumCount: Int
    /// Bases below this are flagged `small` (default 30).
    public var minimumBase: Int
    /// Hide counts from 1 to K − 1 and everything derived from them (nil: no suppression).
    public var suppressBelow: Int?
    /// Round every count before analysis instead of suppressing (nil: no rounding).
    public var rounding: CountRounding?

    /// Creates options with the documented defaults.
    public init(reference: ReferenceChoice? = nil, base: BaseMode = .population, confidence: Double = 0.95,
                rriInterval: RatioIntervalMethod = .katz, zeroCell: ZeroCellRule = .exact,
                minimumCount: Int = 10, minimumBase: Int = 30, suppressBelow: Int? = nil, rounding: CountRounding? = nil) {
        self.rounding = rounding
        self.reference = reference
        self.base = base
        self.confidence = confidence
        self.rriInterval = rriInterval
        self.zeroCell = zeroCell
        self.minimumCount = minimumCount
        self.minimumBase = minimumBase
        self.suppressBelow = suppressBelow
    }
}
