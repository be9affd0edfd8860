/// Turning extraction results into the ratings engine's dataset, so that a report can be
/// extracted and checked in one step (`yjstat check --report REPORT.txt`).
extension InspectionDataset {
    /// The inspection dataset holding what was extracted from reports, one service per result.
    ///
    /// The rows' `line` fields hold the input line of the report where each figure was read
    /// (not a line of a CSV file), so findings can point back into the report. The score is
    /// carried as points out of the framework maximum (36 in the youth frameworks); the framework is the one the extraction chose; rating words use the canonical spelling; key questions keep
    /// counts where printed and the printed whole-number percentage otherwise.
    ///
    /// ```swift
    /// let result = ReportExtractor.extract(text: text, source: path)
    /// let findings = ConsistencyChecker(framework: try Framework.youth2018())
    ///     .check(InspectionDataset(extracted: [result]))
    /// ```
    public init(extracted results: [ExtractionResult]) {
        var inspections: [Inspection] = []
        var ratings: [PublishedRating] = []
        var keyQuestions: [KeyQuestionRow] = []
        for result in results {
            let facts = result.inspection
            var samples: [String: Int] = [:]
            if let court = facts.courtSample { samples["court_sample"] = court.value }
            if let outOfCourt = facts.outOfCourtSample { samples["ooc_sample"] = outOfCourt.value }
            let line = facts.name?.line ?? facts.score?.line ?? facts.overallRating?.line ?? 1
            inspections.append(Inspection(service: result.service, name: facts.name?.value, published: facts.published?.value,
                                          framework: result.framework.id,
                                          score: facts.score.map { .points($0.value, outOf: result.framework.maximumScore) },
                                          overallRating: facts.overallRating?.value.description, samples: samples, line: line))
            ratings += result.ratings.map {
                PublishedRating(service: result.service, standard: $0.standard, word: $0.rating.description, line: $0.line)
            }
            keyQuestions += result.keyQuestions.map {
                KeyQuestionRow(service: result.service, keyQuestion: $0.keyQuestion, relevant: $0.relevant, yes: $0.yes,
                               percent: $0.percent.map { PrintedPercent(whole: $0) }, line: $0.line, notApplicable: $0.notApplicable)
            }
        }
        self.init(inspections: inspections, ratings: ratings, keyQuestions: keyQuestions)
    }
}
