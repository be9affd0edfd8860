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
        options: [
            .value("numerator", "k", help: "Yes cases (proportion) or events (rate)."),
            .value("percent", "P", help: "Instead of --numerator for a proportion: the percent yes (50.4)."),
            .value("denominator", "n", help: "Cases (proportion), population or person-years (rate), or expected count (ratio).",
                   required: true),
            .value("reference", "R", help: "Reference value: 0.401 or 40.1% for a proportion; per --per for a rate; a ratio (default 1)."),
            .value("measure", "kind", help: "Proportion, rate or ratio.", default: "proportion", choices: ["proportion", "rate", "ratio"]),
            .value("per", "K", help: "Rate base for --measure rate.", default: "100000"),
            .value("confidence", "c", help: "Two-sided confidence level in (0, 1).", default: "0.95"),
            .value("method", "method", help: "Interval for the service's own value.", default: "auto",
                   choices: ["auto", "wilson", "exact", "byar"]),
        ] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        if arguments.string("measure") != "proportion" { return try runCount(arguments, output: output) }
        guard let denominator = try arguments.count("denominator") else { throw UsageError("--denominator is required") }
        let confidence = try arguments.requiredDouble("confidence")
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let method = try arguments.required("method")
        let referenceText = try arguments.required("reference")
        if arguments.has("numerator") == arguments.has("percent") {
            throw UsageError(arguments.has("numerator") ? "give --numerator or --percent, not both" : "missing --numerator (or --percent)")
        }
        do {
            if arguments.has("per") { throw UsageError("--per applies only to --measure rate") }
            guard method != "byar" else { throw UsageError("--method byar is for rates; use auto, wilson or exact for a proportion") }
            guard denominator >= 1 else { throw UsageError("--denominator must be at least 1; got \(denominator)") }
            let reference = try ProportionArgument.parse(referenceText, flag: "--reference")
            let interval: IntervalMethod = method == "exact" ? .clopperPearson : .wilson
            if let count = try arguments.count("numerator") {
                guard count >= 0 else { throw UsageError("--numerator must not be negative; got \(count)") }
                guard count <= denominator else { throw UsageError("--numerator (\(count)) is above --denominator (\(denominator))") }
                let result = try ProportionComparison(successes: count, trials: denominator, reference: reference,
                                                      confidence: confidence, interval: interval)
                try output.write(rows: result.resultRows) { result.textReport }
            } else {
                guard let text = arguments.string("percent") else { throw UsageError("missing --numerator (or --percent)") }
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
        } catch let error as InvalidArgumentError {
            throw UsageError("\(flag(for: error.parameter)): \(error.message)")
        }
        return .success
    }

    /// A rate (events in a population, fractional person-years allowed) or a ratio (observed
    /// against a fractional expected count, reference ratio 1 unless given) against its reference.
    static func runCount(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let isRatio = arguments.string("measure") == "ratio"
        guard !arguments.has("percent") else {
            throw UsageError("--percent applies to proportions; a \(isRatio ? "ratio" : "rate") needs --numerator events")
        }
        guard let count = try arguments.count("numerator") else { throw UsageError("missing --numerator") }
        guard count >= 0 else { throw UsageError("--numerator must not be negative; got \(count)") }
        guard let denominator = try arguments.double("denominator"), denominator > 0, denominator.isFinite else {
            throw UsageError(isRatio ? "--denominator (the expected count) must be positive, such as 143.68"
                                     : "--denominator (the population, or person-years) must be positive")
        }
        let confidence = try arguments.requiredDouble("confidence")
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let method = try arguments.required("method")
        guard method != "wilson" else { throw UsageError("--method wilson is for proportions; use auto, exact or byar for a \(isRatio ? "ratio" : "rate")") }
        let per: Double
        let reference: Double
        if isRatio {
            if arguments.has("per") { throw UsageError("--per applies only to --measure rate") }
            per = 1
            if let text = arguments.string("reference") {
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
                    throw UsageError("--reference must be a positive ratio such as 1; got '\(text)'")
                }
                reference = value
            } else {
                reference = 1
            }
        } else {
            guard let value = try arguments.double("per"), value > 0, value.isFinite else { throw UsageError("--per must be a positive number") }
            per = value
            reference = try RateArgument.parse(try arguments.required("reference"), flag: "--reference")
        }
        do {
            let result = try RateComparison(count: count, population: denominator, reference: reference, per: per,
                                            confidence: confidence, interval: PoissonIntervalMethod(rawValue: method) ?? .auto)
            try output.write(rows: result.resultRows) { isRatio ? result.ratioTextReport : result.textReport }
        } catch let error as InvalidArgumentError {
            throw UsageError("\(flag(for: error.parameter)): \(error.message)")
        }
        return .success
    }

    /// The command-line flag behind a library parameter name, so that no internal name reaches
    /// a message (`mean` is the expected count the rate reference implies: `--reference`).
    /// The flag that supplied a parameter (``ParameterFlags``); --reference when no other does.
    static func flag(for parameter: Parameter) -> String {
        ParameterFlags.flag(for: parameter, in: spec.name) ?? "--reference"
    }
}
