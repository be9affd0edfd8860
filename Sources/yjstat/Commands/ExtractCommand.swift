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
        month, the 12 standard ratings, score and overall rating, sample sizes, key-question and
        prompt results, discretion footnotes and the contextual facts. Every value keeps its input
        line (provenance.csv); anything not placed is a warning with its line. With --out, writes
        one dataset holding all services (inspections.csv, ratings.csv, key_questions.csv,
        prompts.csv, discretion.csv, demographics.csv, population.csv, caseload.csv, rates.csv,
        sample_composition.csv, extraction_issues.csv, provenance.csv); partial results are written too.
        Prints a completeness report per service. Exit 1 when a cross-check finding is an error
        (score against ratings, counts against samples, percentages against counts).
        """,
        examples: [
            "yjstat extract report.txt",
            "yjstat extract reports/*.txt --out extracted/",
            "yjstat extract report.txt --format json",
        ],
        options: [
            .value("out", "dir", help: "Write the dataset CSV files into this folder (created if missing)."),
            .value("format", "format", help: "Format of the report printed to standard output.", default: "text",
                   choices: ["text", "json"]),
        ],
        positionals: [PositionalSpec("REPORT", help: "Report text file(s).", required: true, variadic: true)])

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let inputs = try arguments.positionals.map { try inputFile($0, flag: "REPORT") }
        var results: [ExtractionResult] = []
        for url in inputs {
            let data = try InputFiles.read(url)
            results.append(ReportExtractor.extract(text: String(decoding: data, as: UTF8.self), source: url.path))
        }
        if let out = arguments.string("out") {
            try ExtractedDatasetWriter.write(results, to: URL(fileURLWithPath: out), protecting: inputs)
        }
        let text = arguments.string("format") == "json" ? ExtractionReport.json(results) : ExtractionReport.text(results)
        try StandardOutput.write(text)
        let hasError = results.contains { $0.findings.contains { $0.severity == .error } }
        return hasError ? .findings : .success
    }
}
