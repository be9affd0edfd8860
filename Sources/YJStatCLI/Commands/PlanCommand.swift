import ArgumentParsing
import YJStat

/// `yjstat plan`: court and out-of-court samples for a service.
enum PlanCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "plan",
        abstract: "Plan court and out-of-court case samples for a service, with each part's achieved margin.",
        discussion: """
        The court sample is sized from the court eligible population at the target precision. With
        --rule combined-60-40 (2020-21 reports) the out-of-court sample is court x 40/60, rounded by
        --ooc-rounding (default nearest, which matches the published pairs 4/3 and 8/5) and capped at
        the out-of-court population; with --rule separate each is sized on its own.
        """,
        examples: [
            "yjstat plan --court-population 5 --ooc-population 4",
            "yjstat plan --court-population 120 --ooc-population 60 --rule separate",
        ],
        options: [
            .value("court-population", "N1", help: "Eligible court-disposal cases.", required: true),
            .value("ooc-population", "N2", help: "Eligible out-of-court-disposal cases.", required: true),
            .value("rule", "rule", help: "How the out-of-court sample is sized.", default: "combined-60-40",
                   choices: OutOfCourtRule.allCases.map(\.rawValue)),
            SamplingOptions.confidence, SamplingOptions.margin, SamplingOptions.proportion,
            SamplingOptions.correction, SamplingOptions.rounding,
            .value("ooc-rounding", "rule", help: "Rounding of the 60/40 out-of-court size.", default: "nearest",
                   choices: SampleSizeRounding.allCases.map(\.rawValue)),
        ] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        guard let court = try SamplingOptions.count(arguments, "court-population"),
              let ooc = try SamplingOptions.count(arguments, "ooc-population") else {
            throw UsageError("--court-population and --ooc-population are required")
        }
        let target = try SamplingOptions.target(arguments)
        let rule = try arguments.requiredChoice("rule", as: OutOfCourtRule.self)
        let correction = try arguments.requiredChoice("correction", as: FinitePopulationCorrection.self)
        let rounding = try arguments.requiredChoice("rounding", as: SampleSizeRounding.self)
        let oocRounding = try arguments.requiredChoice("ooc-rounding", as: SampleSizeRounding.self)
        let plan = try SamplingOptions.flagged(spec.name) {
            try SamplePlan.plan(courtPopulation: court, outOfCourtPopulation: ooc, target: target, rule: rule,
                                correction: correction, rounding: rounding, outOfCourtRounding: oocRounding)
        }
        try SamplingOptions.write(output, json: { SamplePlanReport.json(plan) }, rows: { SamplePlanReport.rows(plan) },
                                  text: { SamplePlanReport.text(plan) })
        return .success
    }
}
