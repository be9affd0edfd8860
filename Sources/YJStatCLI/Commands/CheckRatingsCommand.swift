import ArgumentParsing
import Foundation
import YJStat

/// `yjstat check-ratings`: score, overall-rating and rating-word checks for a wide ratings table.
enum CheckRatingsCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "check-ratings",
        abstract: "Check a wide ratings table (one row per service) for score, overall-rating and rating-word consistency.",
        discussion: """
        Columns: service, overall_rating, score (29, 29/36 or 80.6%) and/or score_percent (80.6),
        and optionally framework (youth-2018 or youth-2021) and one column per standard id
        (1.1 ... 3.4, 4.1). Each row is checked with the bundled framework its framework cell
        names, else youth-2018 (--framework FILE for every row), so one table can hold the
        inspections of 2018-2024. Rating words are matched to the framework's ratings ignoring
        case, hyphens and full stops, with variants such as RI. Blank cells are reported, never
        guessed. Exit status 1 when any finding is an error.
        """,
        examples: [
            "yjstat check-ratings scraped-ratings.csv",
            "yjstat check-ratings scraped-ratings.csv --format csv --output findings.csv",
        ],
        options: [framework.spec] + CommonOptions.formatAndOutput,
        positionals: [PositionalSpec("FILE", help: "The wide ratings table (CSV).")])

    /// `--framework`: one framework for every row.
    static let framework = Option<String>("framework", "file",
                                          help: "Framework JSON file (default: for each row the bundled framework its framework column names, else youth-2018).")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        guard let path = arguments.positionals.first else { throw UsageError("missing the ratings table FILE") }
        let frameworks = try InspectionOptions.frameworkSelection(arguments, framework)
        let url = InvocationContext.fileURL(path)
        var output = output
        output.inputs = [url]
        let table = try WideRatingsTable.read(contentsOf: url, frameworks: frameworks)
        guard !table.rows.isEmpty else {
            throw InputError(file: url.path, line: 2, message: "no rows to check (the file has a header and no data rows)")
        }
        let findings = table.check()
        if output.format == .csv && findings.isEmpty {
            try output.write(CSVWriter.render(header: ["code", "severity", "service", "location", "message"], rows: []))
        } else {
            try output.write(rows: findings.map(\.resultRow)) { Finding.textReport(findings) }
        }
        return findings.contains { $0.severity == .error } ? .findings : .success
    }
}
