import ArgumentParsing
import Foundation
import YJStat

/// `yjstat aggregate`: count the rows of a case-level extract by key columns, streaming.
enum AggregateCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "aggregate",
        abstract: "Count the rows of a large case-level CSV extract by key columns, in one streaming pass.",
        discussion: """
        Reads the file in blocks on all cores and keeps only the counts, so memory does not grow
        with the file. Only the --by and --where columns are decoded. RFC 4180 quoting, CRLF and a
        byte-order mark are handled; spaces around values are ignored. --where COLUMN=VALUE keeps
        matching rows (repeat it: the same column matches any of its values, different columns
        must all match). A malformed row stops the run with its file:line:column (--on-error stop)
        or is skipped, counted and listed on standard error (--on-error skip); a skipped row that
        ran over several lines (a stray quote) costs its first line only, and reading goes on from
        the next. A row longer than --max-record-bytes (default 1 MiB) is a malformed row, so a
        stray quote or a huge value never makes memory grow with the file.
        """,
        examples: [
            "yjstat aggregate --records records.csv --by service,ethnicity,stage",
            "yjstat aggregate --records records.csv --by ethnicity,stage --where service=leeds --where year=2023",
            "yjstat aggregate --records records.csv --by service,stage --on-error skip --format csv --output counts.csv",
        ],
        options: [
            .value("records", "file", help: "Case-level CSV extract with a header row.", required: true),
            .value("by", "columns", help: "Comma-separated key columns to count by.", required: true),
            .value("where", "column=value", help: "Keep rows whose column equals the value (repeatable).", repeatable: true),
            .value("on-error", "policy", help: "What to do with a malformed row.", default: "stop",
                   choices: MalformedRowPolicy.allCases.map(\.rawValue)),
            .value("threads", "n", help: "Parsing threads (default: the number of cores)."),
            .value("max-record-bytes", "n", help: "Longest row read, in bytes; a longer one is malformed.",
                   default: String(StreamingCSVScanner.defaultMaximumRecordLength)),
        ] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let url = try inputFile(try arguments.required("records"), flag: "--records")
        let keys = arguments.list("by") ?? []
        guard !keys.isEmpty else { throw UsageError("--by needs at least one column name") }
        if let repeated = keys.first(where: { name in keys.filter { $0 == name }.count > 1 }) {
            throw UsageError("--by names column '\(repeated)' more than once")
        }
        let filters = try arguments.strings("where").map { text -> ColumnFilter in
            guard let filter = ColumnFilter(parsing: text) else {
                throw UsageError("--where must be COLUMN=VALUE; got '\(text)'")
            }
            return filter
        }
        let policy = try arguments.choice("on-error", as: MalformedRowPolicy.self) ?? .stop
        var scanner = StreamingCSVScanner(keyColumns: keys, filters: filters, onError: policy)
        if let limit = try arguments.count("max-record-bytes") {
            guard limit >= 1 else { throw UsageError("--max-record-bytes must be at least 1; got \(limit)") }
            scanner.maximumRecordLength = limit
        }
        if let threads = try arguments.int("threads") {
            guard threads >= 1 else { throw UsageError("--threads must be at least 1; got \(threads)") }
            scanner.threads = threads
        }
        let result = try scanner.aggregate(fileAt: url)
        if result.recordsRead == 0 {
            throw InputError(file: result.source, line: 2, message: "no data rows: the file has a header only")
        }
        var output = output
        output.inputs = [url]
        if output.format != .text, result.recordsSkipped > 0 {
            CLI.printError("yjstat aggregate: " + result.summaryLine + "\n" + result.skipReport)
        }
        if output.format == .csv {
            // Plain text cells through the same writer: faster than result rows for national tables.
            try output.write(CSVWriter.render(header: result.keyColumns + [result.countColumnName],
                                              rows: result.groups.map { $0.key + [String($0.count)] }))
        } else {
            try output.write(rows: result.resultRows) { result.textReport() }
        }
        return .success
    }
}
