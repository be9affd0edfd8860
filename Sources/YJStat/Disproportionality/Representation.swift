import Foundation

/// Representation worked out from published percentages, as inspection reports print them:
/// a service's percentage of children in a group beside a comparator (the national average or
/// the local population share), both rounded to whole numbers.
///
/// **Rounding.** A printed whole percent x stands for a true value in [x − 0.5, x + 0.5) (round
/// half up), clipped to [0, 100]. So the ratio s/c lies in [(S − 0.5)/(C + 0.5), (S + 0.5)/(C − 0.5))
/// and the difference in (S − C − 1, S − C + 1) points: the *rounding interval*, which is certain,
/// not statistical.
///
/// **Sampling.** When the service total N is known, the counts k consistent with the printed
/// S are those with 100k/N in [S − 0.5, S + 0.5). The *sampling interval* is the union, over
/// every consistent k (and every consistent j of M for the comparator when its total M is known:
/// every pair is searched, since the Katz bounds are not monotone in j near the edges), of the
/// Katz log interval for the ratio (under the zero-cell policy of ``ZeroCellRule/exact``: the
/// Koopman interval when k or j is 0) and Newcombe's hybrid score interval for the difference;
/// with no comparator total the comparator is taken as exact, inside its rounding range. Above
/// ``exhaustivePairLimit`` pairs only the pairs with k or j at an end of its range are searched,
/// and a note says so.
/// If no whole k fits S, the percentages cannot come from that total and the result says so.
/// Percentages must be whole numbers, as the reports print them.
public struct Representation: Sendable, Equatable, Codable {
    /// Printed service percentage S.
    public var servicePercent: Double
    /// Printed comparator percentage C.
    public var comparatorPercent: Double
    /// Service total N behind S, if known.
    public var serviceTotal: Int?
    /// Comparator total M behind C, if known.
    public var comparatorTotal: Int?
    /// S/C as printed.
    public var ratio: Double
    /// S − C in points as printed.
    public var differencePoints: Double
    /// Range of S/C implied by rounding alone.
    public var ratioRounding: ClosedRange<Double>
    /// Range of S − C implied by rounding alone.
    public var differenceRounding: ClosedRange<Double>
    /// Counts k of N consistent with S (nil without N).
    public var consistentServiceCounts: ClosedRange<Int>?
    /// Counts j of M consistent with C (nil without M).
    public var consistentComparatorCounts: ClosedRange<Int>?
    /// Ratio interval with sampling uncertainty as well as rounding (nil without N).
    public var ratioSampling: ClosedRange<Double>?
    /// Difference interval (points) with sampling uncertainty as well as rounding (nil without N).
    public var differenceSampling: ClosedRange<Double>?
    /// Confidence level of the sampling intervals.
    public var confidence: Double
    /// Plain-language notes (inconsistent totals, clipping at 0 or 100).
    public var notes: [String]

