/// Reads the text of a youth inspection report (as a PDF or Word converter produced it) into
/// the inspection dataset schema.
///
/// The extractor is built around the framework's structure (standard ids 1.1–3.4, key-question
/// wording, the known table shapes), not around line positions, so it can read reports it has
/// not seen. Every value keeps the input line it came from; text that cannot be placed becomes a
/// warning with its line; cross-checks between printed figures become findings. It accepts any
/// input: the result may be empty, never an error.
///
/// ```swift
/// let result = ReportExtractor.extract(text: text, source: "brent.txt")
/// result.ratings.count                     // 12
/// result.completeness.keyQuestionsMissing  // []
/// ```
public enum ReportExtractor {
    /// Extracts everything the report prints that the schema holds, reading it with the bundled
    /// framework it was inspected under (``bundledFrameworks``, chosen by what the report prints).
    /// - Parameters:
    ///   - text: The report's text.
    ///   - source: A label for messages (usually the file path); its last path component is used
    ///     to make a service id when the report names no service.
    /// - Returns: The extraction, possibly partial, with warnings, findings and completeness.
    public static func extract(text: String, source: String) -> ExtractionResult {
        extract(text: text, source: source, frameworks: bundledFrameworks)
    }

    /// Extracts a report, choosing its framework among `frameworks` (oldest first) by what the
    /// report prints: its standard list, else its fieldwork or publication month (see
    /// ``ExtractionResult/frameworkReason`` for the reason given). Pass one framework to read
    /// every report with it (`extract --framework FILE`).
    ///
    /// The chosen framework is the only description of the framework every step uses: section
    /// and standard names, key-question ids and wording cues, the maximum score, the bands of the
    /// discretion notes, completeness, and the ``ConsistencyChecker`` run on the extracted rows.
    /// - Parameter frameworks: The candidates; an empty list means ``bundledFrameworks``.
    public static func extract(text: String, source: String, frameworks: [Framework]) -> ExtractionResult {
        let document = ReportDocument(text: text)
        let choice = FrameworkChoice(document, among: frameworks.isEmpty ? bundledFrameworks : frameworks)
        var result = ExtractionResult(source: source, service: "", framework: choice.framework)
        result.frameworkReason = choice.reason
        result.warnings.append(contentsOf: choice.warnings)
        let mentions = StandardRatingsExtractor.mentions(document, framework: choice.framework)
        let firstRating = mentions.first(where: \.inline)?.index
        var samples = InspectionFactsExtractor.extract(document, into: &result, firstRatingIndex: firstRating)
        identifyService(document, source: source, into: &result)
        if result.inspection.score == nil {
            result.warnings.append(ExtractionWarning(line: nil, "no printed score (\"Score n/\(result.framework.maximumScore)\") found"))
        }
        if result.inspection.overallRating == nil {
            result.warnings.append(ExtractionWarning(line: nil, "no overall rating found"))
        }
        StandardRatingsExtractor.extract(mentions, into: &result)
        samples += KeyQuestionExtractor.extract(document, mentions: mentions, into: &result)
        ExtractionCrossChecks.chooseSamples(samples, into: &result)
        NarrativePromptExtractor.extract(document, mentions: mentions, into: &result)
        SampleCompositionExtractor.extract(document, into: &result)
        DiscretionExtractor.extract(document, into: &result)
        ContextualFactsExtractor.extract(document, into: &result)
        for (table, present) in result.completeness.contextualTables.sorted(by: { $0.key < $1.key }) where !present {
            result.warnings.append(ExtractionWarning(line: nil, "contextual table \(table) not found"))
        }
        ExtractionCrossChecks.run(on: &result)
        return result
    }

    /// Every bundled framework (``Framework/bundled()``), oldest first: the candidates a report's
    /// framework is chosen from.
    public static let bundledFrameworks: [Framework] = {
        do { return try Framework.bundled() } catch { preconditionFailure("a bundled framework does not decode: \(error)") }
    }()

    /// Sets the service id from the title or running header (``ServiceIdentity``), and the
    /// name from the rating page, or from the recommendations sentence when it names the same
    /// service; a name that names another service is a warning and is not used.
    static func identifyService(_ document: ReportDocument, source: String, into result: inout ExtractionResult) {
        let titled = ServiceIdentity.place(in: document.lines)
        let titleSlug = titled.flatMap { ServiceSlug.make(from: $0.place) }
        if result.inspection.name == nil, let sentence = InspectionFactsExtractor.nameFromRecommendations(document) {
            if titleSlug == nil || ServiceSlug.make(from: sentence.value) == titleSlug {
                result.inspection.name = sentence
            } else {
                result.warnings.append(ExtractionWarning(line: sentence.line,
                    "'\(sentence.value)' names another service than the \(titled?.source ?? "title") ('\(titled?.place ?? "")'); not used as the name"))
            }
        }
        let nameSlug = result.inspection.name.flatMap { ServiceSlug.make(from: $0.value) }
        if let titleSlug {
            result.inspection.service = titleSlug
            if let nameSlug, nameSlug != titleSlug, let name = result.inspection.name {
                result.warnings.append(ExtractionWarning(line: name.line,
                    "the name '\(name.value)' does not match the \(titled?.source ?? "title") '\(titled?.place ?? "")'; the service id comes from the \(titled?.source ?? "title")"))
            }
        } else if let nameSlug {
            result.inspection.service = nameSlug
        } else {
            let base = source.split(separator: "/").last.map(String.init) ?? source
            let stem = base.split(separator: ".").first.map(String.init) ?? base
            result.inspection.service = ServiceSlug.make(from: "unnamed " + stem) ?? "unnamed"
            result.warnings.append(ExtractionWarning(line: nil, "no service name found in the title, running header or rating page; using the id '\(result.inspection.service)'"))
        }
        if result.inspection.name == nil {
            result.warnings.append(ExtractionWarning(line: nil, "no service name found (looked for the rating page's 'NAME Score n/max', 'Service: NAME', and 'The NAME should:')"))
        }
    }
}
