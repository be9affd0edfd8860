import ArgumentParsing
import YJStat

/// `yjstat allocate`: proportional allocation of a sample across crossed strata.
enum AllocateCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "allocate",
        abstract: "Allocate a sample across crossed strata in proportion to the eligible population (largest remainder).",
        discussion: """
        FILE.csv has one column per stratification variable (for example sex, disposal, rosh,
        safety) and a 'count' column of eligible cases; each row is one combination. The total
        always equals --sample, empty strata get no case, and with --minimum M every non-empty
        stratum gets at least min(M, its size). Text and JSON show each variable's population
        share beside its sample share; CSV gives the strata (--csv-table marginals for the shares).
        """,
        examples: [
            "yjstat allocate --sample 30 --strata strata.csv",
            "yjstat allocate --sample 30 --strata strata.csv --minimum 1 --format csv --csv-table marginals",
        ],
        options: [
            .value("sample", "n", help: "Sample size to allocate.", required: true),
            .value("strata", "FILE.csv", help: "Strata file: variable columns and a count column.", required: true),
            .value("minimum", "M", help: "Minimum cases per non-empty stratum.", default: "0"),
            .value("csv-table", "table", help: "Which table --format csv writes.", default: "strata", choices: ["strata", "marginals"]),
        ] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        guard let n = try SamplingOptions.count(arguments, "sample", minimum: 0) else {
            throw UsageError("missing required option --sample <n>")
        }
        let minimum = try SamplingOptions.count(arguments, "minimum", minimum: 0) ?? 0
        let file = try inputFile(try arguments.required("strata"), flag: "--strata")
        var output = output
        output.inputs = [file]
        let table = try StrataTable.read(try CSVReader.read(contentsOf: file))
        let allocation = try SamplingOptions.flagged(spec.name) {
            try StratifiedAllocation.allocate(table, sample: n, minimum: minimum)
        }
        let marginals = arguments.string("csv-table") == "marginals"
        try SamplingOptions.write(output, json: { AllocationReport.json(allocation) },
                                  rows: { marginals ? AllocationReport.marginalRows(allocation) : AllocationReport.strataRows(allocation) },
                                  text: { AllocationReport.text(allocation) })
        return .success
    }
}
