import Foundation

/// What a model report needs besides the fit: where the data came from.
public struct ModelReportContext: Sendable, Equatable {
    /// A title line, e.g. `Logistic regression of stage=remand among stage=court|remand`.
    public var title: String
    /// The input file name.
    public var source: String
    /// Records read from the file and records excluded by the selection (records input only).
    public var recordsRead: Int?
    /// Records excluded by --among, --where and --service.
    public var recordsExcluded: Int?

    /// Creates a context.
    public init(title: String, source: String, recordsRead: Int? = nil, recordsExcluded: Int? = nil) {
        self.title = title
        self.source = source
        self.recordsRead = recordsRead
        self.recordsExcluded = recordsExcluded
    }
}

extension FittedModel {
    /// One row per coefficient (intercept first) with the model-level statistics repeated, for
    /// CSV and JSON. Infinite profile limits are the text `unbounded`.
    public func resultRows(context: ModelReportContext) -> [ResultRow] {
        coefficients.map { row(for: $0, context: context) }
    }

    private func row(for c: RegressionCoefficient, context: ModelReportContext) -> ResultRow {
        let termTest: TermTest? = c.term.flatMap { self.test(of: $0) }
        func bound(_ value: Double) -> CellValue { value.isFinite ? .number(Foundation.exp(value)) : .text(value > 0 ? "unbounded" : "0 (unbounded)") }
        func optional<T>(_ value: T?, _ cell: (T) -> CellValue) -> CellValue { value.map(cell) ?? .null }
        return ResultRow([
            ("source", .text(context.source)),
            ("family", .text(family.rawValue)),
            ("method", .text(method.rawValue)),
            ("solver", .text(backend.rawValue)),
            ("coefficient", .text(c.name)),
            ("term", optional(c.term, CellValue.text)),
            ("level", optional(c.level, CellValue.text)),
            ("reference", optional(c.reference, CellValue.text)),
            ("estimate", .number(c.estimate)),
            ("standard_error", .number(c.standardError)),
            ("z", .number(c.zStatistic)),
            ("p_value", .number(c.pValue)),
            ("ratio", .number(c.ratio)),
            ("wald_lower", .number(Foundation.exp(c.waldInterval.lower))),
            ("wald_upper", .number(Foundation.exp(c.waldInterval.upper))),
            ("profile_lower", bound(c.profileInterval.lower)),
            ("profile_upper", bound(c.profileInterval.upper)),
            ("crude_ratio", optional(c.crude) { .number($0.ratio) }),
            ("crude_lower", optional(c.crude) { .number(Foundation.exp($0.waldInterval.lower)) }),
            ("crude_upper", optional(c.crude) { .number(Foundation.exp($0.waldInterval.upper)) }),
            ("term_lr_statistic", optional(termTest) { .number($0.statistic) }),
            ("term_lr_df", optional(termTest) { .integer($0.degreesOfFreedom) }),
            ("term_lr_p_value", optional(termTest) { .number($0.pValue) }),
            ("confidence_level", .number(confidenceLevel)),
            ("deviance", .number(deviance)),
            ("residual_df", .integer(residualDegreesOfFreedom)),
            ("log_likelihood", .number(logLikelihood)),
            ("aic", .number(aic)),
            ("patterns", .integer(patternCount)),
            ("outcomes", .number(totalOutcome)),
            ("denominator", .number(totalDenominator)),
            ("converged", .bool(convergence.converged)),
            ("iterations", .integer(convergence.iterations)),
        ])
    }

