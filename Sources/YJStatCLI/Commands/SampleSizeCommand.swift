import ArgumentParsing
import YJStat

/// `yjstat sample-size`: the sample size for a proportion at a stated precision.
enum SampleSizeCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "sample-size",
        abstract: "Sample size for a proportion at a confidence and margin, with the finite population correction named.",
        discussion: """
        n0 = z^2 p(1-p)/e^2; with --population N the correction is cochran-a n0/(1+(n0-1)/N)
        (Raosoft, OpenEpi, epiR), cochran-b n0/(1+n0/N) (samplingbook) or none. --compare lists
        every form and rounding and the exact hypergeometric sizes (K = floor(pN) yes cases): the
        first n whose probability of landing within the margin reaches the confidence, and the n
        from which every larger n does. The margin is a proportion: 0.05 is five points.
        """,
        examples: [
            "yjstat sample-size --population 58",
            "yjstat sample-size --population 58 --compare",
            "yjstat sample-size --confidence 0.95 --margin 0.03 --format json",
        ],
        options: [
            SamplingOptions.population.spec, SamplingOptions.confidence.spec, SamplingOptions.margin.spec,
            SamplingOptions.proportion.spec, SamplingOptions.correction.spec, SamplingOptions.rounding.spec, compare.spec,
        ] + CommonOptions.formatAndOutput)

    static let compare = Flag("compare", help: "Show every correction form and rounding, and the exact hypergeometric pair.")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let population = try arguments.value(SamplingOptions.population)
        let target = try SamplingOptions.target(arguments)
        let correction = try arguments.required(SamplingOptions.correction)
        let rounding = try arguments.required(SamplingOptions.rounding)
        let compare = arguments.isSet(Self.compare)
        let size = try SampleSize.compute(target: target, population: population, correction: correction, rounding: rounding)
        let all = compare ? try SampleSize.allForms(target: target, population: population) : []
        let exact = compare ? try ExactSampleSize.compute(target: target, population: population) : nil
        try SamplingOptions.write(output,
                                  json: { SampleSizeReport.json(size, compare: all, exact: exact) },
                                  rows: { SampleSizeReport.rows(compare ? all : [size], exact: exact) },
                                  text: { SampleSizeReport.text(size, compare: all, exact: exact) })
        return .success
    }
}
