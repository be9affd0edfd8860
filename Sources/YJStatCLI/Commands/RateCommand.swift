import ArgumentParsing
import YJStat

/// `yjstat rate`: ratings, score and overall rating recomputed by the published rules.
enum RateCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "rate",
        abstract: "Recompute standard ratings, score and overall rating from key questions, with discretion triggers.",
        discussion: """
        For each case-based standard: the rule rating (the lowest key-question band; bands by the
        exact fraction yes/relevant, or by the printed percentage when no counts are published), the
        lowest key question, and the professional-discretion triggers with their evidence (lowest
        percentage within 5 points of a band boundary; one case judged differently would change the
        band; a sample or sub-sample of 5 cases or fewer). Judgement standards keep their published
        rating. The rule score sums the rule ratings; the overall rating is the band of the score.
        CSV has one row per standard; JSON one object per service with its standards.
        """,
        examples: [
            "yjstat rate --inspection Datasets",
            "yjstat rate --inspection Datasets --service kensington-and-chelsea --format json",
        ],
        options: [InspectionOptions.inspection, InspectionOptions.service, InspectionOptions.framework] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let framework = try InspectionOptions.loadFramework(arguments)
        let (dataset, services) = try InspectionOptions.loadDataset(arguments, rejectingDuplicates: true)
        var output = output
        output.inputs = InspectionOptions.inputFiles(arguments)
        let checker = ConsistencyChecker(framework: framework)
        let assessments = services.map { checker.assess(dataset, service: $0) }
        switch output.format {
        case .json:
            try output.write(JSONWriter.render(.array(assessments.map { $0.jsonValue(framework: framework) })))
        case .csv:
            try output.write(CSVWriter.render(rows: assessments.flatMap { $0.resultRows(framework: framework) }))
        case .text:
            try output.write(assessments.map { $0.textReport(framework: framework) }.joined(separator: "\n"))
        }
        return .success
    }
}
