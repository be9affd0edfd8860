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
        and what could reveal them (complementary cells, or a stage total), and
        --suppression-report lists what was hidden and why; --round-to 5 rounds every count
        instead (conventional, or --rounding random with --seed). Text output is a plain-English summary.
        --format csv gives one tidy row per group and stage (rates to 1 decimal place, ratios to
        3 significant figures, units in the headers; --precision full keeps every digit, --wide
        gives every measure), with the warnings, methods and inputs in NAME.notes.txt beside
        --output NAME.csv (or as trailing # lines with --notes); --format json is one object
        with rows, warnings, methods and inputs.

        Column names are matched ignoring case and spacing, and the usual other names are
        accepted: \(ColumnName.group.helpText); \(ColumnName.stage.helpText);
        \(ColumnName.count.helpText); \(ColumnName.population.helpText) (a wide population
        column). Other names can be given with --group-column, --stage-column and --count-column.
        CSV files may be comma-, semicolon- or tab-separated, UTF-8 or Windows-1252; rows whose
        cells are all empty are skipped (each is said on standard error). With a service column
        (service first, as 'aggregate --counts-for disproportionality' writes), each service is
        analysed (--service ID, or all by default).

        A group named Total, All, All children, England, Wales, England and Wales or National is
        never analysed as a group: its counts are checked against the sum of the groups at each
        stage, and a stage where they differ is a finding (exit 1) naming the stage and the
        difference.

        Instead of --counts, --records reads a case-level extract (one row per child per outcome)
        in one streaming pass, counts children by --group-column and --stage-column for each
        service in --service-column, joins each service's population by group from --population
        (columns service, group, population, and optionally year) and analyses each service
        (--service ID, or 'all'). Output rows then start with a service column. --where keeps
        matching records (repeatable; year=2021..2023 for a range). When the records span
        several years and the population file has no year column a loud warning says the rates
        are that many times too high (five years of records over one year's population): choose
        a year with --where year=2023, or give a population by year, which is then summed over
        the years counted.
        """,
        examples: [
            "yjstat disproportionality --counts Datasets/examples/counts.csv --unknown Unknown",
            "yjstat disproportionality --counts Datasets/examples/counts.csv --base previous --stages arrest,court,custody --unknown Unknown",
            "yjstat disproportionality --counts Datasets/examples/counts_by_sex_age.csv --strata sex,age_band --unknown Unknown --format csv",
            "yjstat disproportionality --counts counts.csv --reference rest --interval koopman --suppress-below 5",
            "yjstat disproportionality --counts Datasets/examples/counts.csv --unknown Unknown --svg rri.svg",
            "yjstat disproportionality --records records.csv --service all --population population.csv --where year=2023 --format csv",
        ],
        options: [
            counts.spec, records.spec, service.spec, serviceColumn.spec, groupColumn.spec, stageColumn.spec, countColumn.spec,
            yearColumn.spec, filters.spec, population.spec, onError.spec, maxRecordBytes.spec, analysis.reference.spec, base.spec,
            analysis.stages.spec, DisproportionalityArguments.populationStage.spec, strata.spec, DisproportionalityArguments.unknown.spec,
            analysis.confidence.spec, interval.spec, zeroCell.spec, analysis.minimumCount.spec, analysis.minimumBase.spec,
            analysis.suppressBelow.spec, suppressionReport.spec, svg.spec, roundTo.spec, rounding.spec, seed.spec,
        ] + CommonOptions.formatAndOutput + TableOptions.all)

    static let counts = Option<String>("counts", "file", help: "Counts table (CSV, long or wide form).")
    static let records = Option<String>("records", "file", help: "Case-level extract (CSV, one row per child per outcome), instead of --counts.")
    static let service = Option<String>("service", "id", help: "The service to analyse, or 'all' (with --records, or --counts with a service column).")
    static let serviceColumn = Option<String>("service-column", "name", help: "With --records: the column naming the service.", default: "service")
    static let groupColumn = Option<String>("group-column", "name",
                                            help: "The column naming the group (default: group for --counts, ethnicity for --records).")
    static let stageColumn = Option<String>("stage-column", "name", help: "The column naming the stage (long-form --counts, and --records).",
                                            default: "stage")
    static let countColumn = Option<String>("count-column", "name", help: "With --counts (long form): the column holding the counts.",
                                            default: "count")
    static let yearColumn = Option<String>("year-column", "name", help: "With --records: the column naming the year.", default: "year")
    static let filters = Option<String>("where", "column=value",
                                        help: "With --records: keep records whose column equals the value, or lies in FIRST..LAST (repeatable).",
                                        repeatable: true)
    static let population = Option<String>("population", "file",
                                           help: "With --records: population by service and group (columns service, group, population; optionally year).")
    static let onError = Option<MalformedRowPolicy>("on-error", "policy", help: "With --records: what to do with a malformed row.", default: .stop)
    static let maxRecordBytes = Option<Int>.count("max-record-bytes", "n",
                                                  help: "With --records: longest row read, in bytes; a longer one is malformed.",
                                                  minimum: nil, default: StreamingCSVScanner.defaultMaximumRecordLength)
    static let base = Option<BaseMode>("base", "base", help: "Base of each stage's rate.", default: .population)
    static let strata = Option<[String]>("strata", "a,b", help: "Stratum columns for the Mantel-Haenszel adjustment.")
    static let interval = Option<DisproportionalityArguments.RRIInterval>("interval", "method", help: "RRI interval method.", default: .katz)
    static let zeroCell = Option<ZeroCellRule>(
        "zero-cell", "rule",
        help: "Zero cells the Katz or Woolf method would divide by (a or c; any cell for Woolf): exact uses the Koopman or exact conditional interval, haldane adds 0.5 to all four cells and reports the corrected estimate, none leaves the interval unbounded.",
        default: .exact)
    static let suppressionReport = Flag("suppression-report",
                                        help: "With --suppress-below: list the hidden cells and totals and why (primary or secondary), without their values, instead of the analysis.")
    static let svg = Option<String>("svg", "file",
                                    help: "Also draw the forest chart of the RRIs (log scale, intervals, small-number markers) to this SVG file (--counts without a service column).")
    static let roundTo = Option<Int>.count("round-to", "b",
                                           help: "Instead of suppression: round every count to a multiple of b (for example 5) before analysis.",
                                           minimum: nil)
    static let rounding = Option<CountRounding.Method>("rounding", "method", help: "With --round-to: conventional (nearest multiple) or random (unbiased).",
                                                       default: .conventional)
    static let seed = Option<Int>.count("seed", "n", help: "With --round-to b --rounding random: the seed of the random draws.", minimum: nil, default: 1)

    /// The analysis options as this command declares them.
    static let analysis = DisproportionalityArguments(
        minimumCount: .count("min-count", "n", help: "Flag counts below this as small.", minimum: nil, default: 10),
        minimumBase: .count("min-base", "n", help: "Flag bases below this as small.", minimum: nil, default: 30),
        suppressBelow: .count("suppress-below", "k", help: "Hide counts from 1 to k-1 and anything that would reveal them (GSS disclosure control guidance).",
                              minimum: nil),
        suppressionReport: suppressionReport, roundTo: roundTo, rounding: rounding, seed: seed, base: base, zeroCell: zeroCell, interval: interval)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let byCounts = arguments.wasGiven(Self.counts), byRecords = arguments.wasGiven(Self.records)
        guard byCounts != byRecords else {
            throw UsageError(byCounts ? "give either --counts or --records, not both" : "give --counts FILE or --records FILE")
        }
        if !byRecords {
            let recordsOnly = [(Self.population.name, arguments.wasGiven(Self.population)), (Self.filters.name, arguments.wasGiven(Self.filters)),
                               (Self.serviceColumn.name, arguments.wasGiven(Self.serviceColumn)), (Self.yearColumn.name, arguments.wasGiven(Self.yearColumn)),
                               (Self.onError.name, arguments.wasGiven(Self.onError)), (Self.maxRecordBytes.name, arguments.wasGiven(Self.maxRecordBytes))]
            for (flag, given) in recordsOnly where given { throw UsageError("--\(flag) goes with --records") }
        } else if arguments.wasGiven(Self.countColumn) {
            throw UsageError("--count-column goes with --counts")
        }
        let options = try analysis.analysisOptions(arguments)
        let choice = try TableChoice(arguments, format: output.format)
        let countsOptions = CountsTable.Options(
            populationStage: try arguments.required(DisproportionalityArguments.populationStage), stages: try analysis.stages(arguments),
            strata: try arguments.value(Self.strata)?.filter { !$0.isEmpty } ?? [], unknownLabel: try arguments.value(DisproportionalityArguments.unknown))
        if arguments.wasGiven(Self.svg), byRecords { throw UsageError("--svg draws one analysis: give --counts, not --records") }
        if byRecords {
            return try runRecords(arguments, output: output, options: options, countsOptions: countsOptions, choice: choice)
        }
        let path = try arguments.required(Self.counts)
        let url = try inputFile(path, flag: "--counts")
        var output = output
        output.inputs = [url]
        var csv = try CSVReader.read(contentsOf: url)
        printNotes(csv.notes, command: spec.name)
        for (option, canonical) in [(Self.groupColumn, "group"), (Self.stageColumn, "stage"), (Self.countColumn, "count")] where arguments.wasGiven(option) {
            csv = try csv.renamingColumn(try arguments.required(option), to: canonical, flag: "--\(option.name)")
        }
        let serviceColumn = ColumnName.service.match(in: csv.header)
        if serviceColumn == nil, let service = try arguments.value(Self.service) {
            throw UsageError("--service \(service): \(url.lastPathComponent) has no service column")
        }
        if let serviceColumn {
            if arguments.wasGiven(Self.svg) { throw UsageError("--svg draws one analysis: \(url.lastPathComponent) has a service column (one analysis per service)") }
            return try runServices(csv, arguments: arguments, serviceColumn: serviceColumn, wanted: try arguments.value(Self.service) ?? "all", output: output,
                                   options: options, countsOptions: countsOptions, choice: choice)
        }
        let table = try CountsTable(csv: csv, options: countsOptions)
        let report: DisproportionalityReport
        do {
            report = try DisproportionalityAnalysis.run(table, options: options)
        } catch let error as InvalidArgumentError {
            throw error.located(in: url.lastPathComponent)
        }
        let totals = TotalsRowsReport(checks: table.totalsChecks, hidesNumbers: { report.hidesTotals(of: $0) })
        if arguments.isSet(Self.suppressionReport) {
            try writeSuppressionReport([(nil, report)], arguments: arguments, output: output)
            return totals.finish(format: output.format, command: spec.name)
        }
        if let svgPath = try arguments.value(Self.svg) {
            let svgURL = InvocationContext.fileURL(svgPath)
            if let destination = output.destination, destination.standardizedFileURL == svgURL.standardizedFileURL {
                throw UsageError("--svg and --output name the same file")
            }
            let referenceChildren = report.reference == "rest" ? "children of all other groups combined" : "\(report.reference) children"
            let title = options.base == .population ? "Relative rate index by stage, against the population"
                : "Relative rate index by stage, over the previous stage"
            try output.writeFile(BoardForestChartSVG.render(rows: report.rows, stages: report.stages, labels: BoardLabels(), title: title,
                                                            referenceChildren: referenceChildren, confidence: report.confidence),
                                 to: svgURL, protecting: [url])
        }
        let document = ResultDocument(rows: choice.wide ? report.resultRows() : report.tidyRows(precision: choice.precision),
                                      warnings: report.readerWarnings + totals.warnings, methods: report.methods,
                                      inputs: resultInputs(arguments, fileOptions: fileOptions))
        try output.write(document: document, notes: choice.notes, command: spec.name) { report.textSummary() + totals.text }
        return totals.finish(format: output.format, command: spec.name)
    }

    /// `--counts` with a service column: one analysis per service, rows led by the service.
    static func runServices(_ csv: CSVTable, arguments: ParsedArguments, serviceColumn: String, wanted: String, output: CommandOutput,
                            options: DisproportionalityOptions, countsOptions: CountsTable.Options, choice: TableChoice) throws -> ExitCode {
        if ColumnName.group.match(in: csv.header) == nil {
            throw csv.missingColumnError("group", hint: "(name the group column with --group-column)")
        }
        let split = try csv.splitting(byColumn: serviceColumn)
        let national = split.map(\.value).filter(TotalRowLabel.isTotal)
        if !national.isEmpty {
            printNotes(["\(csv.source): left out \(national.map { "'\($0)'" }.joined(separator: ", ")): a totals or national row, not a service"],
                       command: spec.name)
        }
        let services = split.filter { !TotalRowLabel.isTotal($0.value) }
        let chosen = wanted == "all" ? services : services.filter { $0.value == wanted }
        guard !chosen.isEmpty else {
            throw InputError(file: csv.source, message: wanted == "all" ? "no service rows"
                : "no rows for service '\(wanted)' (services: \(services.prefix(5).map(\.value).joined(separator: ", "))\(services.count > 5 ? ", …" : ""))")
        }
        var results: [ServiceDisproportionality] = []
        var checks: [CountsTable.TotalsCheck] = []
        for (service, table) in chosen {
            let counts = try CountsTable(csv: table, options: countsOptions)
            do {
                results.append(ServiceDisproportionality(service: service, report: try DisproportionalityAnalysis.run(counts, options: options)))
            } catch let error as InvalidArgumentError {
                throw error.located(in: table.source)
            }
            checks += counts.totalsChecks.map { check in
                var named = check
                named.label = "\(check.label)' in service '\(service)"
                return named
            }
        }
        let totals = TotalsRowsReport(checks: checks, hidesNumbers: { check in
            results.contains { check.label.hasSuffix("in service '\($0.service)") && $0.report.hidesTotals(of: check) }
        })
        if arguments.isSet(Self.suppressionReport) {
            try writeSuppressionReport(results.map { ($0.service, $0.report) }, arguments: arguments, output: output)
            return totals.finish(format: output.format, command: spec.name)
        }
        try output.write(document: serviceDocument(results, arguments: arguments, choice: choice, extraWarnings: totals.warnings),
                         notes: choice.notes, command: spec.name) {
            results.map { "== \($0.service)\n\n" + $0.report.textSummary() }.joined(separator: "\n") + totals.text
        }
        return totals.finish(format: output.format, command: spec.name)
    }

    /// `--records`: one streaming pass over a case-level extract, then each service's analysis.
    static func runRecords(_ arguments: ParsedArguments, output: CommandOutput, options: DisproportionalityOptions,
                           countsOptions: CountsTable.Options, choice: TableChoice) throws -> ExitCode {
        let url = try inputFile(try arguments.required(Self.records), flag: "--records")
        guard let service = try arguments.value(Self.service) else { throw UsageError("--records needs --service ID or --service all") }
        guard let populationPath = try arguments.value(Self.population) else {
            throw UsageError("--records needs --population FILE (columns service, group, population): records carry no population base")
        }
        if !countsOptions.strata.isEmpty { throw UsageError("--strata is not available with --records; aggregate with the stratum columns instead") }
        let populationURL = try inputFile(populationPath, flag: "--population")
        var output = output
        output.inputs = [url, populationURL]
        let populationCSV = try CSVReader.read(contentsOf: populationURL)
        printNotes(populationCSV.notes, command: spec.name)
        let population = try ServicePopulation(csv: populationCSV)
        let policy = try arguments.required(Self.onError)
        let header = try CSVReader.header(ofFileAt: url)
        func column(_ option: Option<String>, _ fallback: String) throws -> String {
            let given = try arguments.value(option) ?? fallback
            guard let found = ColumnName.match(given, in: header) else {
                var message = "no column '\(given)' for --\(option.name) (found: \(header.joined(separator: ", ")))"
                if option.name == Self.groupColumn.name, let near = ColumnName.group.match(in: header) { message += "; try --group-column \(near)" }
                throw InputError(file: url.lastPathComponent, line: 1, message: message)
            }
            return found
        }
        let serviceColumn = try column(Self.serviceColumn, "service"), groupColumn = try column(Self.groupColumn, "ethnicity")
        let stageColumn = try column(Self.stageColumn, "stage")
        let yearColumn = ColumnName.match(try arguments.required(Self.yearColumn), in: header)
        if yearColumn == nil, arguments.wasGiven(Self.yearColumn) { _ = try column(Self.yearColumn, "year") }
        let filters = try AggregateCommand.whereFilters(arguments, Self.filters, header: header)
        var scanner = StreamingCSVScanner(keyColumns: [serviceColumn, groupColumn, stageColumn] + (yearColumn.map { [$0] } ?? []),
                                          filters: filters, onError: policy)
        // A blank service, group, stage or year is an error (or a skipped row) at its own line,
        // and every row message names the service.
        scanner.rejectsBlankKeys = true
        scanner.contextColumn = serviceColumn
        scanner.maximumRecordLength = try AggregateCommand.maximumRecordBytes(arguments, Self.maxRecordBytes)
        let aggregation = try scanner.aggregate(fileAt: url)
        if aggregation.recordsSkipped > 0 {
            CLI.printError("yjstat disproportionality: " + aggregation.summaryLine + "\n" + aggregation.skipReport)
        }
        let years = try yearColumn.map { RecordYears.counted(in: aggregation, yearColumn: $0, population: population) }
            ?? RecordYears.withoutYearColumn(population: population, recordsSource: url.lastPathComponent)
        if let warning = RecordYears.warning(for: aggregation, yearColumn: yearColumn, population: population) {
            CLI.printError("\(CLI.program) \(spec.name): \(warning)\n")
        }
        let table = try ServiceCountsTable(aggregation: aggregation, serviceColumn: serviceColumn, groupColumn: groupColumn,
                                           stageColumn: stageColumn, stageOrder: countsOptions.stages ?? [])
        // All services are counted in the one pass, so every service shares the file's groups and
        // stages: a stage one service never reached is a count of 0 there, not a missing stage.
        let national = table.services.filter(TotalRowLabel.isTotal)
        if !national.isEmpty {
            printNotes(["\(url.lastPathComponent): left out \(national.map { "'\($0)'" }.joined(separator: ", ")): a totals or national row, not a service"],
                       command: spec.name)
        }
        let services = service == "all" ? table.services.filter { !TotalRowLabel.isTotal($0) } : [service]
        guard !services.isEmpty, service == "all" || table.services.contains(service) else {
            let matched = filters.isEmpty ? "" : " matching --where"
            throw InputError(file: url.lastPathComponent, message: service == "all" ? "no records\(matched)" : "no records for service '\(service)'\(matched)")
        }
        let results = try ServiceDisproportionality.analyse(table, services: services, population: population,
                                                             countsOptions: countsOptions, options: options, source: url.lastPathComponent,
                                                             years: years)
        if arguments.isSet(Self.suppressionReport) {
            try writeSuppressionReport(results.map { ($0.service, $0.report) }, arguments: arguments, output: output)
            return .success
        }
        try output.write(document: serviceDocument(results, arguments: arguments, choice: choice, extraWarnings: []),
                         notes: choice.notes, command: spec.name) {
            results.map { "== \($0.service)\n\n" + $0.report.textSummary() }.joined(separator: "\n")
        }
        return .success
    }

    /// The options that name input files.
    static let fileOptions = ["counts", "records", "population"]

    /// The document of a run with one analysis per service: each service's rows, and its
    /// warnings and methods each led by the service ("A: ...") where they differ between services.
    static func serviceDocument(_ results: [ServiceDisproportionality], arguments: ParsedArguments, choice: TableChoice,
                                extraWarnings: [String]) -> ResultDocument {
        let rows = results.flatMap { choice.wide ? $0.resultRows() : $0.tidyRows(precision: choice.precision) }
        let warnings = results.flatMap { result in result.report.readerWarnings.map { "\(result.service): \($0)" } } + extraWarnings
        var methods: [String] = []
        for result in results {
            for method in result.report.methods where !methods.contains(method) { methods.append(method) }
        }
        return ResultDocument(rows: rows, warnings: warnings, methods: methods, inputs: resultInputs(arguments, fileOptions: fileOptions))
    }

    /// `--suppression-report`: which cells and totals were hidden and why, instead of the analysis.
    static func writeSuppressionReport(_ reports: [(service: String?, report: DisproportionalityReport)], arguments: ParsedArguments,
                                       output: CommandOutput) throws {
        let models = reports.compactMap { item in item.report.disclosure.map { (item.service, $0) } }
        try output.write(rows: models.flatMap { $0.1.reportRows(service: $0.0) }) {
            models.map { ($0.0.map { "== \($0)\n\n" } ?? "") + $0.1.reportText() }.joined(separator: "\n")
        }
    }
}

/// What the totals rows of a counts table said: a paragraph for the text output, and the exit
/// status (1 when the groups do not add up to a total at some stage).
struct TotalsRowsReport {
    let checks: [CountsTable.TotalsCheck]
    /// Whether a check's numbers must not be printed (disclosure control or rounding).
    var hidesNumbers: (CountsTable.TotalsCheck) -> Bool = { _ in false }

    func sentence(_ check: CountsTable.TotalsCheck) -> String {
        hidesNumbers(check) ? check.sentenceWithoutNumbers : check.sentence
    }

    /// The checks as warnings for the JSON document and the CSV notes ("Totals row: ...").
    var warnings: [String] {
        checks.map { "Totals row (\($0.addsUp ? "ok" : "finding")): \(sentence($0))." }
    }

    /// The paragraph appended to the text output (empty without totals rows).
    var text: String {
        guard !checks.isEmpty else { return "" }
        var out = "\nTotals rows (not analysed as groups; used to check that the groups add up):\n"
        for check in checks { out += "  \(check.addsUp ? "ok" : "FINDING"): \(sentence(check)).\n" }
        return out
    }

    /// Prints the findings on standard error for CSV and JSON output, and returns the exit code.
    func finish(format: OutputFormat, command: String) -> ExitCode {
        let mismatches = checks.filter { !$0.addsUp }
        if format != .text {
            for check in checks where check.addsUp {
                CLI.printError("\(CLI.program) \(command): note: totals row \(sentence(check))\n")
            }
            for check in mismatches {
                CLI.printError("\(CLI.program) \(command): finding: \(sentence(check))\n")
            }
        }
        return mismatches.isEmpty ? .success : .findings
    }
}
