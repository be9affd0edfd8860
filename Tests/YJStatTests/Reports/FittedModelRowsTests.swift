import Foundation
import Testing
@testable import YJStat

/// The CSV/JSON rows of a fitted model: the columns, in order, and each cell against the
/// closed-form 2 × 2 answers (one binary term: the adjusted odds ratio is the sample odds ratio
/// ad/(bc), its Wald interval exp(log OR ± z √(1/a + 1/b + 1/c + 1/d)), and the crude ratio the
/// same).
@Suite("Fitted model result rows")
struct FittedModelRowsTests {
    static let columns = ["source", "family", "method", "solver", "coefficient", "term", "level", "reference",
                          "estimate", "standard_error", "z", "p_value", "ratio", "wald_lower", "wald_upper",
                          "profile_lower", "profile_upper", "crude_ratio", "crude_lower", "crude_upper",
                          "term_lr_statistic", "term_lr_df", "term_lr_p_value", "confidence_level", "deviance",
                          "residual_df", "log_likelihood", "aic", "patterns", "outcomes", "denominator", "converged",
                          "iterations"]

    static func number(_ cell: CellValue?) -> Double? {
        if case .number(let value) = cell { return value }
        return nil
    }

    @Test func oneBinaryTermGivesTheSampleOddsRatioInEveryColumn() throws {
        // Group B: 10 of 40 with the outcome; group A (reference): 5 of 50.
        let patterns = CovariatePatterns(terms: ["group"], patterns: [
            CovariatePattern(levels: ["A"], outcome: 5, denominator: 50),
            CovariatePattern(levels: ["B"], outcome: 10, denominator: 40),
        ])
        let model = try LogisticRegression.fit(patterns, references: ["group": "A"]).model
        let rows = model.resultRows(context: ModelReportContext(title: "t", source: "cases.csv"))
        #expect(rows.count == 2)
        for row in rows { #expect(row.names == Self.columns) }

        let intercept = rows[0], contrast = rows[1]
        #expect(intercept["coefficient"] == .text("(intercept)"))
        #expect(intercept["term"] == .null)
        #expect(intercept["term_lr_df"] == .null)
        #expect(intercept["crude_ratio"] == .null)
        // Intercept: the reference odds 5/45.
        let interceptRatio = try #require(Self.number(intercept["ratio"]))
        #expect(abs(interceptRatio - 5.0 / 45.0) <= 1e-10)

        let oddsRatio = 10.0 * 45.0 / (30.0 * 5.0)
        let se = (1.0 / 10 + 1.0 / 30 + 1.0 / 5 + 1.0 / 45).squareRoot()
        let z = 1.959963984540054
        #expect(contrast["term"] == .text("group"))
        #expect(contrast["level"] == .text("B"))
        #expect(contrast["reference"] == .text("A"))
        for (column, expected) in [("ratio", oddsRatio), ("standard_error", se),
                                   ("wald_lower", oddsRatio * exp(-z * se)), ("wald_upper", oddsRatio * exp(z * se)),
                                   ("crude_ratio", oddsRatio), ("crude_lower", oddsRatio * exp(-z * se)),
                                   ("crude_upper", oddsRatio * exp(z * se)), ("confidence_level", 0.95),
                                   ("outcomes", 15), ("denominator", 90)] {
            let value = try #require(Self.number(contrast[column]), "\(column)")
            #expect(abs(value - expected) <= 1e-8 * expected, "\(column): \(value) against \(expected)")
        }
        #expect(contrast["term_lr_df"] == .integer(1))
        #expect(contrast["residual_df"] == .integer(0))
        #expect(contrast["patterns"] == .integer(2))
        #expect(contrast["converged"] == .bool(true))
        #expect(contrast["source"] == .text("cases.csv"))
        #expect(contrast["family"] == .text("binomial"))
    }
}
