import ArgumentParsing
import Foundation

/// Parses a proportion given as a fraction (0.401) or a percent (40.1%).
enum ProportionArgument {
    static func parse(_ text: String, flag: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            guard let percent = Double(trimmed.dropLast()), percent.isFinite else {
                throw UsageError("\(flag) must be a proportion such as 0.401 or a percent such as 40.1%; got '\(text)'")
            }
            guard percent > 0, percent < 100 else { throw UsageError("\(flag) must lie strictly between 0% and 100%; got '\(text)'") }
            return percent / 100
        }
        guard let value = Double(trimmed), value.isFinite else {
            throw UsageError("\(flag) must be a proportion such as 0.401 or a percent such as 40.1%; got '\(text)'")
        }
        guard value > 0, value < 1 else {
            throw UsageError("\(flag) must be a proportion strictly between 0 and 1, or a percent with %, such as \(value)%; got '\(text)'")
        }
        return value
    }
}

/// Parses a positive rate.
enum RateArgument {
    static func parse(_ text: String, flag: String) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")),
              value.isFinite else {
            throw UsageError("\(flag) must be a rate such as 236; got '\(text)'")
        }
        guard value > 0 else { throw UsageError("\(flag) must be a positive rate; got '\(text)'") }
        return value
    }
}

/// `--measure` of `compare` and `funnel`: what the counts are.
enum MeasureKind: String, CaseIterable, ChoiceOptionValue {
    /// Numerator over denominator.
    case proportion
    /// Events per population.
    case rate
    /// Observed over expected.
    case ratio
}
