import ArgumentParsing
import YJStat

/// `yjstat band-confidence`: how likely the population proportion is in each rating band.
enum BandConfidenceCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "band-confidence",
        abstract: "Probability that the population proportion lies in each rating band, given k yes of n sampled.",
        discussion: """
        Bands: <50% Inadequate, 50-64.99% Requires improvement, 65-79.99% Good, >=80% Outstanding,
        judged on the fraction itself. Bayesian model: Beta prior (uniform or Jeffreys) on the rate;
        the unsampled N-n relevant cases are beta-binomial given the sample; without --population
        the proportion is Beta(a+k, b+n-k).
        """,
        examples: [
            "yjstat band-confidence --yes 11 --of 17 --population 25",
            "yjstat band-confidence --yes 2 --of 3 --prior jeffreys --format json",
        ],
        options: [yes.spec, of.spec, population.spec, prior.spec] + CommonOptions.formatAndOutput)

    static let yes = Option<Int>.count("yes", "k", help: "Yes cases in the sample.", minimum: 0, required: true)
    static let of = Option<Int>.count("of", "n", help: "Relevant cases in the sample.", required: true)
    static let population = Option<Int>.count("population", "N", help: "Relevant cases in the population (omit for infinite).")
    static let prior = Option<BandPrior>("prior", "prior", help: "Beta prior for the proportion.", default: .uniform)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let k = try arguments.required(yes)
        let n = try arguments.required(of)
        guard k <= n else { throw UsageError("--yes (\(k)) is more than --of (\(n))") }
        let population = try arguments.value(Self.population)
        if let population, population < n {
            throw UsageError("--of (\(n)) is more than --population (\(population))")
        }
        let prior = try arguments.required(Self.prior)
        let result = try BandConfidence.compute(successes: k, sample: n, population: population, prior: prior)
        try SamplingOptions.write(output, json: { BandReport.json(result) }, rows: { BandReport.rows(result) },
                                  text: { BandReport.text(result) })
        return .success
    }
}
