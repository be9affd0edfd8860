import ArgumentParsing
import YJStat

/// `yjstat margin`: the margin of error a sample achieves.
enum MarginCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "margin",
        abstract: "Margin of error achieved by a sample of n (from N), by the chosen correction form.",
        discussion: """
        e = z sqrt(p(1-p)/n * f) with f = (N-n)/(N-1) (cochran-a), 1-n/N (cochran-b) or 1 (none,
        or no --population). The margin is reported as a proportion: 0.05 is five points.
        """,
        examples: [
            "yjstat margin --sample 4 --population 5",
            "yjstat margin --sample 29 --population 40 --correction cochran-b --format json",
        ],
        options: [
            sample.spec, SamplingOptions.population.spec, SamplingOptions.confidence.spec, SamplingOptions.proportion.spec,
            SamplingOptions.correction.spec,
        ] + CommonOptions.formatAndOutput)

    static let sample = Option<Int>.count("sample", "n", help: "Sample size.", required: true)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let population = try arguments.value(SamplingOptions.population)
        let n = try SamplingOptions.sample(arguments, sample, population: population)
        let confidence = try arguments.required(SamplingOptions.confidence)
        let proportion = try arguments.required(SamplingOptions.proportion)
        let correction = try arguments.required(SamplingOptions.correction)
        let margin = try MarginOfError.compute(sample: n, population: population, confidence: confidence, proportion: proportion,
                                               correction: correction)
        try SamplingOptions.write(output, json: { MarginReport.json(margin) }, rows: { [MarginReport.row(margin)] },
                                  text: { MarginReport.text(margin) })
        return .success
    }
}