    /// Works out the measures.
    ///
    /// - Throws: ``InvalidArgumentError`` when a percentage lies outside [0, 100], a total is
    ///   below 1, or the confidence level is outside (0, 1).
    public init(servicePercent s: Double, comparatorPercent c: Double, serviceTotal: Int? = nil,
                comparatorTotal: Int? = nil, confidence: Double = 0.95) throws {
        try InvalidArgumentError.checkConfidence(confidence)
        for (name, value) in [("servicePercent", s), ("comparatorPercent", c)] where !(0...100).contains(value) {
            throw InvalidArgumentError(Parameter(rawValue: name), "must be a percentage between 0 and 100, got \(value)")
        }
        for (name, value) in [("servicePercent", s), ("comparatorPercent", c)] where value != value.rounded() {
            throw InvalidArgumentError(Parameter(rawValue: name), "must be a whole percentage as printed, got \(value)")
        }
        for (name, value) in [("serviceTotal", serviceTotal), ("comparatorTotal", comparatorTotal)] {
            if let value, value < 1 { throw InvalidArgumentError(Parameter(rawValue: name), "must be at least 1, got \(value)") }
        }
        servicePercent = s
        comparatorPercent = c
        self.serviceTotal = serviceTotal
        self.comparatorTotal = comparatorTotal
        self.confidence = confidence
        var notes: [String] = []
        ratio = s / c
        differencePoints = s - c
        let sRange = Self.roundingRange(s), cRange = Self.roundingRange(c)
        ratioRounding = (sRange.lowerBound / cRange.upperBound)...(sRange.upperBound / cRange.lowerBound)
        differenceRounding = (sRange.lowerBound - cRange.upperBound)...(sRange.upperBound - cRange.lowerBound)
        if cRange.lowerBound == 0 { notes.append("the comparator could be 0%, so the ratio has no upper limit") }

        consistentServiceCounts = serviceTotal.flatMap { Self.consistentCounts(percent: s, total: $0) }
        consistentComparatorCounts = comparatorTotal.flatMap { Self.consistentCounts(percent: c, total: $0) }
        if let serviceTotal, consistentServiceCounts == nil {
            notes.append("no whole number of the \(serviceTotal) children rounds to \(Self.text(s))%: the total and the percentage do not fit together")
        }
        if let comparatorTotal, consistentComparatorCounts == nil {
            notes.append("no whole number of the \(comparatorTotal) comparator children rounds to \(Self.text(c))%")
        }
        ratioSampling = nil
        differenceSampling = nil
        if let serviceTotal, let ks = consistentServiceCounts, comparatorTotal == nil || consistentComparatorCounts != nil {
            var ratioLow = Double.infinity, ratioHigh = -Double.infinity
            var differenceLow = Double.infinity, differenceHigh = -Double.infinity
            let (pairs, overflow) = ks.count.multipliedReportingOverflow(by: consistentComparatorCounts?.count ?? 1)
            let exhaustive = !overflow && pairs <= Self.exhaustivePairLimit
            if !exhaustive {
                notes.append("\(overflow ? "more than \(Int.max)" : "\(pairs)") consistent count pairs: the sampling range searches only the \(Self.edgeCountsSearched) counts at each end of each range")
            }
            for k in exhaustive ? Array(ks) : Self.edgeCounts(ks) {
                if let comparatorTotal, let js = consistentComparatorCounts {
                    for j in exhaustive ? Array(js) : Self.edgeCounts(js) {
                        let table = try TwoByTwoTable(groupEvents: k, groupBase: serviceTotal, referenceEvents: j, referenceBase: comparatorTotal)
                        let r = try table.riskRatio(confidence: confidence, method: .katz, zeroCell: .exact)
                        ratioLow = min(ratioLow, r.lower); ratioHigh = max(ratioHigh, r.upper)
                        let d = try IntervalEstimate.newcombe(k, serviceTotal, j, comparatorTotal, confidence: confidence)
                        differenceLow = min(differenceLow, 100 * d.lower); differenceHigh = max(differenceHigh, 100 * d.upper)
                    }
                } else {
                    let w = try ProportionInterval.wilson(successes: k, trials: serviceTotal, confidence: confidence)
                    ratioLow = min(ratioLow, 100 * w.lower / cRange.upperBound)
                    ratioHigh = max(ratioHigh, 100 * w.upper / cRange.lowerBound)
                    differenceLow = min(differenceLow, 100 * w.lower - cRange.upperBound)
                    differenceHigh = max(differenceHigh, 100 * w.upper - cRange.lowerBound)
                }
            }
            ratioSampling = ratioLow...ratioHigh
            differenceSampling = differenceLow...differenceHigh
        }
        self.notes = notes
    }

    /// Above this many consistent (k, j) pairs the search keeps to the edges of the ranges.
    public static let exhaustivePairLimit = 1_000_000

    /// How many counts at each end of a consistent range are searched when the ranges are too
    /// large to search every pair (at most (2 × 500)² = 10⁶ pairs, so the work stays bounded).
    public static let edgeCountsSearched = 500

    /// The first and last ``edgeCountsSearched`` counts of a range (the whole range when shorter).
    static func edgeCounts(_ range: ClosedRange<Int>) -> [Int] {
        guard range.count > 2 * edgeCountsSearched else { return Array(range) }
        return Array(range.lowerBound..<(range.lowerBound + edgeCountsSearched))
            + Array((range.upperBound - edgeCountsSearched + 1)...range.upperBound)
    }

    /// [x − 0.5, x + 0.5] clipped to [0, 100] for a whole x (the upper end itself is excluded
    /// except at 100, which the arithmetic of ``consistentCounts(percent:total:)`` respects).
    static func roundingRange(_ x: Double) -> ClosedRange<Double> {
         max(0, x - 0.5)...min(100, x + 0.5)
    }

    /// The counts k with 100k/N in [x − 0.5, x + 0.5) (round half up to x), or nil if none.
    static func consistentCounts(percent x: Double, total n: Int) -> ClosedRange<Int>? {
        let range = roundingRange(x)
        let total = Double(n)
        // Smallest k with 100k ≥ (x − 0.5)N, largest k with 100k < (x + 0.5)N (≤ N at 100%).
        var low = Int((range.lowerBound * total / 100).rounded(.up))
        var high = Int((range.upperBound * total / 100).rounded(.down))
        while low > 0, Double(100 * (low - 1)) >= range.lowerBound * total { low -= 1 }
        while Double(100 * low) < range.lowerBound * total { low += 1 }
        if x < 100, Double(100 * high) >= range.upperBound * total { high -= 1 }
        high = min(high, n)
        low = max(low, 0)
        return low <= high ? low...high : nil
    }

    static func text(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
