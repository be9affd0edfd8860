/// Checks between extracted figures that the report prints separately and that the dataset
/// rows cannot carry. Disagreements become ``ExtractionFinding``s; the figures stay as printed.
///
/// The checks of the figures the dataset does carry (score against ratings, overall rating
/// against score, counts against samples, percentages against counts, ratings against the
/// key-question bands) are ``ConsistencyChecker``'s, run on the extracted rows by
/// ``run(on:)`` so that `extract` and `check` apply one set of rules from the framework file.
///
/// - `sample-disagrees`: two statements of a sample size differ.
enum ExtractionCrossChecks {
    /// Runs ``ConsistencyChecker`` with the extraction's framework on the extracted rows and
    /// adds its findings, each with the report line of the figure it concerns.
    static func run(on result: inout ExtractionResult) {
        let framework = result.framework
        let dataset = InspectionDataset(extracted: [result])
        for finding in ConsistencyChecker(framework: framework).check(dataset, services: [result.service]) {
            let line = result.keyQuestions.first { $0.keyQuestion == finding.location }?.line
                ?? result.ratings.first { $0.standard == finding.location }?.line
                ?? (finding.location == "inspection" || finding.location == "score" || finding.location == "overall"
                    ? result.inspection.score?.line ?? result.inspection.overallRating?.line : nil)
            var message = finding.message
            for file in ["inspections.csv", "ratings.csv", "key_questions.csv"] {
                message = message.replacingAll("\(file) line ", with: "report line ")
            }
            result.findings.append(ExtractionFinding(code: finding.code, severity: finding.severity, line: line, message, isConsistencyCheck: true))
        }
    }

    /// Chooses each sample size from its candidates (sentences before table headings) and
    /// reports disagreements.
    static func chooseSamples(_ candidates: [InspectionFactsExtractor.SampleCandidate], into result: inout ExtractionResult) {
        for court in [true, false] {
            let group = candidates.filter { $0.court == court }
            let sentences = group.filter { !$0.wording.hasPrefix("Of the") }
            guard let chosen = sentences.first(where: { $0.wording.lowercased().contains("disposals") || $0.wording.lowercased().contains("cases") })
                    ?? group.first else {
                result.warnings.append(ExtractionWarning(line: nil, "no \(court ? "court" : "out-of-court") sample size found"))
                continue
            }
            let located = Located(chosen.size, line: chosen.line)
            if court { result.inspection.courtSample = located } else { result.inspection.outOfCourtSample = located }
            for other in group where other.size != chosen.size {
                result.findings.append(ExtractionFinding(code: .sampleDisagrees, severity: .warning, line: other.line,
                    "'\(other.wording)' gives a \(court ? "court" : "out-of-court") sample of \(other.size), but line \(chosen.line) says \(chosen.size)"))
            }
        }
    }
}