    /// The plain-text report: data, method and convergence; the coefficient table with adjusted
    /// and crude ratios; likelihood-ratio tests of each term; fit statistics; sparse levels.
    public func textReport(context: ModelReportContext) -> String {
        let ratio = family == .binomial ? "OR" : "RR"
        let percent = NumberFormatting.fixed(confidenceLevel * 100, confidenceLevel * 100 == (confidenceLevel * 100).rounded() ? 0 : 1)
        var out = context.title + "\n"
        out += "Source: \(context.source)\n"
        out += "Method: \(method.rawValue), \(family == .binomial ? "binomial family, logit link" : "Poisson family, log link, log(exposure) offset"); solver \(backend.rawValue); \(percent)% intervals\n"
        let denominatorText = family == .binomial
            ? "\(Self.count(totalDenominator)) records at risk, \(Self.count(totalOutcome)) with the outcome"
            : "\(Self.count(totalOutcome)) events over exposure \(Self.count(totalDenominator))"
        out += "Data: \(denominatorText), in \(patternCount) covariate patterns (\(patternsWithoutOutcome) without the outcome)"
        if let read = context.recordsRead, let excluded = context.recordsExcluded {
            out += "; \(NumberFormatting.grouped(read)) records read, \(NumberFormatting.grouped(excluded)) outside the selection"
        }
        out += "\n"
        out += "Convergence: \(convergence.converged ? "converged" : "NOT converged") in \(convergence.iterations) iterations (last step \(String(format: "%.1e", convergence.lastStep)), \(convergence.stepHalvings) step halvings)\n\n"
        let header = ["term", "level", "vs", "adjusted \(ratio)", "Wald \(percent)%", "profile \(percent)%", "p", "crude \(ratio)", "crude \(percent)%"]
        var rows: [[String]] = []
        for c in contrasts {
            rows.append([c.term ?? "", c.level.map(Self.level) ?? "", c.reference.map(Self.level) ?? "",
                         Self.ratio(c.estimate),
                         Self.interval(c.waldInterval), Self.interval(c.profileInterval), Self.pValue(c.pValue),
                         c.crude.map { Self.ratio($0.estimate) } ?? "", c.crude.map { Self.interval($0.waldInterval) } ?? ""])
        }
        out += TextTable(header: header, rows: rows).render()
        out += "\n\(termTests.first?.method == "penalised likelihood ratio" ? "Penalised likelihood-ratio" : "Likelihood-ratio") tests, each term as a whole:\n"
        out += TextTable(header: ["term", "G", "df", "p"], rows: termTests.map {
            [$0.term, NumberFormatting.fixed($0.statistic, 2), String($0.degreesOfFreedom), Self.pValue($0.pValue)]
        }).render()
        out += "\nDeviance \(NumberFormatting.fixed(deviance, 2)) on \(residualDegreesOfFreedom) df (grouped by pattern); "
        out += "log-likelihood \(NumberFormatting.fixed(logLikelihood, 2))"
        if let penalizedLogLikelihood { out += " (penalised \(NumberFormatting.fixed(penalizedLogLikelihood, 2)))" }
        out += "; AIC \(NumberFormatting.fixed(aic, 2)); \(coefficients.count) parameters\n"
        let sparse = sparseCells
        if !sparse.isEmpty {
            out += "\nSparse levels:\n"
            for cell in sparse { out += "  " + Self.level(cell.explanation) + "\n" }
            if method == .firth, sparse.contains(where: { $0.kind != .sparse }) {
                out += "  Firth's penalised likelihood keeps these estimates finite; read their profile intervals, not Wald.\n"
            }
        }
        return out
    }

    static func count(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? NumberFormatting.grouped(Int(value)) : NumberFormatting.significant(value, 6)
    }

    /// A level for a text table: `(blank)` for an empty cell, line breaks shown as `\n`.
    static func level(_ text: String) -> String {
        text.isEmpty ? "(blank)" : text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func ratio(_ logValue: Double) -> String {
        guard logValue.isFinite else { return logValue > 0 ? "unbounded" : "0" }
        let value = Foundation.exp(logValue)
        if value >= 1000 || value < 0.001 { return String(format: "%.2e", value) }
        return NumberFormatting.significant(value, 3)
    }

    static func interval(_ interval: LogScaleInterval) -> String {
        "\(ratio(interval.lower)) to \(ratio(interval.upper))"
    }

    static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "undefined" }
        return p < 0.0001 ? "<0.0001" : NumberFormatting.fixed(p, 4)
    }
}
