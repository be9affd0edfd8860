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
        options: [InspectionOptions.inspection.spec, InspectionOptions.service.spec, InspectionOptions.framework.spec]
            + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let selection = try InspectionOptions.frameworkSelection(arguments)
        let (dataset, services) = try InspectionOptions.loadDataset(arguments, rejectingDuplicates: true)
        var output = output
        output.inputs = try InspectionOptions.inputFiles(arguments)
        // Each service by the framework its inspection names (or --framework for all).
        let assessed = services.map { service in
            let framework = selection.framework(for: service, in: dataset)
            return (assessment: ConsistencyChecker(framework: framework).assess(dataset, service: service), framework: framework)
        }
        switch output.format {
        case .json:
            try output.write(JSONWriter.render(.array(assessed.map { $0.assessment.jsonValue(framework: $0.framework) })))
        case .csv:
            try output.write(CSVWriter.render(rows: assessed.flatMap { $0.assessment.resultRows(framework: $0.framework) }))
        case .text:
            try output.write(assessed.map { $0.assessment.textReport(framework: $0.framework) }.joined(separator: "\n"))
        }
        return .success
    }
}
