/// The inverse audit of a published sample size: every eligible-population size N for which a
/// sample-size rule (target, correction form, rounding) produces exactly the published n.
///
/// The rule N ↦ n(N) of ``SampleSize`` is non-decreasing in N for every form (n₀N/(N + n₀ − 1)
/// and n₀N/(N + n₀) increase with N, min(n₀, N) does not decrease, and rounding preserves
/// order), so the answer is one run of whole numbers `lower...upper`, found by binary search.
/// It is empty when the rule never gives n (n above the infinite-population size, or skipped
/// by rounding), and has no upper end when n is the infinite-population size itself.
public struct ImpliedPopulationRange: Sendable, Equatable, Codable {
    /// The published sample size n.
    public let sample: Int
    /// The rule's precision target.
    public let target: PrecisionTarget
    /// The rule's correction form.
    public let correction: FinitePopulationCorrection
    /// The rule's rounding.
    public let rounding: SampleSizeRounding
    /// The smallest N giving n, or `nil` when no N does.
    public let lower: Int?
    /// The largest N giving n; `nil` when unbounded or when no N does (see ``isEmpty``).
    public let upper: Int?
    /// The size the rule gives for an infinite population, its largest possible value.
    public let infinitePopulationSize: Int

    /// Whether no population size gives the published sample.
    public var isEmpty: Bool { lower == nil }

    /// Whether every N from ``lower`` up gives the published sample.
    public var isUnbounded: Bool { lower != nil && upper == nil }

    /// Whether `population` is in the range.
    public func contains(_ population: Int) -> Bool {
        guard let lower else { return false }
        return population >= lower && (upper.map { population <= $0 } ?? true)
    }

    /// Populations giving `sample` under the rule.
    ///
    /// - Throws: ``InvalidArgumentError`` (`sample`) for a sample below 1.
    /// - Complexity: O(log N) evaluations of the rule.
    public static func implied(bySample sample: Int, target: PrecisionTarget,
                               correction: FinitePopulationCorrection = .cochranA,
                               rounding: SampleSizeRounding = .up) throws -> ImpliedPopulationRange {
        guard sample >= 1 else { throw InvalidArgumentError("sample", "must be at least 1, got \(sample)") }
        func rule(_ N: Int) -> Int {
            // N ≥ 1 always here, so compute cannot throw.
            (try? SampleSize.compute(target: target, population: N, correction: correction, rounding: rounding).size) ?? 0
        }
        let atInfinity = try SampleSize.compute(target: target, population: nil, correction: correction, rounding: rounding).size
        func result(_ lower: Int?, _ upper: Int?) -> ImpliedPopulationRange {
            ImpliedPopulationRange(sample: sample, target: target, correction: correction, rounding: rounding,
                                   lower: lower, upper: upper, infinitePopulationSize: atInfinity)
        }
        // The rule never exceeds N, so N ≥ sample; find the first N with rule(N) ≥ value.
        let ceiling = 1 << 52
        func firstReaching(_ value: Int) -> Int? {
            var high = max(sample, 1)
            while rule(high) < value {
                if high >= ceiling { return nil }
                high = min(ceiling, high * 2)
            }
            var low = sample
            while low < high {
                let mid = low + (high - low) / 2
                if rule(mid) >= value { high = mid } else { low = mid + 1 }
            }
            return low
        }
        guard atInfinity >= sample, let first = firstReaching(sample), rule(first) == sample else {
            return result(nil, nil)
        }
        guard let next = firstReaching(sample + 1) else { return result(first, nil) }
        return result(first, next - 1)
    }
}
