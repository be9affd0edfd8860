import ArgumentParsing
import Foundation
import YJStat

/// `yjstat compare`: one service's proportion or rate against a reference value such as the
/// national figure.
enum CompareCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "compare",
        abstract: "Compare a service's proportion or rate with a reference (national) value: difference, ratio, exact test.",
        discussion: """
        A proportion is --numerator of --denominator (or --percent of --denominator: the whole
        numerators that print as that percentage at its decimals are worked out; none is an error;
        when several fit, the figures use the nearest and every interval and the p-value are also
        given over the whole range, saying whether the conclusion depends on the numerator);
        --reference is a proportion (0.401) or a percent (40.1%). A rate is --numerator events in
        a population of --denominator, per --per (default 100,000); --reference is a rate per
        --per (236); the population may be fractional (person-years). A
        ratio is --numerator observed events against --denominator expected (fractional, for
        example from standardise), with --reference the reference ratio (default 1). The
        reference is treated as known without error.
        The service's own interval is Wilson (or --method exact: Clopper-Pearson) for a proportion,
        and for a rate exact Garwood below 10 events and Byar's from 10 (--method auto, as UK public
        health indicators), or --method exact / byar. The difference and ratio carry that interval;
        the p-value is the exact binomial or Poisson test, two-sided by minimum likelihood (as R
        binom.test and poisson.test). CSV and JSON: statistic, estimate, lower, upper, confidence,
        method; proportions in [0, 1].
        """,
        examples: [
            "yjstat compare --numerator 126 --denominator 250 --reference 40.1%",
            "yjstat compare --percent 50.4 --denominator 250 --reference 40.1% --method exact",
            "yjstat compare --numerator 57 --denominator 20000 --reference 236 --measure rate --format csv",
            "yjstat compare --measure ratio --numerator 182 --denominator 143.68",
        ],
        options: [numerator.spec, percent.spec, denominator.spec, reference.spec, measure.spec, per.spec, confidence.spec, method.spec]
            + CommonOptions.formatAndOutput)

    static let numerator = Option<Int>.count("numerator", "k", help: "Yes cases (proportion) or events (rate).", minimum: nil)
    static let percent = Option<String>("percent", "P", help: "Instead of --numerator for a proportion: the percent yes (50.4).")
    /// A count for a proportion, a number for a rate or ratio: read as text and parsed by the measure.
    static let denominator = Option<String>("denominator", "n",
                                            help: "Cases (proportion), population or person-years (rate), or expected count (ratio).",
                                            required: true)
    static let reference = Option<String>("reference", "R",
                                          help: "Reference value: 0.401 or 40.1% for a proportion; per --per for a rate; a ratio (default 1).")
    static let measure = Option<MeasureKind>("measure", "kind", help: "Proportion, rate or ratio.", default: .proportion)
    static let per = Option<Double>("per", "K", help: "Rate base for --measure rate.", default: 100_000)
    static let confidence = Option<Double>("confidence", "c", help: "Two-sided confidence level in (0, 1).", default: 0.95)
    static let method = Option<Method>("method", "method", help: "Interval for the service's own value.", default: .auto)

    /// `--method`: the interval for the service's own value.
    enum Method: String, CaseIterable, ChoiceOptionValue {
        /// Wilson for a proportion; exact below 10 events and Byar from 10 for a rate.
        case auto
        /// Wilson score (proportions only).
        case wilson
        /// Clopper-Pearson (proportion) or Garwood (rate).
        case exact
        /// Byar's approximation (rates only).
        case byar

        /// The proportion interval, nil for byar (rates only).
        var proportionMethod: IntervalMethod? {
            switch self {
            case .auto, .wilson: .wilson
            case .exact: .clopperPearson
            case .byar: nil
            }
        }

        /// The rate interval, nil for wilson (proportions only).
        var poissonMethod: PoissonIntervalMethod? {
            switch self {
            case .auto: .auto
            case .exact: .exact
            case .byar: .byar
            case .wilson: nil
            }
        }
    }

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        if try arguments.required(measure) != .proportion { return try runCount(arguments, output: output) }
        let denominator = try CountArgument.parse(try arguments.required(Self.denominator), option: Self.denominator.name)
        let confidence = try arguments.required(Self.confidence)
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let method = try arguments.required(Self.method)
        let referenceText = try arguments.required(reference)
        let numeratorGiven = arguments.wasGiven(numerator)
        if numeratorGiven == arguments.wasGiven(percent) {
            throw UsageError(numeratorGiven ? "give --numerator or --percent, not both" : "missing --numerator (or --percent)")
        }
        if arguments.wasGiven(per) { throw UsageError("--per applies only to --measure rate") }
        guard let interval = method.proportionMethod else {
            throw UsageError("--method \(method.rawValue) is for rates; use auto, wilson or exact for a proportion")
        }
        guard denominator >= 1 else { throw UsageError("--denominator must be at least 1; got \(denominator)") }
        let reference = try ProportionArgument.parse(referenceText, flag: "--reference")
        // A value the library refuses is reported by CLI.run against its flag (ParameterFlags).
        if let count = try arguments.value(numerator) {
            guard count >= 0 else { throw UsageError("--numerator must not be negative; got \(count)") }
            guard count <= denominator else { throw UsageError("--numerator (\(count)) is above --denominator (\(denominator))") }
            let result = try ProportionComparison(successes: count, trials: denominator, reference: reference,
                                                  confidence: confidence, interval: interval)
            try output.write(rows: result.resultRows) { result.textReport }
        } else {
            guard let text = try arguments.value(percent) else { throw UsageError("missing --numerator (or --percent)") }
            guard let percent = try? PrintedPercentage(text: text) else {
                throw UsageError("--percent must be a number between 0 and 100 with at most 6 decimals; got \(text)")
            }
            guard percent.consistentCounts(total: denominator) != nil else {
                let below = Int((percent.value / 100 * Double(denominator)).rounded(.down)), above = min(denominator, below + 1)
                throw UsageError("no whole numerator of \(denominator) prints as \(text)%: \(below) of \(denominator) is \(percent.text(count: below, total: denominator))% and \(above) is \(percent.text(count: above, total: denominator))%; give --numerator, or check the percentage and the denominator")
            }
            let result = try PrintedProportionComparison(percent: percent, trials: denominator, reference: reference,
                                                         confidence: confidence, interval: interval)
            let range = result.consistentNumerators
            if range.count > 1 {
                CLI.printError("yjstat compare: warning: --percent \(text) of \(denominator) fits every numerator from \(range.lowerBound) to \(range.upperBound); using \(result.chosen.service.successes), with every interval and the p-value also given over the whole range (give --numerator to choose)")
            }
            try output.write(rows: result.resultRows) { result.textReport }
        }
        return .success
    }

    /// A rate (events in a population, fractional person-years allowed) or a ratio (observed
    /// against a fractional expected count, reference ratio 1 unless given) against its reference.
    static func runCount(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let isRatio = try arguments.required(measure) == .ratio
        guard !arguments.wasGiven(percent) else {
            throw UsageError("--percent applies to proportions; a \(isRatio ? "ratio" : "rate") needs --numerator events")
        }
        guard let count = try arguments.value(numerator) else { throw UsageError("missing --numerator") }
        guard count >= 0 else { throw UsageError("--numerator must not be negative; got \(count)") }
        let denominator = try Double.parse(try arguments.required(Self.denominator), option: Self.denominator.name)
        guard denominator > 0 else {
            throw UsageError(isRatio ? "--denominator (the expected count) must be positive, such as 143.68"
                                     : "--denominator (the population, or person-years) must be positive")
        }
        let confidence = try arguments.required(Self.confidence)
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let method = try arguments.required(Self.method)
        guard let interval = method.poissonMethod else {
            throw UsageError("--method \(method.rawValue) is for proportions; use auto, exact or byar for a \(isRatio ? "ratio" : "rate")")
        }
        let per: Double
        let reference: Double
        if isRatio {
            if arguments.wasGiven(Self.per) { throw UsageError("--per applies only to --measure rate") }
            per = 1
            if let text = try arguments.value(Self.reference) {
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
                    throw UsageError("--reference must be a positive ratio such as 1; got '\(text)'")
                }
                reference = value
            } else {
                reference = 1
            }
        } else {
            let value = try arguments.required(Self.per)
            guard value > 0 else { throw UsageError("--per must be a positive number") }
            per = value
            reference = try RateArgument.parse(try arguments.required(Self.reference), flag: "--reference")
        }
        let result = try RateComparison(count: count, population: denominator, reference: reference, per: per,
                                        confidence: confidence, interval: interval)
        try output.write(rows: result.resultRows) { isRatio ? result.ratioTextReport : result.textReport }
        return .success
    }
}
