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
        and optionally one column per standard id (1.1 ... 3.4). Rating words are matched to the
        framework's ratings ignoring case, hyphens and full stops, with variants such as RI.
        Blank cells are reported, never guessed. Exit status 1 when any finding is an error.
        """,
        examples: [
            "yjstat check-ratings scraped-ratings.csv",
            "yjstat check-ratings scraped-ratings.csv --format csv --output findings.csv",
        ],
        options: [InspectionOptions.singleFramework.spec] + CommonOptions.formatAndOutput,
        positionals: [PositionalSpec("FILE", help: "The wide ratings table (CSV).")])

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        guard let path = arguments.positionals.first else { throw UsageError("missing the ratings table FILE") }
        let framework = try InspectionOptions.loadFramework(arguments)
        let url = InvocationContext.fileURL(path)
        var output = output
        output.inputs = [url]
        let table = try WideRatingsTable.read(contentsOf: url, framework: framework)
        guard !table.rows.isEmpty else {
            throw InputError(file: url.path, line: 2, message: "no rows to check (the file has a header and no data rows)")
        }
        let findings = table.check(framework: framework)
        if output.format == .csv && findings.isEmpty {
            try output.write(CSVWriter.render(header: ["code", "severity", "service", "location", "message"], rows: []))
        } else {
            try output.write(rows: findings.map(\.resultRow)) { Finding.textReport(findings) }
        }
        return findings.contains { $0.severity == .error } ? .findings : .success
    }
}
