/// Rounding every published count to a base, an alternative to suppression: no count is
/// printed exactly, so none can be worked out exactly, and nothing needs to be hidden.
///
/// - **Conventional**: each count goes to the nearest multiple of the base, halves up (base 5:
///   1 and 2 become 0, 3 to 7 become 5). The true count is within ±base/2 of the printed one.
/// - **Random** (unbiased): a count x = q·b + r (0 < r < b) becomes (q + 1)·b with probability
///   r/b and q·b otherwise, so its expected value is x; multiples of the base are kept. The
///   draws come from SplitMix64 seeded with ``seed``, in table order, so a run is repeatable.
///
/// Counts are rounded before analysis and every figure (rates, ratios, shares, intervals,
/// totals) is computed from the rounded counts, so no published number depends on an exact
/// count. Source: Glossary of Statistical Disclosure Control (UNECE/Eurostat work session,
/// 2005), "conventional rounding" and "random rounding"; GSS/GSR Disclosure Control Guidance for
/// Tables Produced from Administrative Sources (ONS, 2014), on rounding to base 5.
public struct CountRounding: Sendable, Equatable, Codable {
    /// How a count between two multiples is rounded.
    public enum Method: String, Sendable, Equatable, Codable, CaseIterable {
        /// Nearest multiple, halves up.
        case conventional
        /// Up or down at random, with probability proportional to closeness.
        case random
    }

    /// The base b ≥ 2.
    public var base: Int
    /// Conventional or random.
    public var method: Method
    /// The seed of the random draws (random rounding only).
    public var seed: UInt64

    /// - Throws: ``InvalidArgumentError`` for a base under 2.
    public init(base: Int, method: Method = .conventional, seed: UInt64 = 1) throws {
        guard base >= 2 else { throw InvalidArgumentError("base", "must be at least 2, got \(base)") }
        self.base = base
        self.method = method
        self.seed = seed
    }

    /// Rounds one non-negative count; `random` supplies the draws for random rounding.
    public func round(_ count: Int, using random: inout SplitMix64) -> Int {
        let remainder = count % base, down = count - remainder
        guard remainder != 0 else { return count }
        switch method {
        case .conventional: return 2 * remainder >= base ? down + base : down
        case .random: return Int(random.next() % UInt64(base)) < remainder ? down + base : down
        }
    }

    /// The statement for the methods section.
    public var statement: String {
        let how = method == .conventional
            ? "conventional rounding to the nearest multiple of \(base) (halves up)"
            : "random rounding to a multiple of \(base) (up with probability proportional to the remainder, seed \(seed))"
        return "disclosure control by \(how): every count except the population is rounded before analysis, and every rate, ratio, share, interval and total is computed from the rounded counts (\(DisclosureModel.guidance))"
    }
}

extension CountsTable {
    /// The table with every count outside the population stage rounded, stage by stage in
    /// order, group by group, stratum by stratum (the order of the random draws). A rounded
    /// count is kept within its base: never above the (rounded) count it is a part of.
    public func rounded(_ rounding: CountRounding, previousBase: Bool) -> CountsTable {
        var random = SplitMix64(seed: rounding.seed)
        var result = counts
        for stratum in strata {
            for (index, stage) in stages.enumerated() {
                for group in groups {
                    let key = Key(group: group, stage: stage, stratum: stratum)
                    guard let value = counts[key] else { continue }
                    var r = rounding.round(value, using: &random)
                    let baseStage = previousBase && index > 0 ? stages[index - 1] : populationStage
                    if let limit = result[Key(group: group, stage: baseStage, stratum: stratum)], r > limit {
                        r = limit - limit % rounding.base
                    }
                    result[key] = r
                }
            }
        }
        var table = CountsTable(source: source, populationStage: populationStage, stages: stages, groups: groups,
                                strataColumns: strataColumns, strata: strata, unknownLabel: unknownLabel,
                                counts: result, locations: locations)
        table.totalsChecks = totalsChecks
        return table
    }
}
