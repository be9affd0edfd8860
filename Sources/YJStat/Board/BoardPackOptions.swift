/// Settings for ``BoardPack``.
public struct BoardPackOptions: Sendable, Equatable {
    /// Reference, confidence, interval method, zero-cell rule, small-number thresholds and
    /// disclosure control, exactly as for `disproportionality`; ``DisproportionalityOptions/base``
    /// is ignored (the pack shows both bases).
    public var analysis: DisproportionalityOptions
    /// The name of the year column (default `year`); a counts table without it has no trend.
    public var yearColumn: String
    /// Words for stage and group names.
    public var labels: BoardLabels
    /// How many disparities and how many "most children affected" lines the headline gives.
    public var top: Int

    /// Creates options with the documented defaults.
    public init(analysis: DisproportionalityOptions = DisproportionalityOptions(), yearColumn: String = "year",
                labels: BoardLabels = BoardLabels(), top: Int = 3) {
        self.analysis = analysis
        self.yearColumn = yearColumn
        self.labels = labels
        self.top = top
    }
}
