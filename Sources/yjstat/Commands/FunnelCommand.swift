import ArgumentParsing
import Foundation
import YJStat

/// `yjstat funnel`: a funnel plot of many services' proportions or rates, with exact control
/// limits, flags, optional overdispersion and an SVG chart.
enum FunnelCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "funnel",
        abstract: "Funnel plot of many services: exact 95%/99.8% limits, z-scores, flags, SVG chart.",
        discussion: """
        FILE is a CSV with columns service, numerator, denominator (or service, percent,
        denominator; percents become whole numerators). The target is the pooled value unless
        --target gives one (a proportion as 0.401 or 40.1%, a rate per --per). Limits are exact
        binomial (proportions) or Poisson (rates) quantiles with Spiegelhalter's (2005)
        interpolation; flags: high-99.8, high-95, within, low-95, low-99.8. --overdispersion
        estimates phi and tau^2 from z-scores winsorised at 10% in each tail and widens the limits
        by additive random effects when tau^2 > 0. CSV/JSON columns: service, value, lower, upper
        (the service's own 95% interval), lower95, upper95, lower998, upper998, z, flag, then
        numerator, denominator, target, phi, tau2. Proportions are in [0, 1] in CSV and JSON.
        """,
        examples: [
            "yjstat funnel --data Datasets/examples/services.csv --svg funnel.svg",
            "yjstat funnel --data Datasets/examples/services.csv --target 40.1% --overdispersion --format csv",
            "yjstat funnel --data entrants.csv --measure rate --per 100000 --target 236",
        ],
        options: [
            .value("data", "file", help: "CSV of services: service, numerator (or percent), denominator.", required: true),
            .value("measure", "kind", help: "What the numerators and denominators are.", default: "proportion",
                   choices: ["proportion", "rate"]),
            .value("per", "K", help: "Rate base for --measure rate.", default: "100000"),
            .value("target", "T", help: "Target instead of the pooled value (0.401 or 40.1% for a proportion; per K for a rate)."),
            .flag("overdispersion", help: "Estimate overdispersion (phi, tau^2) and widen the limits when present."),
            .value("svg", "file", help: "Also draw the funnel chart to this SVG file (written atomically)."),
            .value("title", "text", help: "Chart title.", default: "Funnel plot"),
            .value("x-label", "text", help: "Chart x-axis label."),
            .value("y-label", "text", help: "Chart y-axis label."),
        ] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let dataURL = try inputFile(try arguments.required("data"), flag: "--data")
        let measure: FunnelMeasure
        if arguments.string("measure") == "rate" {
            guard let per = try arguments.double("per"), per > 0 else {
                throw UsageError("--per must be a positive number")
            }
            measure = .rate(per: per)
        } else {
            if arguments.has("per") { throw UsageError("--per applies only to --measure rate") }
            measure = .proportion
        }
        var target: FunnelPlot.Target
        if let text = arguments.string("target") {
            target = .given(try measure == .proportion ? ProportionArgument.parse(text, flag: "--target")
                                                       : RateArgument.parse(text, flag: "--target"))
        } else {
            target = .pooled
        }
        let table = try CSVReader.read(contentsOf: dataURL)
        printNotes(table.notes, command: spec.name)
        let input = try FunnelInput.read(table, measure: measure)
        // A national row is the comparator when no --target is given; a Total row is checked.
        var totalsText = ""
        if let national = input.nationalRow {
            let value = Double(national.unit.numerator) / Double(national.unit.denominator) * (measure == .proportion ? 1 : (try arguments.double("per") ?? 100_000))
            if target == .pooled {
                target = .given(value)
                totalsText += "Target: the '\(national.unit.service)' row (line \(national.line)), the national comparator; it is not plotted as a service.\n"
            } else {
                totalsText += "The '\(national.unit.service)' row (line \(national.line)) is a national row: not plotted; --target is used as the target.\n"
            }
        }
        for mismatch in input.totalsMismatches {
            totalsText += "FINDING: the '\(mismatch.row.unit.service)' row (line \(mismatch.row.line)) is \(mismatch.row.unit.numerator)/\(mismatch.row.unit.denominator) "
                + "but the services add up to \(mismatch.numerators)/\(mismatch.denominators) (numerator difference \(mismatch.row.unit.numerator - mismatch.numerators), denominator difference \(mismatch.row.unit.denominator - mismatch.denominators)).\n"
        }
        for row in input.totalsRows where row.kind == .total && !input.totalsMismatches.contains(where: { $0.row == row }) {
            totalsText += "The '\(row.unit.service)' row (line \(row.line)) is the sum of the services: not plotted.\n"
        }
        if output.format != .text, !totalsText.isEmpty { printNotes(totalsText.split(separator: "\n").map(String.init), command: spec.name) }
        let overdispersion = arguments.flag("overdispersion")
        if overdispersion, input.units.count < 3 {
            throw UsageError("--overdispersion needs at least 3 services; \(dataURL.lastPathComponent) has \(input.units.count)")
        }
        let plot: FunnelPlot
        do {
            plot = try FunnelPlot(units: input.units, measure: measure, target: target, overdispersion: overdispersion)
        } catch let error as InvalidArgumentError {
            throw UsageError(error.parameter == "target" ? "--target: \(error.message)" : "\(dataURL.path): \(error.message)")
        }
        var output = output
        output.inputs = [dataURL]
        if let svgPath = arguments.string("svg") {
            let svgURL = URL(fileURLWithPath: svgPath)
            if let destination = output.destination, destination.standardizedFileURL == svgURL.standardizedFileURL {
                throw UsageError("--svg and --output name the same file")
            }
            let chart = FunnelChartSVG(plot: plot, title: arguments.string("title") ?? "Funnel plot",
                                       xLabel: arguments.string("x-label"), yLabel: arguments.string("y-label"))
            try AtomicFileWriter.write(chart.render(), to: svgURL, protecting: [dataURL])
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
}
