import Foundation

/// A service's published rate against the England and Wales figure.
///
/// Always: the difference and ratio as printed, with the ranges rounding allows (each printed
/// figure stands for a value within half a unit of its last digit). For first-time entrants per
/// 100,000, when `population.csv` gives the service's 10–17 population, also the counts of children
/// that round to the printed rate, and for the count nearest rate × population an exact Poisson
/// comparison with England and Wales (``RateComparison``). The reoffending rate's cohort size is
/// not printed, so it gets no interval or test.
public struct ServiceRateComparison: Sendable, Equatable {
    /// The published row.
    public let rate: PublishedRate
    /// Service value − comparator value, as printed.
    public let difference: Double
    /// Service value / comparator value, as printed.
    public let ratio: Double
    /// The difference allowed by rounding of both figures.
    public let differenceRounding: ClosedRange<Double>
    /// The ratio allowed by rounding of both figures.
    public let ratioRounding: ClosedRange<Double>
    /// The 10–17 population used for a first-time-entrant count, if any.
    public let population: PopulationFigure?
    /// Whole counts of children that round to the printed rate with that population.
    public let consistentCounts: ClosedRange<Int>?
    /// The exact Poisson comparison for the count used, if any.
    public let test: RateComparison?
    /// What was assumed, or why there is no test.
    public let note: String

    /// Compares a published rate.
    public init(rate: PublishedRate, dataset: SummaryDataset, confidence: Double = 0.95) {
        self.rate = rate
        let own = rate.serviceValue, other = rate.comparatorValue
        difference = own.value - other.value
        ratio = own.value / other.value
        let ownRange = max(0, own.value - own.roundingHalfWidth)...(own.value + own.roundingHalfWidth)
        let otherRange = max(0, other.value - other.roundingHalfWidth)...(other.value + other.roundingHalfWidth)
        differenceRounding = (ownRange.lowerBound - otherRange.upperBound)...(ownRange.upperBound - otherRange.lowerBound)
        ratioRounding = (ownRange.lowerBound / otherRange.upperBound)...(otherRange.lowerBound > 0 ? ownRange.upperBound / otherRange.lowerBound : .infinity)
        guard rate.measure == .firstTimeEntrantsPer100000 else {
            population = nil
            consistentCounts = nil
            test = nil
            note = "the size of the reoffending cohort is not printed, so only the rounding range can be given"
            return
        }
        guard let youth = dataset.populationFigure(rate.service, .age10To17) else {
            population = nil
            consistentCounts = nil
            test = nil
            note = "no 10-17 population in population.csv, so the number of first-time entrants cannot be recovered"
            return
        }
        population = youth
        let per = 100_000.0, size = Double(youth.value)
        // Counts k with k·per/size within the printed rate's rounding range [r − h, r + h).
        var low = Int((ownRange.lowerBound * size / per).rounded(.up))
        while low > 0, Double(low - 1) * per / size >= ownRange.lowerBound { low -= 1 }
        var high = Int((ownRange.upperBound * size / per).rounded(.down))
        while high >= low, Double(high) * per / size >= ownRange.upperBound { high -= 1 }
        guard low <= high else {
            consistentCounts = nil
            test = nil
            note = "no whole number of children in a population of \(NumberFormatting.grouped(youth.value)) gives the printed rate"
            return
        }
        consistentCounts = low...high
        let nearest = min(high, max(low, Int((own.value * size / per).rounded())))
        test = try? RateComparison(count: nearest, population: size, reference: other.value, per: per, confidence: confidence)
        note = low == high
            ? "\(nearest) first-time entrants is the only whole count that gives the printed rate in a 10-17 population of \(NumberFormatting.grouped(youth.value)) (\(youth.year))"
            : "\(low) to \(high) first-time entrants give the printed rate in a 10-17 population of \(NumberFormatting.grouped(youth.value)) (\(youth.year)); \(nearest) is used"
    }
}
