import ArgumentParsing
import Foundation
import YJStat

/// `yjstat disproportionality`: relative rate indices and related measures from a counts table.
enum DisproportionalityCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "disproportionality",
        abstract: "Relative rate index, odds ratios, composition and excess counts by group and stage, with small-number and unknown-ethnicity checks.",
        discussion: """
        --counts is a CSV in long form (group, stage, count) or wide form (group and one column
        per stage). One stage is the population base (--population-stage). Each group is compared
        with --reference (default White) or with all other known groups combined (--reference
        rest). --base previous rates each stage over the previous stage's count and adds the
        cumulative RRI. --strata names stratum columns (for example sex,age_band) for the
        Mantel-Haenszel adjustment. --unknown names the unknown-ethnicity group: it needs no
        population and gives bounds on every RRI. --suppress-below K hides counts from 1 to K-1
        and what could reveal them. Text output is a plain-English summary; CSV and JSON give one
        row per group and stage with every measure and the methods used.

        Instead of --counts, --records reads a case-level extract (one row per child per outcome)
        in one streaming pass, counts children by --group-column and --stage-column for each
        service in --service-column, joins each service's population by group from --population
        (columns service, group, population) and analyses each service (--service ID, or 'all').
        Output rows then start with a service column.
        """,
        examples: [
            "yjstat disproportionality --counts Datasets/examples/counts.csv --unknown Unknown",
            "yjstat disproportionality --counts Datasets/examples/counts.csv --base previous --stages arrest,court,custody --unknown Unknown",
            "yjstat disproportionality --counts Datasets/examples/counts_by_sex_age.csv --strata sex,age_band --unknown Unknown --format csv",
            "yjstat disproportionality --counts counts.csv --reference rest --interval koopman --suppress-below 5",
            "yjstat disproportionality --records records.csv --service all --group-column ethnicity --stage-column stage --population population.csv --format csv",
        ],
        options: [
            .value("counts", "file", help: "Counts table (CSV, long or wide form)."),
            .value("records", "file", help: "Case-level extract (CSV, one row per child per outcome), instead of --counts."),
            .value("service", "id", help: "With --records: the service to analyse, or 'all'."),
            .value("service-column", "name", help: "With --records: the column naming the service.", default: "service"),
            .value("group-column", "name", help: "With --records: the column naming the group.", default: "ethnicity"),
            .value("stage-column", "name", help: "With --records: the column naming the stage.", default: "stage"),
            .value("population", "file", help: "With --records: population by service and group (columns service, group, population)."),
            .value("on-error", "policy", help: "With --records: what to do with a malformed row.", default: "stop",
                   choices: MalformedRowPolicy.allCases.map(\.rawValue)),
            .value("reference", "group", help: "Reference group, or 'rest' for all other known groups combined (default White)."),
            .value("base", "base", help: "Base of each stage's rate.", default: "population", choices: BaseMode.allCases.map(\.rawValue)),
            .value("stages", "a,b,c", help: "Stages to report, in order (default: order of first appearance)."),
            .value("population-stage", "name", help: "Name of the population stage.", default: "population"),
            .value("strata", "a,b", help: "Stratum columns for the Mantel-Haenszel adjustment."),
            .value("unknown", "label", help: "Label of the unknown-ethnicity group."),
            .value("confidence", "c", help: "Two-sided confidence level in (0, 1).", default: "0.95"),
            .value("interval", "method", help: "RRI interval method.", default: "katz", choices: ["katz", "koopman"]),
            .value("zero-cell", "rule", help: "Zero-cell rule for the Katz and Woolf intervals: haldane adds 0.5 to all four cells when one is zero.",
                   default: "haldane", choices: ZeroCellRule.allCases.map(\.rawValue)),
            .value("min-count", "n", help: "Flag counts below this as small.", default: "10"),
            .value("min-base", "n", help: "Flag bases below this as small.", default: "30"),
            .value("suppress-below", "k", help: "Hide counts from 1 to k-1 and anything that would reveal them."),
        ] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        guard arguments.has("counts") != arguments.has("records") else {
            throw UsageError(arguments.has("counts") ? "give either --counts or --records, not both" : "give --counts FILE or --records FILE")
        }
        if !arguments.has("records") {
            for flag in ["service", "population"] where arguments.has(flag) {
                throw UsageError("--\(flag) goes with --records")
            }
        }
        let options = try analysisOptions(arguments)
        let countsOptions = CountsTable.Options(
            populationStage: arguments.string("population-stage") ?? "population", stages: arguments.list("stages"),
            strata: arguments.list("strata") ?? [], unknownLabel: arguments.string("unknown"))
        if arguments.has("records") { return try runRecords(arguments, output: output, options: options, countsOptions: countsOptions) }
        let path = try arguments.required("counts")
        let url = try inputFile(path, flag: "--counts")
        var output = output
        output.inputs = [url]
        let csv = try CSVReader.read(contentsOf: url)
        let table = try CountsTable(csv: csv, options: countsOptions)
        let report: DisproportionalityReport
        do {
            report = try DisproportionalityAnalysis.run(table, options: options)
        } catch let error as InvalidArgumentError {
            throw InputError(file: url.lastPathComponent, message: error.description)
        }
        try output.write(rows: report.resultRows()) { report.textSummary() }
        return .success
    }

    /// `--records`: one streaming pass over a case-level extract, then each service's analysis.
    static func runRecords(_ arguments: ParsedArguments, output: CommandOutput, options: DisproportionalityOptions,
                           countsOptions: CountsTable.Options) throws -> ExitCode {
        let url = try inputFile(try arguments.required("records"), flag: "--records")
        guard let service = arguments.string("service") else { throw UsageError("--records needs --service ID or --service all") }
        guard let populationPath = arguments.string("population") else {
            throw UsageError("--records needs --population FILE (columns service, group, population): records carry no population base")
        }
        if !countsOptions.strata.isEmpty { throw UsageError("--strata is not available with --records; aggregate with the stratum columns instead") }
        let populationURL = try inputFile(populationPath, flag: "--population")
        var output = output
        output.inputs = [url, populationURL]
        let population = try ServicePopulation(contentsOf: populationURL)
        let policy = try arguments.choice("on-error", as: MalformedRowPolicy.self) ?? .stop
        let (table, aggregation) = try ServiceCountsTable.aggregate(
            records: url, serviceColumn: arguments.string("service-column") ?? "service",
            groupColumn: arguments.string("group-column") ?? "ethnicity", stageColumn: arguments.string("stage-column") ?? "stage",
            stageOrder: countsOptions.stages ?? [], onError: policy)
        if aggregation.recordsSkipped > 0 {
            CLI.printError("yjstat disproportionality: " + aggregation.summaryLine + "\n" + aggregation.skipReport)
        }
        // All services are counted in the one pass, so every service shares the file's groups and
        // stages: a stage one service never reached is a count of 0 there, not a missing stage.
        let services = service == "all" ? table.services : [service]
        guard !table.services.isEmpty, service == "all" || table.services.contains(service) else {
            throw InputError(file: url.lastPathComponent, message: service == "all" ? "no records" : "no records for service '\(service)'")
        }
        let results = try ServiceDisproportionality.analyse(table, services: services, population: population,
                                                             countsOptions: countsOptions, options: options, source: url.lastPathComponent)
        try output.write(rows: results.flatMap { $0.resultRows() }) {
            results.map { "== \($0.service)\n\n" + $0.report.textSummary() }.joined(separator: "\n")
        }
        return .success
    }

    /// The analysis options shared by --counts and --records.
    static func analysisOptions(_ arguments: ParsedArguments) throws -> DisproportionalityOptions {
        let confidence = try arguments.double("confidence") ?? 0.95
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let minimumCount = try arguments.count("min-count") ?? 10
        let minimumBase = try arguments.count("min-base") ?? 30
        guard minimumCount >= 0 else { throw UsageError("--min-count must not be negative; got \(minimumCount)") }
        guard minimumBase >= 0 else { throw UsageError("--min-base must not be negative; got \(minimumBase)") }
        let suppressBelow = try arguments.count("suppress-below")
        if let suppressBelow, suppressBelow < 2 {
            throw UsageError("--suppress-below must be at least 2 (it hides counts from 1 to k-1); got \(suppressBelow)")
        }
        let base = try arguments.choice("base", as: BaseMode.self) ?? .population
        let zeroCell = try arguments.choice("zero-cell", as: ZeroCellRule.self) ?? .haldane
        let interval: RatioIntervalMethod = arguments.string("interval") == "koopman" ? .koopman : .katz
        let reference: ReferenceChoice? = arguments.string("reference").map { $0 == "rest" ? .rest : .group($0) }
        if let stages = arguments.list("stages"), stages.isEmpty { throw UsageError("--stages needs at least one stage name") }
        return DisproportionalityOptions(
            reference: reference, base: base, confidence: confidence, rriInterval: interval, zeroCell: zeroCell,
            minimumCount: minimumCount, minimumBase: minimumBase, suppressBelow: suppressBelow)
    }
}
