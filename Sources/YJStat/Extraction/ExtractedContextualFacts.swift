/// A demographic percentage of children cautioned or sentenced, with its comparator (a row of
/// `demographics.csv`).
public struct ExtractedDemographic: Sendable, Equatable, Codable {
    /// `age`, `ethnicity` or `sex`.
    public let dimension: String
    /// `10-14`, `15-17`; `White`, `Black and minority ethnic`, `Unknown`; `Male`, `Female`.
    public let category: String
    /// The service's percentage, as printed.
    public let servicePercent: Int
    /// `national` or `local_population`.
    public let comparator: String
    /// The comparator's percentage, as printed.
    public let comparatorPercent: Int
    /// Input line of the comparator figure.
    public let line: Int
}

/// A population figure (a row of `population.csv`).
public struct ExtractedPopulation: Sendable, Equatable, Codable {
    /// `total`, `age_10_17` or `age_10_17_bame`.
    public let measure: String
    /// Persons, as printed.
    public let value: Int
    /// Reference year: printed beside the figure, else from the cited source's footnote.
    public let year: Int?
    /// Input line of the figure.
    public let line: Int
}

/// The service's caseload for one disposal type (a row of `caseload.csv`).
public struct ExtractedCaseload: Sendable, Equatable, Codable {
    /// `community-sentence`, `custody`, `licence`, `youth-caution`, `youth-conditional-caution`,
    /// `community-resolution-or-other-out-of-court`.
    public let disposal: String
    /// Children or cases, as printed.
    public let count: Int
    /// Input line.
    public let line: Int
}

/// A first-time-entrant or reoffending rate with the England and Wales figure (a row of
/// `rates.csv`).
public struct ExtractedRate: Sendable, Equatable, Codable {
    /// `first_time_entrants_per_100000` or `reoffending_percent`.
    public let measure: String
    /// The service's figure exactly as printed, without `%` (`50.4`).
    public let serviceValue: String
    /// The England and Wales figure exactly as printed, without `%`.
    public let comparatorValue: String
    /// Input line of the service's figure.
    public let line: Int
}
