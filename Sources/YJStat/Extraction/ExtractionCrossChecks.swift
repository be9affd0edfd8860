/// Checks between extracted figures that the report prints separately. Disagreements become
/// ``ExtractionFinding``s; the figures stay as printed.
///
/// - `score-mismatch`: the printed score is not the sum of the 12 published ratings
///   (Inadequate 0, Requires improvement 1, Good 2, Outstanding 3).
/// - `overall-mismatch`: the overall rating is not the band of the score (0–6 Inadequate, 7–18
///   Requires improvement, 19–30 Good, 31–36 Outstanding); when no score is printed, the band
///   of the ratings' sum is used.
/// - `sample-disagrees`: two statements of a sample size differ.
/// - `relevant-exceeds-sample`: a key question has more relevant cases than its domain's sample
///   (court for 2.x, out-of-court for 3.x).
enum ExtractionCrossChecks {
    static func run(on result: inout ExtractionResult) {
        let sum = result.ratings.reduce(0) { $0 + $1.rating.score }
        let complete = result.ratings.count == YouthFrameworkOutline.standards.count
        if let score = result.inspection.score {
            if complete && score.value != sum {
                result.findings.append(ExtractionFinding(code: "score-mismatch", severity: .error, line: score.line,
                    "the printed score is \(score.value)/36 but the 12 published ratings add up to \(sum)"))
            }
            if score.value > 36 {
                result.findings.append(ExtractionFinding(code: "score-mismatch", severity: .error, line: score.line,
                    "the printed score \(score.value)/36 is more than 36"))
            }
        }
        if let overall = result.inspection.overallRating {
            if let score = result.inspection.score, let band = ExtractedRating.overall(score: score.value), band != overall.value {
                result.findings.append(ExtractionFinding(code: "overall-mismatch", severity: .error, line: overall.line,
                    "the overall rating is \(overall.value) but a score of \(score.value) is in the \(band) band"))
            } else if result.inspection.score == nil, complete, let band = ExtractedRating.overall(score: sum), band != overall.value {
                result.findings.append(ExtractionFinding(code: "overall-mismatch", severity: .error, line: overall.line,
                    "the overall rating is \(overall.value) but the published ratings add up to \(sum), in the \(band) band"))
            }
        }
        for question in result.keyQuestions {
            guard let relevant = question.relevant else { continue }
            let sample = question.keyQuestion.hasPrefix("2.") ? result.inspection.courtSample : result.inspection.outOfCourtSample
            if let sample, relevant > sample.value {
                result.findings.append(ExtractionFinding(code: "relevant-exceeds-sample", severity: .error, line: question.line,
                    "key question \(question.keyQuestion) has \(relevant) relevant cases but the sample is \(sample.value) (line \(sample.line))"))
            }
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
                result.findings.append(ExtractionFinding(code: "sample-disagrees", severity: .warning, line: other.line,
                    "'\(other.wording)' gives a \(court ? "court" : "out-of-court") sample of \(other.size), but line \(chosen.line) says \(chosen.size)"))
            }
        }
    }
}
