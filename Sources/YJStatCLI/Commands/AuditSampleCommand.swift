import ArgumentParsing
import YJStat

/// `yjstat audit-sample`: does a published sample support the stated precision?
enum AuditSampleCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "audit-sample",
        abstract: "Check a published sample against its stated precision; show the populations the sizing rule implies.",
        discussion: """
        Reports the margin the sample achieves under each correction form, whether the chosen form
        meets --margin, what each form and rounding would have required for --population, and the
        range of eligible-population sizes for which each rule gives exactly --sample. Exit code 1
        when the sample does not meet the stated precision under --correction.
        """,
        examples: [
            "yjstat audit-sample --sample 29 --population 40",
            "yjstat audit-sample --sample 8",
        ],
        options: [
            sample.spec, SamplingOptions.population.spec, SamplingOptions.confidence.spec, SamplingOptions.margin.spec,
            SamplingOptions.proportion.spec, SamplingOptions.correction.spec, SamplingOptions.rounding.spec,
        ] + CommonOptions.formatAndOutput)

    static let sample = Option<Int>.count("sample", "n", help: "Published sample size.", required: true)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let population = try arguments.value(SamplingOptions.population)
        let n = try SamplingOptions.sample(arguments, sample, population: population)
        let target = try SamplingOptions.target(arguments)
        let correction = try arguments.required(SamplingOptions.correction)
        let rounding = try arguments.required(SamplingOptions.rounding)
        let audit = try SampleAudit.audit(sample: n, population: population, target: target, correction: correction, rounding: rounding)
        try SamplingOptions.write(output, json: { SampleAuditReport.json(audit) }, rows: { SampleAuditReport.rows(audit) },
                                  text: { SampleAuditReport.text(audit) })
        return audit.meetsTarget ? .success : .findings
    }
}
