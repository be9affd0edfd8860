import ArgumentParsing
import Foundation
import YJStat

extension FunnelLimitConvention: ChoiceOptionValue {}
extension FunnelOverdispersionOptions.Scale: ChoiceOptionValue {}
extension FunnelOverdispersionOptions.TrimMethod: ChoiceOptionValue {}
extension FunnelOverdispersionOptions.Model: ChoiceOptionValue {}

/// `yjstat funnel`: a funnel plot of many services' proportions or rates, with exact control
/// limits, flags, optional overdispersion and an SVG chart.
enum FunnelCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "funnel",
        abstract: "Funnel plot of many services: 95%/99.8% limits under four conventions, exact-tail flags, SVG chart.",
        discussion: """
        FILE is a CSV with columns service, numerator, denominator (or service, percent,
        denominator; percents become whole numerators) for proportions and rates, or service,
        observed, expected for --measure ratio (observed/expected; expected counts may be
        fractional, the target defaults to 1). Rate populations may be fractional (person-years).
        The target is the pooled value unless --target gives one (a proportion as 0.401 or 40.1%,
        a rate per --per, a ratio). --limits chooses how the limits are drawn: spiegelhalter
        (exact binomial/Poisson quantiles interpolated between counts, Spiegelhalter 2005),
        first-significant (at the count where the exact test first becomes significant),
        normal (target +/- z sqrt(p(1-p)/n) or sqrt(rate/n), clipped at 0 and 100%), or
        expected-ci (the exact Garwood/Clopper-Pearson interval of a count equal to the
        expected). Flags (high-99.8, high-95, within, low-95, low-99.8) follow the exact tail
        probabilities on both sides, P(X >= observed) and P(X <= observed) below 0.025 or 0.001,
        under every convention but normal, where they follow the drawn limits.
        --overdispersion estimates phi and tau^2 from z-scores on --overdispersion-scale
        (identity, log, sqrt; arcsine for proportions) trimmed by --trim in each tail
        (--trim-method winsorise or truncate) and widens the limits by additive random effects
        when tau^2 > 0, or by sqrt(phi) when phi > 1 with --overdispersion-model multiplicative;
        flags then follow the widened limits. Any of these options implies --overdispersion.
        CSV/JSON columns: service, value, lower, upper (the service's own 95% interval), lower95,
        upper95, lower998, upper998, z, flag, numerator, denominator, target, phi, tau2,
        p_at_least, p_at_most, limits, trimmed. Proportions are in [0, 1] in CSV and JSON.
        """,
        examples: [
            "yjstat funnel --data Datasets/examples/services.csv --svg funnel.svg",
            "yjstat funnel --data Datasets/examples/services.csv --target 40.1% --overdispersion --format csv",
            "yjstat funnel --data entrants.csv --measure rate --per 100000 --target 236",
            "yjstat funnel --data reoffending.csv --measure ratio --limits expected-ci --overdispersion-scale log",
        ],
        options: [data.spec, measure.spec, per.spec, target.spec, limits.spec, overdispersion.spec, overdispersionScale.spec, trim.spec,
                  trimMethod.spec, overdispersionModel.spec, svg.spec, title.spec, xLabel.spec, yLabel.spec]
            + CommonOptions.formatAndOutput)

    static let data = Option<String>("data", "file",
                                     help: "CSV of services: service, numerator (or percent), denominator; or service, observed, expected.",
                                     required: true)
    static let measure = Option<MeasureKind>("measure", "kind", help: "What the counts are.", default: .proportion)
    static let per = Option<Double>("per", "K", help: "Rate base for --measure rate.", default: 100_000)
    static let target = Option<String>("target", "T",
                                       help: "Target instead of the pooled value (0.401 or 40.1% for a proportion; per K for a rate; a ratio, default 1).")
    static let limits = Option<FunnelLimitConvention>("limits", "convention", help: "How the control limits are drawn.", default: .spiegelhalter)
    static let overdispersion = Flag("overdispersion", help: "Estimate overdispersion (phi, tau^2) and widen the limits when present.")
    static let overdispersionScale = Option<FunnelOverdispersionOptions.Scale>("overdispersion-scale", "scale",
                                                                               help: "Scale of the z-scores for overdispersion.", default: .identity)
    static let trim = Option<Double>("trim", "F", help: "Fraction of z-scores trimmed in each tail for phi, in [0, 0.5).", default: 0.1)
    static let trimMethod = Option<FunnelOverdispersionOptions.TrimMethod>("trim-method", "method", help: "How z-scores are trimmed.",
                                                                           default: .winsorise)
    static let overdispersionModel = Option<FunnelOverdispersionOptions.Model>("overdispersion-model", "model",
                                                                               help: "How overdispersion widens the limits.", default: .additive)
    static let svg = Option<String>("svg", "file", help: "Also draw the funnel chart to this SVG file (written atomically).")
    static let title = Option<String>("title", "text", help: "Chart title.", default: "Funnel plot")
    static let xLabel = Option<String>("x-label", "text", help: "Chart x-axis label.")
    static let yLabel = Option<String>("y-label", "text", help: "Chart y-axis label.")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let dataURL = try inputFile(try arguments.required(data), flag: "--data")
        let measure: FunnelMeasure
        switch try arguments.required(Self.measure) {
        case .rate:
            let per = try arguments.required(Self.per)
            guard per > 0 else { throw UsageError("--per must be a positive number") }
            measure = .rate(per: per)
        case .ratio:
            if arguments.wasGiven(Self.per) { throw UsageError("--per applies only to --measure rate") }
            measure = .ratio
        case .proportion:
            if arguments.wasGiven(Self.per) { throw UsageError("--per applies only to --measure rate") }
            measure = .proportion
        }
        var target: FunnelPlot.Target
        if let text = try arguments.value(Self.target) {
            switch measure {
            case .proportion: target = .given(try ProportionArgument.parse(text, flag: "--target"))
            case .rate: target = .given(try RateArgument.parse(text, flag: "--target"))
            case .ratio:
                guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
                    throw UsageError("--target must be a positive ratio such as 1 or 0.95; got '\(text)'")
                }
                target = .given(value)
            }
        } else {
            target = measure == .ratio ? .given(1) : .pooled
        }
        let convention = try arguments.required(limits)
        let overdispersionOptions = try Self.overdispersionOptions(arguments, measure: measure)
        let table = try CSVReader.read(contentsOf: dataURL)
        printNotes(table.notes, command: spec.name)
        let input = try FunnelInput.read(table, measure: measure)
        // A national row is the comparator when no --target is given; a Total row is checked.
        var totalsText = ""
        if let national = input.nationalRow {
            let value = Double(national.unit.numerator) / Double(national.unit.denominator) * (measure == .proportion ? 1 : try arguments.required(Self.per))
            if target == .pooled {
                target = .given(value)
                totalsText += "Target: the '\(national.unit.service)' row (line \(national.line)), the national comparator; it is not plotted as a service.\n"
            } else {
                totalsText += "The '\(national.unit.service)' row (line \(national.line)) is a national row: not plotted; --target is used as the target.\n"
            }
        }
        for mismatch in input.totalsMismatches {
            let denominator = Self.plain(mismatch.row.unit.denominator), sum = Self.plain(mismatch.denominators)
            let difference = Self.plain(mismatch.row.unit.denominator - mismatch.denominators)
            totalsText += "FINDING: the '\(mismatch.row.unit.service)' row (line \(mismatch.row.line)) is \(mismatch.row.unit.numerator)/\(denominator) "
                + "but the services add up to \(mismatch.numerators)/\(sum) (numerator difference \(mismatch.row.unit.numerator - mismatch.numerators), denominator difference \(difference)).\n"
        }
        for row in input.totalsRows where row.kind == .total && !input.totalsMismatches.contains(where: { $0.row == row }) {
            totalsText += "The '\(row.unit.service)' row (line \(row.line)) is the sum of the services: not plotted.\n"
        }
        if output.format != .text, !totalsText.isEmpty { printNotes(totalsText.split(separator: "\n").map(String.init), command: spec.name) }
        if overdispersionOptions != nil, input.units.count < 3 {
            throw UsageError("--overdispersion needs at least 3 services; \(dataURL.lastPathComponent) has \(input.units.count)")
        }
        let plot: FunnelPlot
        do {
            plot = try FunnelPlot(units: input.units, measure: measure, target: target, limits: convention,
                                  overdispersion: overdispersionOptions)
        } catch let error as InvalidArgumentError where ParameterFlags.flag(for: error.parameter, in: spec.name) == nil {
            // No flag sets it: the data file's services are at fault (CLI.run reports the others against their flag).
            throw InputError(file: dataURL.path, message: error.message)
        }
        var output = output
        output.inputs = [dataURL]
        if let svgPath = try arguments.value(svg) {
            let svgURL = InvocationContext.fileURL(svgPath)
            if let destination = output.destination, destination.standardizedFileURL == svgURL.standardizedFileURL {
                throw UsageError("--svg and --output name the same file")
            }
            let chart = FunnelChartSVG(plot: plot, title: try arguments.required(title),
                                       xLabel: try arguments.value(xLabel), yLabel: try arguments.value(yLabel))
            try output.writeFile(chart.render(), to: svgURL, protecting: [dataURL])
        }
        try output.write(rows: plot.resultRows) {
            var text = plot.textReport + totalsText
            if input.numeratorsFromPercent {
                text += "Numerators were reconstructed from the percent column as round(percent × denominator / 100).\n"
            }
            return text
        }
        return input.totalsMismatches.isEmpty ? .success : .findings
    }

    /// A denominator as the file would print it: whole numbers without a decimal point.
    static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The overdispersion options, or nil when neither --overdispersion nor any of its options is given.
    static func overdispersionOptions(_ arguments: ParsedArguments, measure: FunnelMeasure) throws -> FunnelOverdispersionOptions? {
        let implied = arguments.wasGiven(overdispersionScale) || arguments.wasGiven(Self.trim) || arguments.wasGiven(trimMethod)
            || arguments.wasGiven(overdispersionModel)
        guard arguments.isSet(overdispersion) || implied else { return nil }
        let trim = try arguments.required(Self.trim)
        guard trim >= 0, trim < 0.5 else {
            throw UsageError("--trim must be a fraction in [0, 0.5), such as 0.1 for 10% in each tail")
        }
        let scale = try arguments.required(overdispersionScale)
        if scale == .arcsine, measure != .proportion {
            throw UsageError("--overdispersion-scale arcsine is for proportions; use identity, log or sqrt for a \(measure.name)")
        }
        return FunnelOverdispersionOptions(
            scale: scale, trim: trim,
            trimMethod: try arguments.required(trimMethod), model: try arguments.required(overdispersionModel))
    }
}
