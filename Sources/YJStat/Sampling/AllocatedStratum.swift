/// One stratum's part of a ``StratifiedAllocation``.
public struct AllocatedStratum: Sendable, Equatable, Codable {
    /// The stratum's levels, in the table's variable order.
    public let levels: [String]
    /// Eligible cases in the stratum.
    public let population: Int
    /// The proportional quota n·N_h/N before any minimum or rounding.
    public let quota: Double
    /// Cases allocated.
    public let allocated: Int
    /// Whether the stratum was held at the minimum (its proportional quota was below it).
    public let heldAtMinimum: Bool
}
