import Foundation
import Testing
import YJStat

/// `Fixtures/printed_proportion.json`, written by `Scripts/oracles/printed_proportion.py`
/// (brute force over every consistent numerator: statsmodels `proportion_confint`, scipy
/// `binomtest`).
private struct PrintedProportionFixture: Decodable {
    struct Case: Decodable {
        let name: String, percent: String, trials: Int, reference: Double, method: String
        let numerators: [Int], chosen: Int
        let serviceLower: Double, serviceUpper: Double, pMin: Double, pMax: Double
    }
    let cases: [Case]
}

/// Issue 12, item 7: a printed percentage carries every whole numerator consistent with it into
/// the comparison — the union of the intervals and the range of the p-value — instead of one
/// numerator chosen in silence.
@Suite("Comparison from a printed percentage, over every consistent numerator")
struct PrintedProportionComparisonTests {
    private static func cases() throws -> [PrintedProportionFixture.Case] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(PrintedProportionFixture.self, from: Data(contentsOf: fixtureURL("printed_proportion.json"))).cases
    }

    /// Every fixture case (named and 32 seeded random ones) against the brute-force oracle:
    /// numerator range and choice exact, interval union to 1e-10 relative, p-value range to 1e-7
    /// relative (the minimum-likelihood tie tolerance of R and scipy is 1e-7).
    @Test func matchesBruteForceOverEveryConsistentNumerator() throws {
        let cases = try Self.cases()
        #expect(cases.count == 40)
        for c in cases {
            let result = try PrintedProportionComparison(percent: try PrintedPercentage(text: c.percent), trials: c.trials,
                                                         reference: c.reference,
                                                         interval: c.method == "exact" ? .clopperPearson : .wilson)
            #expect(result.consistentNumerators == c.numerators[0]...c.numerators[1], "\(c.name)")
            #expect(result.chosen.service.successes == c.chosen, "\(c.name)")
            #expect(relativeError(result.serviceOverRange.lower, c.serviceLower) < 1e-10, "\(c.name): \(result.serviceOverRange.lower)")
            #expect(relativeError(result.serviceOverRange.upper, c.serviceUpper) < 1e-10, "\(c.name): \(result.serviceOverRange.upper)")
            #expect(relativeError(result.pValueRange.lowerBound, c.pMin) < 1e-7, "\(c.name): \(result.pValueRange)")
            #expect(relativeError(result.pValueRange.upperBound, c.pMax) < 1e-7, "\(c.name): \(result.pValueRange)")
            #expect(relativeError(result.differenceOverRange.lower, c.serviceLower - c.reference) < 1e-9 || abs(result.differenceOverRange.lower - (c.serviceLower - c.reference)) < 1e-12)
            #expect(relativeError(result.ratioOverRange.upper, c.serviceUpper / c.reference) < 1e-10)
        }
    }

    private func relativeError(_ value: Double, _ expected: Double) -> Double {
        expected == 0 ? abs(value) : abs(value - expected) / abs(expected)
    }

    @Test func fiftyPercentOf2000FitsNumerators990To1009_percent50Of2000() throws {
        let result = try PrintedProportionComparison(percent: try PrintedPercentage(text: "50"), trials: 2000, reference: 0.401)
        #expect(result.consistentNumerators == 990...1009)
        #expect(result.chosen.service.successes == 1000)
        #expect(!result.conclusionDependsOnNumerator)
        #expect(result.resultRows.map { $0["statistic"] } == ["service", "reference", "difference", "ratio", "p_value",
                                                              "consistent_numerators", "service_over_range", "difference_over_range",
                                                              "ratio_over_range", "p_value_range"].map { CellValue.text($0) })
        let numerators = try #require(result.resultRows.first { $0["statistic"] == .text("consistent_numerators") })
        #expect(numerators["estimate"] == .number(1000) && numerators["lower"] == .number(990) && numerators["upper"] == .number(1009))
        let text = result.textReport.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("The printed 50% of 2000 fits every numerator from 990 to 1009 (49.50% to 50.45%)"), "\(text)")
    }

    @Test func aConclusionThatDependsOnTheNumeratorIsSaid_percent42Of2000Against40point1() throws {
        let result = try PrintedProportionComparison(percent: try PrintedPercentage(text: "42"), trials: 2000, reference: 0.401)
        #expect(result.consistentNumerators == 830...849)
        #expect(result.pValueRange.lowerBound < 0.05 && result.pValueRange.upperBound > 0.05)
        #expect(result.conclusionDependsOnNumerator)
        let text = result.textReport.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("The conclusion depends on which of these numerators is true"), "\(text)")
    }

    @Test func oneConsistentNumeratorAddsNoRangeRows_percent50point4Of250() throws {
        let result = try PrintedProportionComparison(percent: try PrintedPercentage(text: "50.4"), trials: 250, reference: 0.401)
        let plain = try ProportionComparison(successes: 126, trials: 250, reference: 0.401)
        #expect(result.resultRows == plain.resultRows)
        #expect(result.textReport == plain.textReport)
    }

    @Test func noConsistentNumeratorIsAnError_percent50point2Of250() throws {
        #expect(throws: InvalidArgumentError.self) {
            _ = try PrintedProportionComparison(percent: try PrintedPercentage(text: "50.2"), trials: 250, reference: 0.401)
        }
    }
}
