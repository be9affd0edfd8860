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
            courtPopulation.spec, outOfCourtPopulation.spec, rule.spec,
            SamplingOptions.confidence.spec, SamplingOptions.margin.spec, SamplingOptions.proportion.spec,
            SamplingOptions.correction.spec, SamplingOptions.rounding.spec, outOfCourtRounding.spec,
        ] + CommonOptions.formatAndOutput)

    static let courtPopulation = Option<Int>.count("court-population", "N1", help: "Eligible court-disposal cases.", required: true)
    static let outOfCourtPopulation = Option<Int>.count("ooc-population", "N2", help: "Eligible out-of-court-disposal cases.",
                                                        required: true)
    static let rule = Option<OutOfCourtRule>("rule", "rule", help: "How the out-of-court sample is sized.", default: .combined6040)
    static let outOfCourtRounding = Option<SampleSizeRounding>("ooc-rounding", "rule", help: "Rounding of the 60/40 out-of-court size.",
                                                               default: .nearest)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let court = try arguments.required(courtPopulation)
        let ooc = try arguments.required(outOfCourtPopulation)
        let target = try SamplingOptions.target(arguments)
        let rule = try arguments.required(Self.rule)
        let correction = try arguments.required(SamplingOptions.correction)
        let rounding = try arguments.required(SamplingOptions.rounding)
        let oocRounding = try arguments.required(outOfCourtRounding)
        let plan = try SamplePlan.plan(courtPopulation: court, outOfCourtPopulation: ooc, target: target, rule: rule,
                                       correction: correction, rounding: rounding, outOfCourtRounding: oocRounding)
        try SamplingOptions.write(output, json: { SamplePlanReport.json(plan) }, rows: { SamplePlanReport.rows(plan) },
                                  text: { SamplePlanReport.text(plan) })
        return .success
    }
}
