import ArgumentParsing
import Foundation
import YJStat

/// `yjstat summary`: the main job — every analysis on a dataset folder, as a readable report.
enum SummaryCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "summary",
        abstract: "The main job: ratings, samples, rating confidence, representation and rates for every service in a dataset.",
        discussion: """
        Reads a dataset folder in the schema of the bundled Datasets/ (see Datasets/README.md) and
        reports, for every service: the published ratings recomputed by its framework's rules, with
        findings; the sample-size audit of its court and out-of-court samples; how sure each
        case-based rating is (band probabilities of its deciding key question); representation of
        the children cautioned or sentenced against the national average and the local population,
        with rounding and sampling intervals; and its rates against England and Wales. Then, across
        services, funnel plots of key-question results and the representation ratios side by side.
        Each service is read and checked with the bundled framework its inspections.csv row names
        (framework column), else youth-2018 with a framework-mismatch warning; --framework FILE
        reads every service with that framework. prompts.csv and discretion.csv rows are checked
        against their service's framework, and a funnel pools only services of one framework; with
        several frameworks in use the report lists them and names each service's framework.
        Without --datasets it uses Datasets/ in the current folder, or the one above the yjstat
        executable. With --out it also writes CSV tables and SVG charts there (atomically).
        A missing or malformed file stops the run with exit status 2, naming the file, line and
        column; nothing is computed from a rejected row. Exit status 1 when a finding is an error.
        """,
        examples: [
            "yjstat summary",
            "yjstat summary --out out/summary",
            "yjstat summary --datasets my-datasets --format json",
        ],
        options: [datasets.spec, out.spec, format.spec, InspectionOptions.framework.spec])

    static let datasets = Option<String>("datasets", "dir", help: "Dataset folder (default: the bundled Datasets/).")
    static let out = Option<String>("out", "dir", help: "Also write CSV tables and SVG charts into this folder (created if missing).")
    static let format = Option<ReportFormat>("format", "format", help: "Format of the report on standard output.", default: .text)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let selection = try InspectionOptions.frameworkSelection(arguments)
        let directory: URL
        if let path = try arguments.value(datasets) {
            directory = InvocationContext.fileURL(path)
        } else {
            let context = InvocationContext.current
            guard let found = DatasetLocator.bundledDatasets(currentDirectory: context.currentDirectory, executable: context.executable) else {
                throw UsageError("no Datasets folder with inspections.csv in the current folder or above the yjstat executable; give --datasets DIR")
            }
            directory = found
        }
        let dataset = try SummaryDataset.read(directory: directory, frameworks: selection)
        let summary = try DatasetSummary(dataset: dataset)
        if let out = try arguments.value(Self.out) {
            try output.writeFolder(summary.outputFiles(), to: InvocationContext.fileURL(out), protecting: dataset.inputFiles)
        }
        let text = try arguments.required(format) == .json ? JSONWriter.render(summary.jsonDocument()) : summary.textReport()
        try output.write(text)
        return summary.hasErrors ? .findings : .success
    }
}
