import ArgumentParsing
import Foundation
import YJStat

extension GLMFamily: ChoiceOptionValue {}
extension LinearSystem.Backend: ChoiceOptionValue {}

/// `yjstat model`: adjusted odds ratios (logistic regression on a case-level extract) or
/// adjusted rate ratios (Poisson regression on a counts table with an exposure column).
enum ModelCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "model",
        abstract: "Adjusted disparities: logistic regression from case-level records, Poisson regression from counts.",
        discussion: """
        --records: streams the extract once into counts by covariate pattern (the --terms), then
        fits a logistic regression of --outcome COLUMN=VALUE among the records selected by
        --among (repeatable; the same column matches any of its values), --where and --service,
        so the fit's cost does not grow with the number of rows. With one row per child per
        outcome, the outcome's rows must be among those at risk: --outcome stage=remand
        --among stage=court --among stage=remand. --counts with --family poisson: a log-linear
        model of --count-column with log(--offset) as offset, for adjusted rate ratios.
        Terms are categorical, treatment-coded against --reference TERM=LEVEL (default: the
        level with most records). Reports each adjusted ratio with Wald and profile-likelihood
        intervals beside the crude ratio, a likelihood-ratio test of each term as a whole,
        deviance, AIC and convergence. When a level has no outcome or only outcomes (or the
        outcome is otherwise perfectly predicted) maximum likelihood has no finite answer: the
        cells are named and the run stops; --firth fits Firth's penalised likelihood instead.
        """,
        examples: [
            "yjstat model --records records.csv --outcome stage=remand --among stage=court --among stage=remand --terms ethnicity,sex,age,offence --reference ethnicity=White",
            "yjstat model --records records.csv --outcome stage=remand --among stage=court --among stage=remand --terms ethnicity,sex --service leeds --firth",
            "yjstat model --counts strata.csv --family poisson --count-column fte --offset population --terms ethnicity,sex,age_band",
        ],
        options: [records.spec, counts.spec, terms.spec, outcome.spec, among.spec, filters.spec, service.spec, serviceColumn.spec,
                  reference.spec, family.spec, countColumn.spec, offset.spec, firth.spec, level.spec, solver.spec, onError.spec, threads.spec]
            + CommonOptions.formatAndOutput)

    static let records = Option<String>("records", "file", help: "Case-level CSV extract (one row per child per outcome).")
    static let counts = Option<String>("counts", "file", help: "Counts table (one row per stratum) for --family poisson.")
    static let terms = Option<[String]>("terms", "columns", help: "Comma-separated categorical terms (columns).", required: true)
    static let outcome = Option<String>("outcome", "column=value",
                                        help: "With --records: the outcome; a record has it when its column equals the value.")
    static let among = Option<String>("among", "column=value", help: "With --records: the records at risk (repeatable).", repeatable: true)
    static let filters = Option<String>("where", "column=value", help: "With --records: keep only matching rows (repeatable).", repeatable: true)
    static let service = Option<String>("service", "id", help: "With --records: one service, or 'all' to pool every service.", default: "all")
    static let serviceColumn = Option<String>("service-column", "name", help: "With --records: the column naming the service.", default: "service")
    static let reference = Option<String>("reference", "term=level", help: "Reference level of a term (repeatable).", repeatable: true)
    static let family = Option<GLMFamily>("family", "family", help: "binomial (logit link) or poisson (log link).", default: .binomial)
    static let countColumn = Option<String>("count-column", "name", help: "With --counts: the column of counts.", default: "count")
    static let offset = Option<String>("offset", "column",
                                       help: "With --counts: the exposure column (e.g. population); log(exposure) is the offset.")
    static let firth = Flag("firth", help: "Fit Firth's penalised likelihood (finite under separation).")
    static let level = Option<Double>("level", "p", help: "Confidence level of every interval.", default: 0.95)
    static let solver = Option<LinearSystem.Backend>("solver", "backend",
                                                     help: "Linear-algebra backend (lapacke needs a build with --traits LAPACKE).",
                                                     default: LinearSystem.backend)
    static let onError = Option<MalformedRowPolicy>("on-error", "policy", help: "With --records: what to do with a malformed row.", default: .stop)
    static let threads = Option<Int>("threads", "n", help: "With --records: parsing threads (default: the number of cores).")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let byRecords = arguments.wasGiven(Self.records)
        guard byRecords != arguments.wasGiven(Self.counts) else {
            throw UsageError(byRecords ? "give either --records or --counts, not both" : "give --records FILE or --counts FILE")
        }
        let terms = try arguments.required(Self.terms).filter { !$0.isEmpty }
        guard !terms.isEmpty else { throw UsageError("--terms needs at least one column name") }
        if let repeated = terms.first(where: { name in terms.filter { $0 == name }.count > 1 }) {
            throw UsageError("--terms names column '\(repeated)' more than once")
        }
        var references: [String: String] = [:]
        for text in try arguments.values(Self.reference) {
            guard let filter = ColumnFilter(parsing: text) else { throw UsageError("--reference must be TERM=LEVEL; got '\(text)'") }
            guard terms.contains(filter.column) else {
                throw UsageError("--reference names term '\(filter.column)', which is not in --terms (\(terms.joined(separator: ",")))")
            }
            references[filter.column] = filter.value
        }
        let level = try arguments.required(Self.level)
        guard level > 0, level < 1 else {
            throw UsageError("--level must be a probability between 0 and 1, e.g. 0.95")
        }
        let backend = try arguments.required(solver)
        guard backend.isAvailable else {
            throw UsageError("--solver \(backend.rawValue) is not available in this build (build with --traits LAPACKE)")
        }
        let family = try arguments.required(Self.family)
        var output = output
        if byRecords {
            guard family == .binomial else {
                throw UsageError("--family poisson needs --counts FILE with --offset COLUMN (records carry no exposure)")
            }
            if arguments.wasGiven(Self.offset) { throw UsageError("--\(Self.offset.name) goes with --counts") }
            return try runRecords(arguments, terms: terms, references: references, level: level, backend: backend, output: &output)
        }
        let recordsOnly = [(Self.outcome.name, arguments.wasGiven(Self.outcome)), (Self.among.name, arguments.wasGiven(Self.among)),
                           (Self.filters.name, arguments.wasGiven(Self.filters)), (Self.onError.name, arguments.wasGiven(Self.onError)),
                           (Self.threads.name, arguments.wasGiven(Self.threads))]
        for (flag, given) in recordsOnly where given { throw UsageError("--\(flag) goes with --records") }
        guard family == .poisson else {
            throw UsageError("--counts fits --family poisson (with --offset COLUMN); a logistic regression needs --records")
        }
        guard let offset = try arguments.value(Self.offset) else { throw UsageError("--family poisson needs --offset COLUMN (the exposure, e.g. population)") }
        let url = try inputFile(try arguments.required(Self.counts), flag: "--counts")
        output.inputs = [url]
        let table = try CSVReader.read(contentsOf: url)
        let countColumn = try arguments.required(Self.countColumn)
        let patterns = try CovariatePatterns.counts(table: table, terms: terms, countColumn: countColumn, exposureColumn: offset)
        let fit = try modelErrors(source: url.lastPathComponent) {
            try PoissonRegression.fit(patterns, references: references, firth: arguments.isSet(Self.firth),
                                      confidenceLevel: level, backend: backend, outcome: countColumn, exposure: offset)
        }
        let context = ModelReportContext(
            title: "Poisson regression of \(countColumn) per \(offset) (adjusted rate ratios)", source: url.lastPathComponent)
        try output.write(rows: fit.model.resultRows(context: context)) { fit.model.textReport(context: context) }
        return .success
    }

    private static func runRecords(_ arguments: ParsedArguments, terms: [String], references: [String: String], level: Double,
                                   backend: LinearSystem.Backend, output: inout CommandOutput) throws -> ExitCode {
        let url = try inputFile(try arguments.required(Self.records), flag: "--records")
        output.inputs = [url]
        guard let outcomeText = try arguments.value(Self.outcome) else { throw UsageError("--records needs --outcome COLUMN=VALUE, e.g. --outcome stage=remand") }
        guard let outcome = ColumnFilter(parsing: outcomeText) else { throw UsageError("--outcome must be COLUMN=VALUE; got '\(outcomeText)'") }
        if terms.contains(outcome.column) { throw UsageError("the outcome column '\(outcome.column)' cannot also be a term") }
        func filters(_ option: Option<String>) throws -> [ColumnFilter] {
            try arguments.values(option).map { text in
                guard let filter = ColumnFilter(parsing: text) else { throw UsageError("--\(option.name) must be COLUMN=VALUE; got '\(text)'") }
                return filter
            }
        }
        let among = try filters(Self.among)
        let outcomeColumnAmong = among.filter { $0.column == outcome.column }
        if !outcomeColumnAmong.isEmpty, !outcomeColumnAmong.contains(where: { $0.value == outcome.value }) {
            let listed = outcomeColumnAmong.map { "--among \($0.column)=\($0.value)" }.joined(separator: " ")
            throw UsageError("--outcome \(outcome.column)=\(outcome.value) never occurs among \(listed): no selected record can have it. With one row per child per outcome, add it to the records at risk: \(listed) --among \(outcome.column)=\(outcome.value)")
        }
        var selection = among + (try filters(Self.filters))
        let service = try arguments.required(Self.service)
        if service != "all" { selection.append(ColumnFilter(column: try arguments.required(serviceColumn), value: service)) }
        let policy = try arguments.required(onError)
        var scanner = StreamingCSVScanner(keyColumns: terms + [outcome.column], filters: selection, onError: policy)
        if let threads = try arguments.value(Self.threads) {
            guard threads >= 1 else { throw UsageError("--threads must be at least 1; got \(threads)") }
            scanner.threads = threads
        }
        let aggregation = try scanner.aggregate(fileAt: url)
        if aggregation.recordsSkipped > 0 { CLI.printError("yjstat model: " + aggregation.summaryLine + "\n" + aggregation.skipReport) }
        let amongLabel = among.isEmpty ? "all records" : Dictionary(grouping: among, by: \.column)
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.map(\.value).joined(separator: "|"))" }.joined(separator: ", ")
        let scope = service == "all" ? "" : " in service \(service)"
        let patterns = try CovariatePatterns.binomial(aggregation: aggregation, terms: terms, outcome: outcome)
        if patterns.patterns.isEmpty {
            throw InputError(file: url.lastPathComponent, message: "no records match \(amongLabel)\(scope)\(service == "all" ? "" : " (check --service)")")
        }
        let fit = try modelErrors(source: url.lastPathComponent) {
            try LogisticRegression.fit(patterns, references: references, firth: arguments.isSet(Self.firth), confidenceLevel: level,
                                       backend: backend, outcome: outcome.column + "=" + outcome.value, among: amongLabel + scope)
        }
        let context = ModelReportContext(
            title: "Logistic regression of \(outcome.column)=\(outcome.value) among \(amongLabel)\(scope) (adjusted odds ratios)",
            source: url.lastPathComponent, recordsRead: aggregation.recordsRead, recordsExcluded: aggregation.recordsExcluded)
        try output.write(rows: fit.model.resultRows(context: context)) { fit.model.textReport(context: context) }
        return .success
    }

    /// Input problems (absent outcome, one-level term, absent reference) exit 2 naming the file;
    /// separation, aliasing and non-convergence are findings about the data (exit 1).
    private static func modelErrors<T>(source: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModelError {
            switch error {
            case .separation, .aliased, .notConverged: throw error
            default: throw InputError(file: source, message: error.message)
            }
        }
    }
}
