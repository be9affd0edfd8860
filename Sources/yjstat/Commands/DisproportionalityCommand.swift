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
        """,
        examples: [
            "yjstat disproportionality --counts Datasets/examples/counts.csv --unknown Unknown",
            "yjstat disproportionality --counts Datasets/examples/counts.csv --base previous --stages arrest,court,custody --unknown Unknown",
            "yjstat disproportionality --counts Datasets/examples/counts_by_sex_age.csv --strata sex,age_band --unknown Unknown --format csv",
            "yjstat disproportionality --counts counts.csv --reference rest --interval koopman --suppress-below 5",
        ],
        options: [
            .value("counts", "file", help: "Counts table (CSV, long or wide form).", required: true),
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
        let path = try arguments.required("counts")
        let url = try inputFile(path, flag: "--counts")
        var output = output
        output.inputs = [url]
        let confidence = try arguments.double("confidence") ?? 0.95
        guard confidence > 0, confidence < 1 else {
            throw UsageError("--confidence must be strictly between 0 and 1; got \(confidence)")
        }
        let minimumCount = try arguments.int("min-count") ?? 10
        let minimumBase = try arguments.int("min-base") ?? 30
        guard minimumCount >= 0 else { throw UsageError("--min-count must not be negative; got \(minimumCount)") }
        guard minimumBase >= 0 else { throw UsageError("--min-base must not be negative; got \(minimumBase)") }
        let suppressBelow = try arguments.int("suppress-below")
        if let suppressBelow, suppressBelow < 2 {
            throw UsageError("--suppress-below must be at least 2 (it hides counts from 1 to k-1); got \(suppressBelow)")
        }
        let base = try arguments.choice("base", as: BaseMode.self) ?? .population
        let zeroCell = try arguments.choice("zero-cell", as: ZeroCellRule.self) ?? .haldane
        let interval: RatioIntervalMethod = arguments.string("interval") == "koopman" ? .koopman : .katz
        let reference: ReferenceChoice? = arguments.string("reference").map { $0 == "rest" ? .rest : .group($0) }
        let populationStage = arguments.string("population-stage") ?? "population"
        if let stages = arguments.list("stages"), stages.isEmpty { throw UsageError("--stages needs at least one stage name") }
        let strata = arguments.list("strata") ?? []

        let csv = try CSVReader.read(contentsOf: url)
        let table = try CountsTable(csv: csv, options: CountsTable.Options(
            populationStage: populationStage, stages: arguments.list("stages"), strata: strata,
            unknownLabel: arguments.string("unknown")))
        let options = DisproportionalityOptions(
            reference: reference, base: base, confidence: confidence, rriInterval: interval, zeroCell: zeroCell,
            minimumCount: minimumCount, minimumBase: minimumBase, suppressBelow: suppressBelow)
        let report: DisproportionalityReport
        do {
            report = try DisproportionalityAnalysis.run(table, options: options)
        } catch let error as InvalidArgumentError {
            throw InputError(file: url.lastPathComponent, message: error.description)
        }
        try output.write(rows: report.resultRows()) { report.textSummary() }
        return .success
    }
}
