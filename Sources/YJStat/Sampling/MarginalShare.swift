/// For one level of one stratification variable, its share of the eligible population beside
/// its share of the allocated sample: whether "the ratios matched those in the eligible population".
public struct MarginalShare: Sendable, Equatable, Codable {
    /// The stratification variable.
    public let variable: String
    /// The level of the variable.
    public let level: String
    /// Eligible cases at this level.
    public let population: Int
    /// population / total population.
    public let populationShare: Double
    /// Sampled cases at this level.
    public let allocated: Int
    /// allocated / sample size (0 for an empty sample).
    public let allocatedShare: Double

    /// allocatedShare − populationShare, as a proportion (0.01 = one percentage point).
    public var difference: Double { allocatedShare - populationShare }
}
