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
        let mentions = StandardRatingsExtractor.mentions(document)
        let firstRating = mentions.first(where: \.inline)?.index
        var samples = InspectionFactsExtractor.extract(document, into: &result, firstRatingIndex: firstRating)
        if let name = result.inspection.name, let slug = ServiceSlug.make(from: name.value) {
            result.inspection.service = slug
        } else {
            let base = source.split(separator: "/").last.map(String.init) ?? source
            let stem = base.split(separator: ".").first.map(String.init) ?? base
            result.inspection.service = ServiceSlug.make(from: "unnamed " + stem) ?? "unnamed"
            result.warnings.append(ExtractionWarning(line: nil, "no service name found; using the id '\(result.inspection.service)'"))
        }
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
}
