import Foundation
@testable import YJStat

/// `Fixtures/disproportionality.json`, written by `Scripts/oracles/disproportionality.py`
/// (statsmodels, scipy, R fisher.test and epiR). Numbers may be JSON null (undefined: NaN here)
/// or the strings "inf" / "-inf".
struct DisproportionalityFixture: Decodable {
    /// A double that also decodes null (NaN) and "inf"/"-inf".
    struct Number: Decodable {
        let value: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { value = .nan; return }
            if let d = try? c.decode(Double.self) { value = d; return }
            let s = try c.decode(String.self)
            value = s == "inf" ? .infinity : (s == "-inf" ? -.infinity : .nan)
        }
    }

    struct Table: Decodable {
        let a: Int, n1: Int, c: Int, n0: Int, confidence: Double
        let katz: [Number], woolf: [Number], koopman: [Number]?, koopmanNumeric: [Number]?
        let fisherP: Number, exact: [Number], rFisher: [Number], newcombe: [Number], wilsonGroup: [Number]
        enum CodingKeys: String, CodingKey {
            case a, n1, c, n0, confidence, katz, woolf, koopman, exact, newcombe
            case fisherP = "fisher_p", rFisher = "r_fisher", wilsonGroup = "wilson_group", koopmanNumeric = "koopman_numeric"
        }
    }

    struct Stratified: Decodable {
        let name: String, strata: [[Int]], confidence: Double
        let orMH: [Number], rrMH: Number, rrMHepiR: [Number]
        let cmh: [Number], cmhCorrected: [Number], breslowDayTarone: [Number], breslowDay: [Number]
        enum CodingKeys: String, CodingKey {
            case name, strata, confidence, cmh
            case orMH = "or_mh", rrMH = "rr_mh", rrMHepiR = "rr_mh_epir", cmhCorrected = "cmh_corrected"
            case breslowDayTarone = "breslow_day_tarone", breslowDay = "breslow_day"
        }
    }

    struct RepresentationCase: Decodable {
        let servicePercent: Double, comparatorPercent: Double, serviceTotal: Int?, comparatorTotal: Int?, confidence: Double
        let ratioRounding: [Number], differenceRounding: [Number]
        let serviceCounts: [Int]?, comparatorCounts: [Int]?
        let ratioSampling: [Number]?, differenceSampling: [Number]?
        enum CodingKeys: String, CodingKey {
            case confidence
            case servicePercent = "service_percent", comparatorPercent = "comparator_percent"
            case serviceTotal = "service_total", comparatorTotal = "comparator_total"
            case ratioRounding = "ratio_rounding", differenceRounding = "difference_rounding"
            case serviceCounts = "service_counts", comparatorCounts = "comparator_counts"
            case ratioSampling = "ratio_sampling", differenceSampling = "difference_sampling"
        }
    }

    struct Holm: Decodable { let p: [Double], adjusted: [Double] }

    struct ExampleRow: Decodable {
        let group: String, stage: String, count: Int, base: Int
        let rate: Number, referenceRate: Number, rri: Number, rriKatz: [Number], oddsRatio: Number, orWoolf: [Number]
        let orExact: [Number], pValue: Number, pAdjusted: Number, excess: [Number]
        let stageShare: [Number], baseShare: [Number], shareDifference: [Number], shareRatio: [Number]
        let cumulative: [Number]?
        enum CodingKeys: String, CodingKey {
            case group, stage, count, base, rate, rri, excess, cumulative
            case referenceRate = "reference_rate", rriKatz = "rri_katz", oddsRatio = "odds_ratio", orWoolf = "or_woolf"
            case orExact = "or_exact", pValue = "p_value", pAdjusted = "p_adjusted", stageShare = "stage_share"
            case baseShare = "base_share", shareDifference = "share_difference", shareRatio = "share_ratio"
        }
    }

    struct ExampleMH: Decodable {
        let group: String, stage: String, mhOR: [Number], mhRR: Number, cmhP: Number, breslowDayP: Number
        enum CodingKeys: String, CodingKey {
            case group, stage, mhOR = "mh_or", mhRR = "mh_rr", cmhP = "cmh_p", breslowDayP = "breslow_day_p"
        }
    }

    struct Example: Decodable {
        let populationBase: [ExampleRow], previousBase: [ExampleRow], mantelHaenszel: [ExampleMH]
        enum CodingKeys: String, CodingKey {
            case populationBase = "population_base", previousBase = "previous_base", mantelHaenszel = "mantel_haenszel"
        }
    }

    let twoByTwo: [Table]
    let stratified: [Stratified]
    let representation: [RepresentationCase]
    let holm: [Holm]
    let example: Example
    enum CodingKeys: String, CodingKey { case twoByTwo = "two_by_two", stratified, representation, holm, example }

    static let shared: DisproportionalityFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/disproportionality.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(DisproportionalityFixture.self, from: data)
    }()
}

/// Relative agreement with an absolute floor; equal infinities and two NaNs agree.
func agrees(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 1e-300) -> Bool {
    if expected.isNaN { return actual.isNaN }
    if expected.isInfinite { return actual == expected }
    return abs(actual - expected) <= max(relative * abs(expected), absolute)
}
