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
        must all match); a range of whole numbers, --where year=2021..2023, keeps any year in it.
        A malformed row stops the run with its file:line:column (--on-error stop) or is skipped,
        counted and listed on standard error (--on-error skip); a skipped row that ran over several
        lines (a stray quote) costs its first line only, and reading goes on from the next. A row
        longer than --max-record-bytes (default 1 MiB) is a malformed row, so a stray quote or a
        huge value never makes memory grow with the file. Column names match ignoring case.

        --counts-for disproportionality writes, instead of --by counts, the counts table that
        'yjstat disproportionality --counts' reads: long form group, stage, count (service first
        when there are several services), with a count, 0 included, for every group and stage
        seen. Groups come from --group-column (default ethnicity), stages from --stage-column
        (default stage), services from --service-column (default service). With --population
        FILE (columns service, group, population, and optionally year; group may be called
        ethnicity, population may be called pop) each service's population rows are added. When
        the records span several years (--year-column, default year) and the population file has no
        year column, a loud warning says so: choose one year with --where, or give populations by
        year, which are then summed over the years counted. Totals rows (a service or group named Total, All,
        England, Wales, England and Wales, National) are left out and said so.
        """,
        examples: [
            "yjstat aggregate --records records.csv --by service,ethnicity,stage",
            "yjstat aggregate --records records.csv --by ethnicity,stage --where service=leeds --where year=2023",
            "yjstat aggregate --records records.csv --by service,stage --on-error skip --format csv --output counts.csv",
            "yjstat aggregate --records records.csv --counts-for disproportionality --population population.csv --where year=2023 --output counts.csv",
        ],
        options: [records.spec, by.spec, filters.spec, countsFor.spec, groupColumn.spec, stageColumn.spec, serviceColumn.spec,
                  yearColumn.spec, population.spec, populationStage.spec, onError.spec, threads.spec, maxRecordBytes.spec]
            + CommonOptions.formatAndOutput)

    static let records = Option<String>("records", "file", help: "Case-level CSV extract with a header row.", required: true)
    static let by = Option<[String]>("by", "columns", help: "Comma-separated key columns to count by (or --counts-for).")
    static let filters = Option<String>("where", "column=value",
                                        help: "Keep rows whose column equals the value, or lies in FIRST..LAST (repeatable).", repeatable: true)
    static let countsFor = Option<CountsFor>("counts-for", "command", help: "Write the counts table that command reads (long form, zeros included).")
    static let groupColumn = Option<String>("group-column", "name", help: "With --counts-for: the column naming the group.", default: "ethnicity")
    static let stageColumn = Option<String>("stage-column", "name", help: "With --counts-for: the column naming the stage.", default: "stage")
    static let serviceColumn = Option<String>("service-column", "name",
                                              help: "With --counts-for: the column naming the service (left out if absent).", default: "service")
    static let yearColumn = Option<String>("year-column", "name",
                                           help: "With --counts-for: the column naming the year (for the population join).", default: "year")
    static let population = Option<String>("population", "file",
                                           help: "With --counts-for: population by service and group (and year) to add as the population stage.")
    static let populationStage = Option<String>("population-stage", "name", help: "With --population: the stage name of the population rows.",
                                                default: "population")
    static let onError = Option<MalformedRowPolicy>("on-error", "policy", help: "What to do with a malformed row.", default: .stop)
    static let threads = Option<Int>("threads", "n", help: "Parsing threads (default: the number of cores).")
    static let maxRecordBytes = Option<Int>.count("max-record-bytes", "n", help: "Longest row read, in bytes; a longer one is malformed.",
                                                  minimum: nil, default: StreamingCSVScanner.defaultMaximumRecordLength)

    /// `--counts-for`: the command whose counts table is written.
    enum CountsFor: String, CaseIterable, ChoiceOptionValue {
        /// The long-form counts table of `disproportionality --counts`.
        case disproportionality
    }

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let url = try inputFile(try arguments.required(records), flag: "--records")
        let given = try arguments.value(by)?.filter { !$0.isEmpty }
        if let given, given.isEmpty { throw UsageError("--by needs at least one column name") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
           (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) != .typeRegular {
            throw InputError(file: url.path, message: "not a regular file")
        }
        let header = try CSVReader.header(ofFileAt: url)
        let filters = try whereFilters(arguments, Self.filters, header: header)
        let policy = try arguments.required(onError)
        let threads = try arguments.value(Self.threads)
        if let threads, threads < 1 { throw UsageError("--threads must be at least 1; got \(threads)") }
        if arguments.wasGiven(countsFor) { return try runCountsExport(arguments, output: output, url: url, header: header,
                                                                      filters: filters, policy: policy, threads: threads) }
        for option in [groupColumn, stageColumn, serviceColumn, yearColumn, population, populationStage] where arguments.wasGiven(option) {
            throw UsageError("--\(option.name) goes with --counts-for")
        }
        guard let given, !given.isEmpty else { throw UsageError("give --by COLUMNS (or --counts-for disproportionality)") }
        if let repeated = given.first(where: { name in given.filter { $0 == name }.count > 1 }) {
            throw UsageError("--by names column '\(repeated)' more than once")
        }
        let keys = given.map { ColumnName.match($0, in: header) ?? $0 }
        var scanner = StreamingCSVScanner(keyColumns: keys, filters: filters, onError: policy)
        if let threads { scanner.threads = threads }
        scanner.maximumRecordLength = try maximumRecordBytes(arguments, maxRecordBytes)
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

    /// `--max-record-bytes` (`option`, the command's own declaration; at least 1), or the default limit.
    static func maximumRecordBytes(_ arguments: ParsedArguments, _ option: Option<Int>) throws -> Int {
        guard let limit = try arguments.value(option) else { return StreamingCSVScanner.defaultMaximumRecordLength }
        guard limit >= 1 else { throw UsageError("--max-record-bytes must be at least 1; got \(limit)") }
        return limit
    }

    /// The `--where` filters (`option`, the command's own declaration), column names matched to
    /// the header ignoring case.
    static func whereFilters(_ arguments: ParsedArguments, _ option: Option<String>, header: [String]) throws -> [ColumnFilter] {
        // A filter the library cannot read is reported by CLI.run against --where (ParameterFlags).
        try arguments.values(option).flatMap { text -> [ColumnFilter] in
            try ColumnFilter.filters(parsing: text).map {
                ColumnFilter(column: ColumnName.match($0.column, in: header) ?? $0.column, value: $0.value)
            }
        }
    }

    /// `--counts-for disproportionality`: the long-form counts table, zeros and population included.
    static func runCountsExport(_ arguments: ParsedArguments, output: CommandOutput, url: URL, header: [String],
                                filters: [ColumnFilter], policy: MalformedRowPolicy, threads: Int?) throws -> ExitCode {
        if arguments.wasGiven(by) { throw UsageError("give --by or --counts-for, not both") }
        let source = url.lastPathComponent
        func column(_ option: Option<String>) throws -> String {
            let given = try arguments.required(option)
            guard let found = ColumnName.match(given, in: header) else {
                throw InputError(file: source, line: 1, message: "no column '\(given)' for --\(option.name) (found: \(header.joined(separator: ", ")))")
            }
            return found
        }
        let group = try column(groupColumn), stage = try column(stageColumn)
        let service = ColumnName.match(try arguments.required(serviceColumn), in: header)
        if service == nil, arguments.wasGiven(serviceColumn) { _ = try column(serviceColumn) }
        let year = ColumnName.match(try arguments.required(yearColumn), in: header)
        if year == nil, arguments.wasGiven(yearColumn) { _ = try column(yearColumn) }
        var output = output
        output.inputs = [url]
        var population: ServicePopulation?
        if let path = try arguments.value(Self.population) {
            let populationURL = try inputFile(path, flag: "--population")
            output.inputs.append(populationURL)
            let csv = try CSVReader.read(contentsOf: populationURL)
            printNotes(csv.notes, command: "aggregate")
            population = try ServicePopulation(csv: csv)
        }
        let keys = [service, group, stage, year].compactMap { $0 }
        var scanner = StreamingCSVScanner(keyColumns: keys, filters: filters, onError: policy)
        if let threads { scanner.threads = threads }
        // A blank service, group, stage or year cannot go into a counts table: an error (or a
        // skipped row) at its own line, naming the service.
        scanner.rejectsBlankKeys = true
        scanner.contextColumn = service
        scanner.maximumRecordLength = try maximumRecordBytes(arguments, maxRecordBytes)
        let result = try scanner.aggregate(fileAt: url)
        if result.recordsRead == 0 {
            throw InputError(file: result.source, line: 2, message: "no data rows: the file has a header only")
        }
        if result.recordsSkipped > 0 { CLI.printError("yjstat aggregate: " + result.summaryLine + "\n" + result.skipReport) }
        guard result.recordsCounted > 0 else {
            throw InputError(file: source, message: "no rows match --where (\(result.recordsExcluded) excluded)")
        }
        let years = try year.map { RecordYears.counted(in: result, yearColumn: $0, population: population) }
            ?? RecordYears.withoutYearColumn(population: population, recordsSource: source)
        if let warning = RecordYears.warning(for: result, yearColumn: year, population: population) {
            CLI.printError("\(CLI.program) aggregate: \(warning)\n")
        }
        let export = try DisproportionalityCountsExport(
            aggregation: result, serviceColumn: service, groupColumn: group, stageColumn: stage, population: population,
            years: years, populationStage: try arguments.required(populationStage))
        if !export.totalsLeftOut.isEmpty {
            printNotes(["\(source): left out totals rows \(export.totalsLeftOut.map { "'\($0)'" }.joined(separator: ", ")) (not a service or group)"],
                       command: "aggregate")
        }
        if output.format == .text {
            var text = "\(result.summaryLine)\n"
            text += "Counts for disproportionality: \(export.services.count) service(s), \(export.groups.count) groups, \(export.stages.count) stages"
            text += population == nil ? "; no population rows (add --population FILE).\n\n" : "; population rows from \(population!.source).\n\n"
            text += TextTable(header: export.header, rows: export.rows).render()
            try output.write(text)
        } else if output.format == .csv {
            try output.write(CSVWriter.render(header: export.header, rows: export.rows))
        } else {
            let rows = export.rows.map { cells in
                ResultRow(zip(export.header, cells).map { name, cell in (name, name == "count" ? .integer(Int(cell) ?? 0) : .text(cell)) })
            }
            try output.write(rows: rows) { "" }
        }
        return .success
    }
}
