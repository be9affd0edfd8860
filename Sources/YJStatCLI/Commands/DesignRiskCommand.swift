import ArgumentParsing
import YJStat

/// `yjstat design-risk`: how often a sample design shows the wrong rating band.
enum DesignRiskCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "design-risk",
        abstract: "Exact probability of each observed rating band for a sample design and a true proportion.",
        discussion: """
        The population of N holds K = round(P*N) yes cases; a sample of n has a hypergeometric
        number of yes cases (binomial without --population). Without --true-proportion, a table
        across true proportions at and around each band boundary (50%, 65%, 80%).
        """,
        examples: [
            "yjstat design-risk --sample 4 --population 5",
            "yjstat design-risk --sample 20 --population 60 --true-proportion 0.7",
        ],
        options: [sample.spec, population.spec, trueProportion.spec] + CommonOptions.formatAndOutput)

    static let sample = Option<Int>.count("sample", "n", help: "Sample size.", required: true)
    static let population = Option<Int>.count("population", "N", help: "Population size (omit for infinite).")
    static let trueProportion = Option<Double>("true-proportion", "P", help: "True population proportion in [0, 1].")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let population = try arguments.value(Self.population)
        let n = try SamplingOptions.sample(arguments, sample, population: population)
        let truth = try arguments.value(trueProportion)
        if let truth, !(0...1).contains(truth) {
            throw UsageError("--true-proportion must be between 0 and 1; got \(truth)")
        }
        let risks = try truth.map { [try DesignRisk.compute(sample: n, population: population, trueProportion: $0)] }
            ?? DesignRisk.table(sample: n, population: population)
        try SamplingOptions.write(output, json: { BandReport.json(risks, single: truth != nil) }, rows: { BandReport.rows(risks) },
                                  text: { BandReport.text(risks) })
        return .success
    }
}
