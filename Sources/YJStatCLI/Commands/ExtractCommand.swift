import ArgumentParsing
import Foundation
import YJStat

/// `yjstat extract`: inspection report text → the inspection dataset schema.
enum ExtractCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "extract",
        abstract: "Read inspection report text (from PDF or Word) into the inspection dataset CSV files.",
        discussion: """
        Reads each REPORT (plain text as a PDF or Word converter gives it; HTML fragments, tabs,
        glued footnote numbers and page furniture are handled) and finds the service, publication
        month, the framework it was inspected under, every standard's rating, score and overall
        rating, sample sizes, key-question and
        prompt results, discretion footnotes and the contextual facts. The framework is chosen
        among the bundled ones (youth-2018; youth-2021, with 4.1 resettlement rated but not
        scored) by the standards the report prints, else by its fieldwork or publication month,
        and the choice and its reason are printed; --framework reads every report with one
        framework file instead. Every value keeps its input
        line (provenance.csv); anything not placed is a warning with its line. With --out, writes
        one dataset holding all services (inspections.csv, ratings.csv, key_questions.csv,
        prompts.csv, discretion.csv, demographics.csv, population.csv, caseload.csv, rates.csv,
        sample_composition.csv, extraction_issues.csv, provenance.csv); partial results are written too.
        Prints the completeness table first, per service: which expected fields (name, overall
        rating, both samples, every standard's rating, every key question) were found. A missing
        field is left blank with a warning naming what was looked for; it is never guessed. The
        extracted rows are checked by the same consistency checks as `check` (score against
        ratings, overall rating against score, counts against samples, percentages against
        counts, ratings against the key-question bands). Exit 1 when an expected field is missing
        or a check finds an error; with --strict, a missing expected field is exit 2. An empty or
        blank REPORT file is exit 2.
        """,
        examples: [
            "yjstat extract report.txt",
            "yjstat extract reports/*.txt --out extracted/",
            "yjstat extract report.txt --format json",
            "yjstat extract report.txt --strict",
        ],
        options: [out.spec, format.spec, strict.spec, framework.spec],
        positionals: [PositionalSpec("REPORT", help: "Report text file(s).", required: true, variadic: true)])

    static let out = Option<String>("out", "dir", help: "Write the dataset CSV files into this folder (created if missing).")
    static let format = Option<ReportFormat>("format", "format", help: "Format of the report printed to standard output.", default: .text)
    static let strict = Flag("strict", help: "Exit 2 (not 1) when an expected field is missing.")
    static let framework = Option<String>("framework", "file",
                                          help: "Read every report with this framework JSON file (default: the bundled framework each report's standards and dates fit).")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let inputs = try arguments.positionals.map { try inputFile($0, flag: "REPORT") }
        let frameworks = try arguments.value(framework).map { [try Framework.load(contentsOf: URL(fileURLWithPath: $0))] }
            ?? ReportExtractor.bundledFrameworks
        var results: [ExtractionResult] = []
        for (path, url) in zip(arguments.positionals, inputs) {
            let data = try InputFiles.read(url)
            let text = String(decoding: data, as: UTF8.self)
            guard text.contains(where: { !$0.isWhitespace }) else {
                throw InputError(file: path, message: data.isEmpty ? "the report file is empty" : "the report file holds only blank lines")
            }
            results.append(ReportExtractor.extract(text: text, source: path, frameworks: frameworks))
        }
        if let out = try arguments.value(Self.out) {
            try ExtractedDatasetWriter.write(results, to: InvocationContext.fileURL(out), protecting: inputs)
        }
        let text = try arguments.required(format) == .json ? ExtractionReport.json(results) : ExtractionReport.text(results)
        try output.write(text)
        let incomplete = results.contains { !$0.completeness.missingExpected.isEmpty }
        if incomplete && arguments.isSet(strict) {
            let names = results.filter { !$0.completeness.missingExpected.isEmpty }.map(\.source).joined(separator: ", ")
            CLI.printError("yjstat extract: --strict: expected fields are missing in \(names)\n")
            return .usageOrInput
        }
        let hasError = results.contains { $0.findings.contains { $0.severity == .error } }
        return hasError || incomplete ? .findings : .success
    }
}
