import Foundation

/// A dataset directory in the schema of the bundled `Datasets/` (documented in
/// `Datasets/README.md`): the inspection files the ratings engine reads plus the contextual files.
///
/// Required: `inspections.csv`, `ratings.csv`, `key_questions.csv`, `prompts.csv`,
/// `discretion.csv`, `demographics.csv`, `population.csv`, `caseload.csv`, `rates.csv` (the files
/// `yjstat extract` writes). Optional: `sample_composition.csv`.
///
/// Reading is strict: a missing required file, a missing column, a malformed or impossible cell
/// throws an ``InputError`` naming the file (and line and column), so nothing is ever computed
/// from a rejected row. Beyond the form checks of each row type this includes, across files:
/// every service must have a row in `inspections.csv`; the 10–17 population may not exceed the
/// total, nor the minority-ethnic 10–17 population the 10–17 population. Published figures that
/// are impossible (yes above relevant, relevant above the sample) or disagree with each other
/// (ratings, scores, rounding) are findings, not reading errors: the ``ConsistencyChecker``
/// reports those of `key_questions.csv` and ``promptFindings(service:)`` those of
/// `prompts.csv`, each with its line.
///
/// Each service is read with its own framework (``frameworks``, chosen by a
/// ``FrameworkSelection``): the one its `inspections.csv` row names, or one given for all. The rows
/// of `prompts.csv` and `discretion.csv` are validated against the framework of their service.
public struct SummaryDataset: Sendable {
    /// The files a dataset directory must hold.
    public static let requiredFiles = [InspectionsSchema.fileName, RatingsSchema.fileName, KeyQuestionsSchema.fileName,
                                       PromptsSchema.fileName, DiscretionSchema.fileName, DemographicsSchema.fileName,
                                       PopulationSchema.fileName, CaseloadSchema.fileName, RatesSchema.fileName]
    /// Files read when present.
    public static let optionalFiles = [SampleCompositionSchema.fileName]

    /// The directory read.
    public let directory: URL
    /// Inspections, published ratings and key questions.
    public let inspection: InspectionDataset
    /// The framework each service is read, checked and reviewed with.
    public let frameworks: ServiceFrameworks
    /// Prompt-level results.
    public let prompts: [PromptResult]
    /// Footnoted professional-discretion decisions.
    public let discretion: [DiscretionRecord]
    /// Demographics of children cautioned or sentenced, with comparators.
    public let demographics: [DemographicShare]
    /// Population counts.
    public let population: [PopulationFigure]
    /// Caseload by disposal.
    public let caseload: [CaseloadCount]
    /// Published rates beside England and Wales.
    public let rates: [PublishedRate]
    /// Inspected cases by disposal type (empty when the file is absent).
    public let sampleComposition: [SampleCompositionCount]
    /// Whether `sample_composition.csv` was present.
    public let hasSampleComposition: Bool

    /// Every service id, in `inspections.csv` order.
    public var services: [String] { inspection.inspections.map(\.service) }

    /// The input files that were read (an output may never replace one of them).
    public var inputFiles: [URL] {
        (Self.requiredFiles + (hasSampleComposition ? Self.optionalFiles : [])).map { directory.appendingPathComponent($0) }
    }

