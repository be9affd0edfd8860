/// How far a group's RRI could move if the children recorded with unknown ethnicity were
/// placed in different groups.
///
/// Three allocations of the u unknown children at the stage (and, with the previous stage as
/// base, of the unknown children at the previous stage, which move together with them):
///
/// - **all in the group**: the group's count becomes x + u;
/// - **all in the reference**: the reference's count becomes x₀ + u;
/// - **proportional**: every known group's count is scaled by (1 + u/K), K being the known total
///   at the stage (the usual redistribution; it leaves a population-based RRI unchanged).
///
/// The first two are the extremes for the RRI: ``lower`` and ``upper`` are the smallest and
/// largest RRI over the three. ``dependsOnUnknown`` is true when that range has RRIs on both sides
/// of 1, or when the interval's verdict (significant or not) differs between any allocation and
/// the observed counts. Counts pushed above their base are capped at the base. Source: the
/// bounding approach of Manski (2003), *Partial Identification of Probability Distributions*, ch. 1,
/// applied to the missing category.
public struct UnknownEthnicityBounds: Sendable, Equatable, Codable {
    /// Unknown children at the stage.
    public var unknownCount: Int
    /// Smallest RRI over the allocations.
    public var lower: Double
    /// Largest RRI over the allocations.
    public var upper: Double
    /// RRI under proportional redistribution.
    public var redistributed: Double
    /// The group's rate (per unit, not per 1,000) with every unknown child in it.
    public var rateAllInGroup: Double
    /// The group's rate (per unit) under proportional redistribution.
    public var rateRedistributed: Double
    /// Whether a conclusion turns on where the unknown children belong.
    public var dependsOnUnknown: Bool

    /// Works out the bounds.
    ///
    /// - Parameters:
    ///   - count, base: the group's count and base.
    ///   - referenceCount, referenceBase: the reference's.
    ///   - unknown: unknown children at the stage; `unknownInBase`: unknown children in the base
    ///     (0 for a population base).
    ///   - knownTotal, knownBaseTotal: known children at the stage and in the base across groups.
    ///   - interval: computes the RRI interval for a table, so the verdict can be compared.
    public init(count: Int, base: Int, referenceCount: Int, referenceBase: Int, unknown: Int, unknownInBase: Int,
                knownTotal: Int, knownBaseTotal: Int, observedSignificant: Bool,
                interval: (TwoByTwoTable) throws -> RatioEstimate) throws {
        unknownCount = unknown
        func rri(_ x: Int, _ n: Int, _ x0: Int, _ n0: Int) throws -> (Double, Bool) {
            let table = try TwoByTwoTable(groupEvents: min(x, n), groupBase: n, referenceEvents: min(x0, n0), referenceBase: n0)
            return (table.riskRatio, try interval(table).excludesOne)
        }
        let inGroup = try rri(count + unknown, base + unknownInBase, referenceCount, referenceBase)
        let inReference = try rri(count, base, referenceCount + unknown, referenceBase + unknownInBase)
        let scale = knownTotal > 0 ? 1 + Double(unknown) / Double(knownTotal) : 1
        let baseScale = knownBaseTotal > 0 && unknownInBase > 0 ? 1 + Double(unknownInBase) / Double(knownBaseTotal) : 1
        let groupRate = Double(count) * scale / (Double(base) * baseScale)
        let referenceRate = Double(referenceCount) * scale / (Double(referenceBase) * baseScale)
        redistributed = groupRate / referenceRate
        rateRedistributed = groupRate
        rateAllInGroup = Double(min(count + unknown, base + unknownInBase)) / Double(base + unknownInBase)
        let values = [inGroup.0, inReference.0, redistributed].filter { !$0.isNaN }
        lower = values.min() ?? .nan
        upper = values.max() ?? .nan
        let straddles = lower < 1 && upper > 1
        let verdictChanges = inGroup.1 != observedSignificant || inReference.1 != observedSignificant
        dependsOnUnknown = unknown > 0 && (straddles || verdictChanges)
    }
}
