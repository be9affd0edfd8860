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
    /// Extracts everything the report prints that the schema holds.
    /// - Parameters:
    ///   - text: The report's text.
    ///   - source: A label for messages (usually the file path); its last path component is used
    ///     to make a service id when the report names no service.
    /// - Returns: The extraction, possibly partial, with warnings, findings and completeness.
    public static func extract(text: String, source: String) -> ExtractionResult {
        let document = ReportDocument(text: text)
        var result = ExtractionResult(source: source, service: "")
        chooseFramework(document, into: &result)
        let mentions = StandardRatingsExtractor.mentions(document)
        let firstRating = mentions.first(where: \.inline)?.index
        var samples = InspectionFactsExtractor.extract(document, into: &result, firstRatingIndex: firstRating)
        identifyService(document, source: source, into: &result)
        if result.inspection.score == nil {
            result.warnings.append(ExtractionWarning(line: nil, "no printed score (\"Score n/36\") found"))
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

    /// The framework reports are read with: the bundled youth framework (its file is the only
    /// description of standards, key questions, wording cues, bands and score rules).
    public static let framework: Framework = {
        do { return try Framework.youth2018() } catch { preconditionFailure("the bundled framework does not decode: \(error)") }
    }()

    /// Every bundled framework, for choosing by what a report prints.
    static let bundledFrameworks: [Framework] = BundledFrameworks.all.keys.sorted().compactMap {
        try? Framework.decode(BundledFrameworks.all[$0] ?? "", source: "bundled framework \($0)")
    }

    /// The key-question ids of ``framework``.
    static let keyQuestionIDs: Set<String> = Set(framework.keyQuestionIDs)

    /// Chooses the framework from the standards the report prints ("2.1 Assessment") and says
    /// why; a printed standard no bundled framework has (a later framework's resettlement
    /// standard, say) is a warning, since its rating cannot be read.
    static func chooseFramework(_ document: ReportDocument, into result: inout ExtractionResult) {
        var printed: Set<String> = []
        var unknown: [(String, Int)] = []
        for line in document.body {
            guard let first = line.words.first, line.words.count >= 2, line.words.count <= 8 else { continue }
            let id = first.hasSuffix(".") ? first.dropLast() : first
            let parts = id.split(separator: ".")
            guard parts.count == 2, parts.allSatisfy({ $0.count == 1 && $0.allSatisfy(\.isASCIIDigit) }),
                  line.words[1].first?.isUppercase == true else { continue }
            if framework.standard(String(id)) != nil {
                printed.insert(String(id))
            } else if !unknown.contains(where: { $0.0 == String(id) }), line.words[1].lowercased() == "resettlement" {
                unknown.append((String(id) + " " + line.words.dropFirst().joined(separator: " "), line.number))
            }
        }
        let candidates = bundledFrameworks.map { candidate in
            (candidate, candidate.standards.filter { printed.contains($0.id) }.count)
        }
        let best = candidates.max { $0.1 < $1.1 }?.0 ?? framework
        let scored = best.standards.filter(\.isScored).map(\.id)
        result.framework = best.id
        result.frameworkReason = "the report prints \(printed.count) of the \(best.standards.count) standards of \(best.id) (\(scored.count) scored)"
        for (standard, line) in unknown {
            result.warnings.append(ExtractionWarning(line: line,
                "the report prints standard \(standard), which framework \(best.id) does not have; its rating is not extracted"))
        }
    }

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
            result.warnings.append(ExtractionWarning(line: nil, "no service name found (looked for the rating page's 'NAME Score n/36', 'Service: NAME', and 'The NAME should:')"))
        }
    }
}
