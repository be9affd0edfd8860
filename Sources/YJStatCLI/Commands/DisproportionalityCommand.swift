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
            .value("counts", "file", help: "Counts table (CSV, long or wide form)."),
            .value("records", "file", help: "Case-level extract (CSV, one row per child per outcome), instead of --counts."),
            .value("service", "id", help: "The service to analyse, or 'all' (with --records, or --counts with a service column)."),
            .value("service-column", "name", help: "With --records: the column naming the service.", default: "service"),
            .value("group-column", "name", help: "The column naming the group (default: group for --counts, ethnicity for --records)."),
            .value("stage-column", "name", help: "The column naming the stage (long-form --counts, and --records).", default: "stage"),
            .value("count-column", "name", help: "With --counts (long form): the column holding the counts.", default: "count"),
            .value("year-column", "name", help: "With --records: the column naming the year.", default: "year"),
            .value("where", "column=value", help: "With --records: keep records whose column equals the value, or lies in FIRST..LAST (repeatable).",
                   repeatable: true),
            .value("population", "file", help: "With --records: population by service and group (columns service, group, population; optionally year)."),
            .value("on-error", "policy", help: "With --records: what to do with a malformed row.", default: "stop",
                   choices: MalformedRowPolicy.allCases.map(\.rawValue)),
            .value("max-record-bytes", "n", help: "With --records: longest row read, in bytes; a longer one is malformed.",
                   default: String(StreamingCSVScanner.defaultMaximumRecordLength)),
            .value("reference", "group", help: "Reference group, or 'rest' for all other known groups combined (default White)."),
            .value("base", "base", help: "Base of each stage's rate.", default: "population", choices: BaseMode.allCases.map(\.rawValue)),
            .value("stages", "a,b,c", help: "Stages to report, in order (default: order of first appearance)."),
            .value("population-stage", "name", help: "Name of the population stage.", default: "population"),
            .value("strata", "a,b", help: "Stratum columns for the Mantel-Haenszel adjustment."),
            .value("unknown", "label", help: "Label of the unknown-ethnicity group."),
            .value("confidence", "c", help: "Two-sided confidence level in (0, 1).", default: "0.95"),
            .value("interval", "method", help: "RRI interval method.", default: "katz", choices: ["katz", "koopman"]),
            .value("zero-cell", "rule", help: "Zero cells the Katz or Woolf method would divide by (a or c; any cell for Woolf): exact uses the Koopman or exact conditional interval, haldane adds 0.5 to all four cells and reports the corrected estimate, none leaves the interval unbounded.",
                   default: "exact", choices: ZeroCellRule.allCases.map(\.rawValue)),
            .value("min-count", "n", help: "Flag counts below this as small.", default: "10"),
            .value("min-base", "n", help: "Flag bases below this as small.", default: "30"),
            .value("suppress-below", "k", help: "Hide counts from 1 to k-1 and anything that would reveal them (GSS disclosure control guidance)."),
            .flag("suppression-report", help: "With --suppress-below: list the hidden cells and totals and why (primary or secondary), without their values, instead of the analysis."),
            .value("svg", "file", help: "Also draw the forest chart of the RRIs (log scale, intervals, small-number markers) to this SVG file (--counts without a service column)."),
            .value("round-to", "b", help: "Instead of suppression: round every count to a multiple of b (for example 5) before analysis."),
            .value("rounding", "method", help: "With --round-to: conventional (nearest multiple) or random (unbiased).", default: "conventional",
                   choices: CountRounding.Method.allCases.map(\.rawValue)),
            .value("seed", "n", help: "With --round-to b --rounding random: the seed of the random draws.", default: "1"),
        ] + CommonOptions.formatAndOutput + TableOptions.all)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        guard arguments.has("counts") != arguments.has("records") else {
            throw UsageError(arguments.has("counts") ? "give either --counts or --records, not both" : "give --counts FILE or --records FILE")
        }
        if !arguments.has("records") {
            for flag in ["population", "where", "service-column", "year-column", "on-error", "max-record-bytes"] where arguments.has(flag) {
                throw UsageError("--\(flag) goes with --records")
            }
        } else if arguments.has("count-column") {
            throw UsageError("--count-column goes with --counts")
        }
        let options = try analysisOptions(arguments)
        let choice = try TableChoice(arguments, format: output.format)
        let countsOptions = CountsTable.Options(
            populationStage: arguments.string("population-stage") ?? "population", stages: arguments.list("stages"),
            strata: arguments.list("strata") ?? [], unknownLabel: arguments.string("unknown"))
        if arguments.has("svg"), arguments.has("records") { throw UsageError("--svg draws one analysis: give --counts, not --records") }
        if arguments.has("records") {
            return try runRecords(arguments, output: output, options: options, countsOptions: countsOptions, choice: choice)
        }
        let path = try arguments.required("counts")
        let url = try inputFile(path, flag: "--counts")
        var output = output
        output.inputs = [url]
        var csv = try CSVReader.read(contentsOf: url)
        printNotes(csv.notes, command: spec.name)
        for (flag, canonical) in [("group-column", "group"), ("stage-column", "stage"), ("count-column", "count")] {
            if arguments.has(flag), let given = arguments.string(flag) {
                csv = try csv.renamingColumn(given, to: canonical, flag: "--\(flag)")
            }
        }
        let serviceColumn = ColumnName.service.match(in: csv.header)
        if serviceColumn == nil, let service = arguments.string("service") {
            throw UsageError("--service \(service): \(url.lastPathComponent) has no service column")
        }
        if let serviceColumn {
            if arguments.has("svg") { throw UsageError("--svg draws one analysis: \(url.lastPathComponent) has a service column (one analysis per service)") }
            return try runServices(csv, arguments: arguments, serviceColumn: serviceColumn, wanted: arguments.string("service") ?? "all", output: output,
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
        if arguments.flag("suppression-report") {
            try writeSuppressionReport([(nil, report)], arguments: arguments, output: output)
            return totals.finish(format: output.format, command: spec.name)
        }
        if let svgPath = arguments.string("svg") {
            let svgURL = InvocationContext.fileURL(svgPath)
            if let destination = output.destination, destination.standardizedFileURL == svgURL.standardizedFileURL {
                throw UsageError("--svg and --output name the same file")
            }
            let referenceChildren = report.reference == "rest" ? "children of all other groups combined" : "\(report.reference) children"
            let title = options.base == .population ? "Relative rate index by stage, against the population"
                : "Relative rate index by stage, over the previous stage"
            try AtomicFileWriter.write(BoardForestChartSVG.render(rows: report.rows, stages: report.stages, labels: BoardLabels(), title: title,
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
        if arguments.flag("suppression-report") {
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
        let url = try inputFile(try arguments.required("records"), flag: "--records")
        guard let service = arguments.string("service") else { throw UsageError("--records needs --service ID or --service all") }
        guard let populationPath = arguments.string("population") else {
            throw UsageError("--records needs --population FILE (columns service, group, population): records carry no population base")
        }
        if !countsOptions.strata.isEmpty { throw UsageError("--strata is not available with --records; aggregate with the stratum columns instead") }
        let populationURL = try inputFile(populationPath, flag: "--population")
        var output = output
        output.inputs = [url, populationURL]
        let populationCSV = try CSVReader.read(contentsOf: populationURL)
        printNotes(populationCSV.notes, command: spec.name)
        let population = try ServicePopulation(csv: populationCSV)
        let policy = try arguments.choice("on-error", as: MalformedRowPolicy.self) ?? .stop
        let header = try CSVReader.header(ofFileAt: url)
        func column(_ flag: String, _ fallback: String) throws -> String {
            let given = arguments.string(flag) ?? fallback
            guard let found = ColumnName.match(given, in: header) else {
                var message = "no column '\(given)' for --\(flag) (found: \(header.joined(separator: ", ")))"
                if flag == "group-column", let near = ColumnName.group.match(in: header) { message += "; try --group-column \(near)" }
                throw InputError(file: url.lastPathComponent, line: 1, message: message)
            }
            return found
        }
        let serviceColumn = try column("service-column", "service"), groupColumn = try column("group-column", "ethnicity")
        let stageColumn = try column("stage-column", "stage")
        let yearColumn = ColumnName.match(arguments.string("year-column") ?? "year", in: header)
        if yearColumn == nil, arguments.has("year-column") { _ = try column("year-column", "year") }
        let filters = try AggregateCommand.whereFilters(arguments, header: header)
        var scanner = StreamingCSVScanner(keyColumns: [serviceColumn, groupColumn, stageColumn] + (yearColumn.map { [$0] } ?? []),
                                          filters: filters, onError: policy)
        // A blank service, group, stage or year is an error (or a skipped row) at its own line,
        // and every row message names the service.
        scanner.rejectsBlankKeys = true
        scanner.contextColumn = serviceColumn
        scanner.maximumRecordLength = try AggregateCommand.maximumRecordBytes(arguments)
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
        if arguments.flag("suppression-report") {
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

    /// The analysis options shared by --counts and --records.
    /// The analysis options from the flags a command declares (`board` declares only some of
    /// them: the others keep their defaults).
    static func analysisOptions(_ arguments: ParsedArguments) throws -> DisproportionalityOptions {
        func declared<T>(_ name: String, _ read: () throws -> T?) rethrows -> T? { arguments.declares(name) ? try read() : nil }
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
        if declared("suppression-report", { arguments.flag("suppression-report") }) == true, suppressBelow == nil {
            throw UsageError("--suppression-report goes with --suppress-below K")
        }
        var rounding: CountRounding? = nil
        if let base = try declared("round-to", { try arguments.count("round-to") }) {
            guard base >= 2 else { throw UsageError("--round-to must be at least 2; got \(base)") }
            guard suppressBelow == nil else { throw UsageError("give either --suppress-below or --round-to, not both") }
            let method = try arguments.choice("rounding", as: CountRounding.Method.self) ?? .conventional
            let seed = try arguments.count("seed") ?? 1
            guard seed >= 0 else { throw UsageError("--seed must not be negative; got \(seed)") }
            rounding = try CountRounding(base: base, method: method, seed: UInt64(seed))
        } else {
            for flag in ["rounding", "seed"] where arguments.declares(flag) && arguments.has(flag) { throw UsageError("--\(flag) goes with --round-to") }
        }
        let base = try declared("base", { try arguments.choice("base", as: BaseMode.self) }) ?? .population
        let zeroCell = try declared("zero-cell", { try arguments.choice("zero-cell", as: ZeroCellRule.self) }) ?? .exact
        let interval: RatioIntervalMethod = declared("interval", { arguments.string("interval") }) == "koopman" ? .koopman : .katz
        let reference: ReferenceChoice? = arguments.string("reference").map { $0 == "rest" ? .rest : .group($0) }
        if let stages = arguments.list("stages"), stages.isEmpty { throw UsageError("--stages needs at least one stage name") }
        return DisproportionalityOptions(
            reference: reference, base: base, confidence: confidence, rriInterval: interval, zeroCell: zeroCell,
            minimumCount: minimumCount, minimumBase: minimumBase, suppressBelow: suppressBelow, rounding: rounding)
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
