import ArgumentParsing
import YJStat

/// `yjstat check`: consistency findings for an inspection dataset.
enum CheckCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "check",
        abstract: "Check published inspection ratings, scores and key-question figures for consistency.",
        discussion: """
        Recomputes each case-based standard from its key questions (lowest band; bands by the exact
        fraction yes/relevant), compares it with the published rating, and checks counts against the
        samples, printed percentages against counts (rounding half up or half to even), the score
        against the sum of the ratings and the overall rating against the band of the score. A
        published rating one band from the rule rating in a direction a professional-discretion
        trigger supports is a 'discretion' warning; otherwise 'unexplained-rating' (error).
        Exit status 1 when any finding is an error, 0 otherwise. JSON output is an array of
        findings with keys code, severity, service, location, message.
        """,
        examples: [
            "yjstat check --inspection Datasets",
            "yjstat check --inspection Datasets --service north-somerset --format json",
        ],
        options: [InspectionOptions.inspection, InspectionOptions.service, InspectionOptions.framework] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let framework = try InspectionOptions.loadFramework(arguments)
        let (dataset, services) = try InspectionOptions.loadDataset(arguments)
        var output = output
        output.inputs = InspectionOptions.inputFiles(arguments)
        let findings = ConsistencyChecker(framework: framework).check(dataset, services: services)
        if output.format == .csv && findings.isEmpty {
            try output.write(CSVWriter.render(header: ["code", "severity", "service", "location", "message"], rows: []))
        } else {
            try output.write(rows: findings.map(\.resultRow)) { Finding.textReport(findings) }
        }
        return findings.contains { $0.severity == .error } ? .findings : .success
    }
}
