/// One stage of the stage-relative cascade: each group's rate over the children at an earlier
/// stage (per 100), the disparity added at that step (US OJJDP relative rate index method).
public struct BoardCascadeStage: Sendable, Equatable {
    /// The stage.
    public var stage: String
    /// Its base: the nearest earlier stage that contains it for every group, or the population
    /// stage when no earlier stage does (then the rows are the population-based ones).
    public var baseStage: String
    /// One row per known group, as `disproportionality --base previous` gives them.
    public var rows: [DisproportionalityRow]
}

/// The difference in rates where the reference group has no child at a stage, so that no rate
/// ratio can be estimated.
///
/// d = x/n − 0/n₀, per 1,000 of the population, with Newcombe's hybrid score interval (Newcombe
/// 1998, *Statistics in Medicine* 17:873–890, method 10; statsmodels
/// `confint_proportions_2indep(method="newcomb")`). Needs no zero-cell correction; range
/// [−1,000, 1,000] per 1,000.
public struct BoardRateDifference: Sendable, Equatable {
    /// The group.
    public var group: String
    /// The stage.
    public var stage: String
    /// The group's count (published: disclosure control did not hide it).
    public var count: Int
    /// The group's base.
    public var base: Int
    /// The reference group's base (its count is 0).
    public var referenceBase: Int
    /// The difference per 1,000 with its interval, also per 1,000.
    public var perThousand: IntervalEstimate
}

/// A local RRI set against the national RRI at one stage.
public struct BoardNationalComparison: Sendable, Equatable {
    /// The group.
    public var group: String
    /// The stage.
    public var stage: String
    /// The local RRI row (population base), as the RRI table shows it.
    public var local: DisproportionalityRow
    /// The ratio of RRIs (Altman & Bland 2003, Poisson counts), or nil with ``reason``.
    public var comparison: RelativeRateIndexComparison?
    /// Why no comparison was made (hidden, a zero count, no national figures).
    public var reason: String?
}

/// One group's rate and RRI at one stage in one year.
public struct BoardTrendPoint: Sendable, Equatable {
    /// The year, as written in the year column.
    public var year: String
    /// The row of that year's population-based analysis.
    public var row: DisproportionalityRow
    /// The rate per 1,000 with the exact Poisson (Garwood 1936) interval; nil when hidden or
    /// the base is zero.
    public var rate: PoissonRateInterval?
}

/// The latest year's RRI against the earlier years pooled, for one group at one stage.
///
/// ln(RRI_latest / RRI_earlier) / √(1/a₁ + 1/c₁ + 1/a₀ + 1/c₀) is referred to the standard normal
/// (Altman & Bland 2003, *BMJ* 326:219), with Poisson counts (a population base): the test of
/// ``RelativeRateIndexComparison``.
public struct BoardTrendTest: Sendable, Equatable {
    /// The group.
    public var group: String
    /// The stage.
    public var stage: String
    /// The latest year's row.
    public var latest: DisproportionalityRow
    /// The pooled earlier years' row.
    public var earlier: DisproportionalityRow
    /// The comparison (ratio of the two RRIs, interval, p), or nil with ``reason``.
    public var comparison: RelativeRateIndexComparison?
    /// Why no test was made.
    public var reason: String?
}

/// The trend over years.
public struct BoardTrend: Sendable, Equatable {
    /// Years in order, the latest last.
    public var years: [String]
    /// Every group × stage × year.
    public var points: [BoardTrendPoint]
    /// The latest year against the earlier ones, per group and stage.
    public var tests: [BoardTrendTest]
    /// The pooled earlier years, in words ("2021–2023").
    public var earlierYears: String
}

/// One line of the headline, in plain English.
public struct BoardFinding: Sendable, Equatable {
    /// What the line is about.
    public enum Kind: String, Sendable, Equatable {
        /// A large relative rate index.
        case disparity
        /// Many children above parity.
        case affected
        /// The reference group has no child at a stage.
        case zeroReference
        /// Small numbers.
        case smallNumbers
        /// Unknown ethnicity.
        case unknownEthnicity
        /// Against the national picture.
        case national
        /// Against earlier years.
        case trend
        /// Disclosure control.
        case suppression
    }
    /// The kind.
    public var kind: Kind
    /// The sentence(s).
    public var text: String
}