    /// Reads and validates a dataset directory, each service with the framework `selection`
    /// chooses for it from `inspections.csv` (``FrameworkSelection/frameworks(for:)``).
    ///
    /// - Throws: ``InputError`` naming the directory when it does not exist, or the file (line,
    ///   column) of the first problem found; a row of `prompts.csv` or `discretion.csv` that the
    ///   framework of its service does not allow names that framework.
    public static func read(directory: URL, frameworks selection: FrameworkSelection) throws -> SummaryDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: directory.path, message: "no such dataset folder")
        }
        func table(_ name: String) throws -> CSVTable {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw InputError(file: url.path, message: "missing dataset file (a dataset folder needs \(requiredFiles.joined(separator: ", ")))")
            }
            let table = try CSVReader.read(contentsOf: url)
            try table.requireUniqueRows(by: InspectionDataset.uniqueKeyColumns[name] ?? [])
            return table
        }
        let inspections = try table(InspectionsSchema.fileName), ratings = try table(RatingsSchema.fileName)
        let keyQuestions = try table(KeyQuestionsSchema.fileName)
        let inspection = try InspectionDataset(inspections: inspections, ratings: ratings, keyQuestions: keyQuestions)
        let frameworks = selection.frameworks(for: inspection)
        func rows<Schema: DatasetFileSchema>(_ schema: Schema.Type, _ given: CSVTable? = nil) throws -> [Schema.Row] {
            try Schema.rows(of: try given ?? table(Schema.fileName), frameworks: frameworks)
        }
        let compositionURL = directory.appendingPathComponent(SampleCompositionSchema.fileName)
        let hasComposition = FileManager.default.fileExists(atPath: compositionURL.path)
        let promptTable = try table(PromptsSchema.fileName), populationTable = try table(PopulationSchema.fileName)
        let dataset = SummaryDataset(
            directory: directory, inspection: inspection, frameworks: frameworks,
            prompts: try rows(PromptsSchema.self, promptTable),
            discretion: try rows(DiscretionSchema.self),
            demographics: try rows(DemographicsSchema.self),
            population: try rows(PopulationSchema.self, populationTable),
            caseload: try rows(CaseloadSchema.self),
            rates: try rows(RatesSchema.self),
            sampleComposition: hasComposition ? try rows(SampleCompositionSchema.self) : [],
            hasSampleComposition: hasComposition)
        try dataset.validateAcrossFiles(population: populationTable)
        return dataset
    }

    /// Creates a dataset from rows already read (no validation).
    public init(directory: URL, inspection: InspectionDataset, frameworks: ServiceFrameworks, prompts: [PromptResult],
                discretion: [DiscretionRecord], demographics: [DemographicShare], population: [PopulationFigure],
                caseload: [CaseloadCount], rates: [PublishedRate], sampleComposition: [SampleCompositionCount],
                hasSampleComposition: Bool) {
        self.directory = directory
        self.inspection = inspection
        self.frameworks = frameworks
        self.prompts = prompts
        self.discretion = discretion
        self.demographics = demographics
        self.population = population
        self.caseload = caseload
        self.rates = rates
        self.sampleComposition = sampleComposition
        self.hasSampleComposition = hasSampleComposition
    }

    /// The sample size of a domain's sample column (`court_sample`) for a service.
    public func sample(_ service: String, column: String) -> Int? {
        inspection.inspections.first { $0.service == service }?.samples[column]
    }

    /// A population figure of a service.
    public func populationFigure(_ service: String, _ measure: PopulationFigure.Measure) -> PopulationFigure? {
        population.first { $0.service == service && $0.measure == measure }
    }

    private func validateAcrossFiles(population populationTable: CSVTable) throws {
        let known = Set(services)
        func unknown(_ file: String, _ line: Int, _ service: String) -> InputError {
            InputError(file: file, line: line, message: "service '\(service)' has no row in inspections.csv")
        }
        for row in inspection.ratings where !known.contains(row.service) { throw unknown("ratings.csv", row.line, row.service) }
        for row in inspection.keyQuestions where !known.contains(row.service) { throw unknown("key_questions.csv", row.line, row.service) }
        for row in prompts where !known.contains(row.service) { throw unknown("prompts.csv", row.line, row.service) }
        for row in discretion where !known.contains(row.service) { throw unknown("discretion.csv", row.line, row.service) }
        for row in demographics where !known.contains(row.service) { throw unknown("demographics.csv", row.line, row.service) }
        for row in population where !known.contains(row.service) { throw unknown("population.csv", row.line, row.service) }
        for row in caseload where !known.contains(row.service) { throw unknown("caseload.csv", row.line, row.service) }
        for row in rates where !known.contains(row.service) { throw unknown("rates.csv", row.line, row.service) }
        for row in sampleComposition where !known.contains(row.service) { throw unknown("sample_composition.csv", row.line, row.service) }

        func column(_ table: CSVTable, _ name: String) -> Int? { table.columnIndex(name).map { $0 + 1 } }
        for service in services {
            guard let total = populationFigure(service, .total) else { continue }
            if let youth = populationFigure(service, .age10To17), youth.value > total.value {
                throw InputError(file: "population.csv", line: youth.line, column: column(populationTable, "value"),
                                 message: "the 10-17 population \(youth.value) is larger than the total population \(total.value) (line \(total.line))")
            }
        }
        for service in services {
            guard let youth = populationFigure(service, .age10To17), let minority = populationFigure(service, .age10To17BlackAndMinorityEthnic),
                  minority.value > youth.value else { continue }
            throw InputError(file: "population.csv", line: minority.line, column: column(populationTable, "value"),
                             message: "the minority-ethnic 10-17 population \(minority.value) is larger than the 10-17 population \(youth.value) (line \(youth.line))")
        }
    }

    /// Impossible published prompt figures, as located findings, by ``PublishedCountCheck`` (the
    /// checks extraction makes on a report's prompt rows): yes cases above relevant cases
    /// (``FindingCode/yesExceedsRelevant``), relevant cases above the domain's sample
    /// (``FindingCode/relevantExceedsSample``) and a printed percentage that no rounding of the
    /// counts gives (``FindingCode/percentMismatch``), all errors.
    ///
    /// Such a figure is a finding, not a reading error: a data-quality checker reports it with
    /// its place (`prompts.csv line 200`) and goes on checking everything else. The same checks on
    /// `key_questions.csv` are made by the ``ConsistencyChecker``, which leaves such a row out of
    /// the rating it recomputes.
    ///
    /// - Parameter service: The service whose prompts are checked; its framework
    ///   (``frameworks``) says which sample each key question is drawn from.
    /// - Returns: The findings in `prompts.csv` line order (empty when every figure is possible).
    public func promptFindings(service: String) -> [Finding] {
        let framework = frameworks.framework(for: service)
        return prompts.filter { $0.service == service }.flatMap { row -> [Finding] in
            let place = "prompts.csv line \(row.line)"
            let sampleColumn = framework.standard(containingKeyQuestion: row.keyQuestion)?.sampleColumn
            let size = sampleColumn.flatMap { sample(service, column: $0) }
            let failures = PublishedCountCheck.failures(relevant: row.relevant, yes: row.yes,
                                                        percent: row.percent.map { PrintedPercent(whole: $0) }, cases: size)
            return failures.map { failure in
                let what = "prompt \(row.prompt) of \(row.keyQuestion)"
                let message = switch failure {
                case let .yesExceedsRelevant(yes, relevant): "\(what) has \(yes) yes cases but only \(relevant) relevant (\(place))"
                case let .relevantExceedsCases(relevant, cases):
                    "\(what) has \(relevant) relevant cases but the sample (\(sampleColumn ?? "sample")) is \(cases) (\(place))"
                case let .percentMismatch(printed, yes, relevant):
                    "\(what) prints \(printed) but \(yes)/\(relevant) = \(NumberFormatting.fixed(Double(yes) * 100 / Double(relevant), 1))%, which rounds to neither (\(place))"
                }
                return Finding(code: failure.code, severity: failure.severity, service: service,
                               location: "\(row.keyQuestion) \(row.prompt)", message: message)
            }
        }
    }
}
