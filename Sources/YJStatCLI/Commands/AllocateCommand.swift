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
        options: [sample.spec, strata.spec, minimum.spec, csvTable.spec] + CommonOptions.formatAndOutput)

    static let sample = Option<Int>.count("sample", "n", help: "Sample size to allocate.", minimum: 0, required: true)
    static let strata = Option<String>("strata", "FILE.csv", help: "Strata file: variable columns and a count column.", required: true)
    static let minimum = Option<Int>.count("minimum", "M", help: "Minimum cases per non-empty stratum.", minimum: 0, default: 0)
    static let csvTable = Option<AllocationTable>("csv-table", "table", help: "Which table --format csv writes.", default: .strata)

    /// The tables `--format csv` can write.
    enum AllocationTable: String, CaseIterable, ChoiceOptionValue {
        /// One row per stratum.
        case strata
        /// One row per level of each variable.
        case marginals
    }

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let n = try arguments.required(sample)
        let minimum = try arguments.required(Self.minimum)
        let file = try inputFile(try arguments.required(strata), flag: "--strata")
        var output = output
        output.inputs = [file]
        let table = try StrataTable.read(try CSVReader.read(contentsOf: file))
        let allocation = try StratifiedAllocation.allocate(table, sample: n, minimum: minimum)
        let marginals = try arguments.required(csvTable) == .marginals
        try SamplingOptions.write(output, json: { AllocationReport.json(allocation) },
                                  rows: { marginals ? AllocationReport.marginalRows(allocation) : AllocationReport.strataRows(allocation) },
                                  text: { AllocationReport.text(allocation) })
        return .success
    }
}
