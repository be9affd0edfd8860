/// Proportional allocation of a sample across crossed strata by largest remainder (Hamilton's
/// method), with an optional minimum per non-empty stratum.
///
/// Method. With N_h eligible cases in stratum h, N in all and a sample of n:
/// 1. Minimum: a non-empty stratum whose proportional quota n·N_h/N is below
///    m_h = min(M, N_h) is held at m_h; the quotas of the other strata are recomputed from the
///    remaining sample and population, and this repeats until no further stratum falls below its
///    minimum (the usual treatment of bounds in allocation, e.g. Cochran 1977 §5.5).
/// 2. Largest remainder: each free stratum gets ⌊n′·N_h/N′⌋; the seats left over go one each to
///    the strata with the largest remainders. Remainders are compared exactly as whole numbers
///    (n′·N_h mod N′); ties go to the larger stratum, then to the earlier row.
///
/// Guarantees (tested as properties): allocations sum to n; a stratum with no eligible cases
/// gets none; no stratum gets more than its population; every non-empty stratum gets at least
/// min(M, N_h); without a minimum each allocation is ⌊quota⌋ or ⌈quota⌉ (the quota rule).
/// Source: Balinski & Young (2001), *Fair Representation*, 2nd ed., ch. 2 (Hamilton's method).
public struct StratifiedAllocation: Sendable, Equatable, Codable {
    /// Stratification variable names.
    public let variables: [String]
    /// The sample size allocated.
    public let sample: Int
    /// The minimum per non-empty stratum (0 for none).
    public let minimum: Int
    /// Total eligible population.
    public let population: Int
    /// Per-stratum allocation, in table order.
    public let strata: [AllocatedStratum]
    /// Per-variable population and sample shares, variables in order, levels in order of first appearance.
    public let marginals: [MarginalShare]

    /// Allocates `sample` cases across `table`'s strata.
    ///
    /// - Throws: ``InvalidArgumentError`` when the sample is negative or larger than the total
    ///   population (`sample`), the minimum is negative, or the minimums of the non-empty strata
    ///   add up to more than the sample (`minimum`).
    public static func allocate(_ table: StrataTable, sample: Int, minimum: Int = 0) throws -> StratifiedAllocation {
        let total = table.total
        guard sample >= 0 else { throw InvalidArgumentError("sample", "must not be negative, got \(sample)") }
        guard total >= 1 else { throw InvalidArgumentError("strata", "the strata hold no eligible cases") }
        guard sample <= total else {
            throw InvalidArgumentError("sample", "\(sample) is more than the \(total) eligible cases in the strata")
        }
        guard minimum >= 0 else { throw InvalidArgumentError("minimum", "must not be negative, got \(minimum)") }
        let populations = table.strata.map(\.population)
        let floors = populations.map { min(minimum, $0) }
        let required = floors.reduce(0, +)
        guard required <= sample else {
            let nonEmpty = populations.filter { $0 > 0 }.count
            throw InvalidArgumentError("minimum", "a minimum of \(minimum) in each of the \(nonEmpty) non-empty strata needs \(required) cases, more than the sample of \(sample)")
        }

        var allocation = [Int](repeating: 0, count: populations.count)
        var held = [Bool](repeating: false, count: populations.count)
        // Step 1: hold strata whose proportional share falls below their minimum.
        var remainingSample = sample, remainingPopulation = total
        var changed = true
        while changed {
            changed = false
            for h in populations.indices where !held[h] && populations[h] > 0 && floors[h] > 0 {
                // n′·N_h/N′ < m_h  ⇔  n′·N_h < m_h·N′ (exact in integers).
                if remainingSample.multipliedFullWidth(by: populations[h]) < floors[h].multipliedFullWidth(by: remainingPopulation) {
                    held[h] = true
                    allocation[h] = floors[h]
                    remainingSample -= floors[h]
                    remainingPopulation -= populations[h]
                    changed = true
                }
            }
        }
        // Step 2: Hamilton's method over the free strata.
        if remainingPopulation > 0 {
            var remainders: [(index: Int, remainder: Int)] = []
            var given = 0
            for h in populations.indices where !held[h] && populations[h] > 0 {
                let product = remainingSample.multipliedFullWidth(by: populations[h])
                let (quotient, remainder) = remainingPopulation.dividingFullWidth(product)
                allocation[h] = quotient
                given += quotient
                remainders.append((h, remainder))
            }
            remainders.sort {
                if $0.remainder != $1.remainder { return $0.remainder > $1.remainder }
                if populations[$0.index] != populations[$1.index] { return populations[$0.index] > populations[$1.index] }
                return $0.index < $1.index
            }
            for seat in 0..<min(remainingSample - given, remainders.count) { allocation[remainders[seat].index] += 1 }
        }

        let strata = table.strata.indices.map { h in
            AllocatedStratum(levels: table.strata[h].levels, population: populations[h],
                             quota: Double(sample) * Double(populations[h]) / Double(total),
                             allocated: allocation[h], heldAtMinimum: held[h])
        }
        return StratifiedAllocation(variables: table.variables, sample: sample, minimum: minimum, population: total,
                                    strata: strata, marginals: marginals(table.variables, strata, sample: sample, total: total))
    }

    private static func marginals(_ variables: [String], _ strata: [AllocatedStratum], sample: Int, total: Int) -> [MarginalShare] {
        var result: [MarginalShare] = []
        for (v, variable) in variables.enumerated() {
            var order: [String] = []
            var population: [String: Int] = [:], allocated: [String: Int] = [:]
            for stratum in strata {
                let level = stratum.levels[v]
                if population[level] == nil { order.append(level) }
                population[level, default: 0] += stratum.population
                allocated[level, default: 0] += stratum.allocated
            }
            for level in order {
                let p = population[level] ?? 0, a = allocated[level] ?? 0
                result.append(MarginalShare(variable: variable, level: level, population: p,
                                            populationShare: Double(p) / Double(total), allocated: a,
                                            allocatedShare: sample > 0 ? Double(a) / Double(sample) : 0))
            }
        }
        return result
    }
}
