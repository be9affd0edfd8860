/// Checks an inspection dataset for internal consistency and against a framework's rules.
///
/// For each service it recomputes every case-based standard's rating from its key questions
/// (``StandardRating``), compares it with the published rating — a difference one band wide in a
/// direction a ``DiscretionTrigger`` supports is a `discretion` warning, anything else an
/// `unexplained-rating` error — and checks counts against the sample, printed percentages against
/// counts (``RoundingAnalysis``), the score against the sum of the published ratings, and the
/// overall rating against the band of the score. Every problem becomes a ``Finding``; see
/// ``FindingCode`` for the list.
public struct ConsistencyChecker: Sendable {
    /// The framework the rules come from.
    public let framework: Framework

    /// Creates a checker for a framework.
    public init(framework: Framework) { self.framework = framework }

    /// Findings for the given services (all services when `nil`), service by service in dataset order.
    public func check(_ dataset: InspectionDataset, services: [String]? = nil) -> [Finding] {
        (services ?? dataset.services).flatMap { evaluate(dataset, service: $0).findings }
    }

    /// The recomputed ratings of one service.
    public func assess(_ dataset: InspectionDataset, service: String) -> InspectionAssessment {
        evaluate(dataset, service: service).assessment
    }

    /// Recomputes one service and collects its findings.
    public func evaluate(_ dataset: InspectionDataset, service: String) -> (assessment: InspectionAssessment, findings: [Finding]) {
        var findings: [Finding] = []
        func add(_ code: FindingCode, _ severity: Finding.Severity, _ location: String, _ message: String) {
            findings.append(Finding(code: code, severity: severity, service: service, location: location, message: message))
        }

        // The inspection row.
        let inspection = dataset.inspections.first { $0.service == service }
        if inspection == nil {
            add(.missingInspection, .error, "inspection", "service '\(service)' has ratings or key questions but no row in inspections.csv")
        }
        if !Self.isSlug(service) {
            add(.invalidServiceID, .warning, "inspection", "service id '\(service)' is not a lower-case slug such as 'north-somerset'")
        }
        if let inspection, let id = inspection.framework, id != framework.id {
            add(.frameworkMismatch, .warning, "inspection",
                "inspections.csv line \(inspection.line) names framework '\(id)' but the checks use '\(framework.id)'")
        }

        // Published standard ratings.
        var published: [String: Rating] = [:]
        var ratedStandards: Set<String> = []
        for row in dataset.ratings where row.service == service {
            let place = "ratings.csv line \(row.line)"
            guard let standard = framework.standard(row.standard) else {
                add(.unknownStandard, .error, row.standard, "standard '\(row.standard)' (\(place)) is not in framework \(framework.id)")
                continue
            }
            guard ratedStandards.insert(standard.id).inserted else {
                add(.duplicateStandard, .error, standard.id, "standard \(standard.id) is rated more than once (again on \(place)); the first rating is used")
                continue
            }
            guard let word = row.word else {
                add(.missingRating, .warning, standard.id, "the rating of standard \(standard.id) \(standard.name) is blank (\(place))")
                continue
            }
            guard let rating = framework.rating(named: word) else {
                add(.unknownRatingWord, .error, standard.id, "'\(word)' (\(place)) is not a rating word; expected \(ratingWordList)")
                continue
            }
            published[standard.id] = rating
        }
        for standard in framework.standards where !ratedStandards.contains(standard.id) {
            add(.missingStandard, .error, standard.id, "standard \(standard.id) \(standard.name) has no published rating in ratings.csv")
        }

        // Key-question rows.
        var rowsByQuestion: [String: InspectionDataset.KeyQuestionRow] = [:]
        for row in dataset.keyQuestions where row.service == service {
            guard framework.standard(containingKeyQuestion: row.keyQuestion) != nil else {
                add(.unknownKeyQuestion, .error, row.keyQuestion,
                    "key question '\(row.keyQuestion)' (key_questions.csv line \(row.line)) is not in framework \(framework.id)")
                continue
            }
            if rowsByQuestion[row.keyQuestion] != nil {
                add(.duplicateKeyQuestion, .error, row.keyQuestion,
                    "key question \(row.keyQuestion) appears again on key_questions.csv line \(row.line); the first row is used")
                continue
            }
            rowsByQuestion[row.keyQuestion] = row
        }

        var assessments: [InspectionAssessment.StandardAssessment] = []
        var reportedMissingSample: Set<String> = []
        for standard in framework.standards {
            guard standard.isCaseBased else {
                assessments.append(.init(standard: standard, published: published[standard.id], rule: nil, roundingAnalyses: [:]))
                continue
            }
            let sampleSize = standard.sampleColumn.flatMap { inspection?.samples[$0] }
            var results: [KeyQuestionResult] = []
            var analyses: [String: RoundingAnalysis] = [:]
            var comparable = true
            for question in standard.keyQuestions {
                guard let row = rowsByQuestion[question.id] else {
                    comparable = false
                    if !rowsByQuestion.isEmpty || published[standard.id] != nil {
                        add(.missingKeyQuestion, .warning, question.id,
                            "key question \(question.id) (\(question.label)) has no row in key_questions.csv, so standard \(standard.id) is not recomputed")
                    }
                    continue
                }
                if sampleSize == nil, let column = standard.sampleColumn, inspection != nil, reportedMissingSample.insert(column).inserted {
                    add(.missingSampleSize, .info, standard.domainID,
                        "\(column) is blank in inspections.csv, so relevant counts and printed percentages in domain \(standard.domainID) cannot be checked against the sample")
                }
                switch keyQuestionResult(row, sampleSize: sampleSize, sampleColumn: standard.sampleColumn, add: add) {
                case .result(let result, let analysis):
                    results.append(result)
                    if let analysis { analyses[question.id] = analysis }
                case .notApplicable:
                    break
                case .unusable:
                    comparable = false
                }
            }
            let rule = results.isEmpty ? nil : StandardRating(standard: standard, results: results, sampleSize: sampleSize, framework: framework)
            if let rule, let ruleRating = rule.rating {
                reportAmbiguity(standard: standard, rule: rule, analyses: analyses, add: add)
                if comparable, let publishedRating = published[standard.id], publishedRating != ruleRating {
                    compare(standard: standard, published: publishedRating, rule: rule, analyses: analyses, add: add)
                }
            }
            assessments.append(.init(standard: standard, published: published[standard.id], rule: rule, roundingAnalyses: analyses))
        }

        // Score and overall rating.
        let scored = framework.standards.filter(\.isScored)
        let sum: Int? = scored.allSatisfy { published[$0.id] != nil } ? scored.reduce(0) { $0 + (published[$1.id]?.score ?? 0) } : nil
        let overallFindings = checkScoreAndOverall(service: service, score: inspection?.score, ratingsSum: sum,
                                                   overallWord: inspection?.overallRating, source: inspection.map { "inspections.csv line \($0.line)" })
        findings += overallFindings.findings
        let assessment = InspectionAssessment(service: service, name: inspection?.name, standards: assessments,
                                              publishedScore: inspection?.score, publishedOverall: overallFindings.overall,
                                              publishedRatingsScore: sum)
        return (assessment, findings)
    }

    /// Checks a published score and overall rating: the score's form and range, the score against
    /// the sum of the published ratings (when all are known), and the overall rating against the band
    /// of the score (or of the sum when no score is published).
    ///
    /// - Parameters:
    ///   - service: Service id for the findings.
    ///   - score: The published score, if any.
    ///   - ratingsSum: The sum of the published scored-standard ratings, when every one is known.
    ///   - overallWord: The published overall rating word, if any (blank is reported, never guessed).
    ///   - source: Where the figures come from, for messages (`inspections.csv line 4`).
    /// - Returns: The findings and the overall rating, when it is a known word.
    public func checkScoreAndOverall(service: String, score: PublishedScore?, ratingsSum: Int?, overallWord: String?,
                                     source: String?) -> (findings: [Finding], overall: Rating?) {
        var findings: [Finding] = []
        func add(_ code: FindingCode, _ location: String, _ message: String, _ severity: Finding.Severity = .error) {
            findings.append(Finding(code: code, severity: severity, service: service, location: location, message: message))
        }
        let place = source.map { " (\($0))" } ?? ""
        let maximum = framework.maximumScore
        var candidates: [Int]?
        switch score {
        case nil:
            candidates = nil
        case .points(let points, let outOf)?:
            if let outOf, outOf != maximum {
                add(.scoreOutOfRange, "score", "score \(points)/\(outOf)\(place) is out of \(outOf), but framework \(framework.id) scores out of \(maximum)")
                candidates = nil
            } else if points > maximum {
                add(.scoreOutOfRange, "score", "score \(points)\(place) is above the maximum of \(maximum)")
                candidates = nil
            } else {
                candidates = [points]
            }
        case .percent(let percent)?:
            let points = PublishedScore.points(fromPercent: percent, maximum: maximum)
            if points.isEmpty {
                add(.scorePercentNotWhole, "score",
                    "score \(percent)\(place) is not a whole number of points out of \(maximum) (no score s has 100·s/\(maximum) rounding to it)")
                candidates = nil
            } else {
                candidates = points
            }
        }
        if let candidates, let ratingsSum, !candidates.contains(ratingsSum) {
            add(.scoreMismatch, "score",
                "published score \(score?.description ?? "")\(place) is not the sum of the published standard ratings, \(ratingsSum)/\(maximum)")
        }
        var overall: Rating?
        if let word = overallWord {
            if let rating = framework.rating(named: word) {
                overall = rating
                let basis: [Int]? = candidates ?? ratingsSum.map { [$0] }
                if let basis, !basis.isEmpty {
                    let expected = basis.compactMap { framework.overallRating(score: $0) }
                    if !expected.isEmpty, !expected.contains(rating) {
                        let what = candidates != nil ? "the score \(basis.map(String.init).joined(separator: " or "))"
                                                     : "the sum of the published ratings, \(ratingsSum ?? 0) (\(score == nil ? "no score published" : "the published score is unusable"))"
                        add(.overallMismatch, "overall",
                            "overall rating \(rating.name)\(place) is not the band of \(what): \(expected.map(\.name).joined(separator: " or ")) (\(overallBandsText))")
                    }
                }
            } else {
                add(.unknownRatingWord, "overall", "overall rating '\(word)'\(place) is not a rating word; expected \(ratingWordList)")
            }
        } else {
            add(.missingRating, "overall", "the overall rating is blank\(place)", .warning)
        }
        return (findings, overall)
    }

    // MARK: - Key questions

    private enum RowOutcome {
        case result(KeyQuestionResult, RoundingAnalysis?)
        case notApplicable
        case unusable
    }

    private func keyQuestionResult(_ row: InspectionDataset.KeyQuestionRow, sampleSize: Int?, sampleColumn: String?,
                                   add: (FindingCode, Finding.Severity, String, String) -> Void) -> RowOutcome {
        let id = row.keyQuestion
        let place = "key_questions.csv line \(row.line)"
        switch (row.yes, row.relevant) {
        case let (yes?, relevant?):
            let failures = PublishedCountCheck.failures(relevant: relevant, yes: yes, percent: row.percent, cases: sampleSize)
            for failure in failures {
                switch failure {
                case .yesExceedsRelevant:
                    add(.yesExceedsRelevant, .error, id, "\(id) has \(yes) yes cases but only \(relevant) relevant (\(place))")
                case let .relevantExceedsCases(_, cases):
                    add(.relevantExceedsSample, .error, id,
                        "\(id) has \(relevant) relevant cases but the sample (\(sampleColumn ?? "sample")) is \(cases) (\(place))")
                case .percentMismatch: break  // worded below, after the band of the fraction is known
                }
            }
            guard !failures.contains(where: { $0.code == .yesExceedsRelevant }) else { return .unusable }
            guard relevant > 0 else {
                add(.noRelevantCases, .info, id, "\(id) has no relevant cases and does not count towards the standard (\(place))")
                return .notApplicable
            }
            guard let result = KeyQuestionResult(keyQuestion: id, yes: yes, relevant: relevant, printed: row.percent, framework: framework) else {
                return .unusable
            }
            if let printed = row.percent {
                if failures.contains(where: { $0.code == .percentMismatch }) {
                    add(.percentMismatch, .error, id,
                        "\(id) prints \(printed) but \(result.text), which rounds to neither (\(place))")
                } else {
                    let printedBand = framework.band(percent: printed.value)
                    if printedBand != result.band {
                        add(.printedBandDiffers, .warning, id,
                            "\(id) prints \(printed) (\(printedBand.name)) but the fraction \(result.text) is \(result.band.name), which is the band that counts (\(place))")
                    }
                }
            }
            return .result(result, nil)
        case (nil, nil):
            if row.notApplicable {
                add(.noRelevantCases, .info, id, "\(id) is printed as not applicable (no relevant cases) and does not count towards the standard (\(place))")
                return .notApplicable
            }
            guard let printed = row.percent else {
                add(.incompleteCounts, .error, id, "\(id) has neither counts nor a percentage (\(place))")
                return .unusable
            }
            let analysis = RoundingAnalysis(printed: printed, maximumRelevant: sampleSize, framework: framework)
            if analysis.isImpossible {
                add(.percentImpossible, .error, id, "\(id): \(analysis.summary) (\(place))")
            }
            return .result(KeyQuestionResult(keyQuestion: id, printed: printed, framework: framework), analysis)
        default:
            add(.incompleteCounts, .error, id,
                "\(id) has \(row.yes == nil ? "relevant but no yes" : "yes but no relevant") count (\(place))")
            return .unusable
        }
    }

    // MARK: - Ratings

    /// Flags printed-only percentages whose consistent fractions fall in different bands: a warning
    /// when the standard's rule rating depends on which fraction is true, info otherwise.
    private func reportAmbiguity(standard: Framework.Standard, rule: StandardRating, analyses: [String: RoundingAnalysis],
                                 add: (FindingCode, Finding.Severity, String, String) -> Void) {
        for result in rule.keyQuestions {
            guard let analysis = analyses[result.keyQuestion], analysis.isBandAmbiguous, let ruleRating = rule.rating else { continue }
            let alternatives = analysis.bands.compactMap { band -> Rating? in
                let rating = rule.keyQuestions.map { $0.keyQuestion == result.keyQuestion ? band : $0.band }.min()
                return rating == ruleRating ? nil : rating
            }
            if alternatives.isEmpty {
                add(.bandAmbiguousPercent, .info, result.keyQuestion,
                    "\(result.keyQuestion): \(analysis.summary); standard \(standard.id) is \(ruleRating.name) either way")
            } else {
                add(.bandAmbiguousPercent, .warning, result.keyQuestion,
                    "\(result.keyQuestion): \(analysis.summary); standard \(standard.id) would be \(Set(alternatives).sorted().map(\.name).joined(separator: " or ")) instead of \(ruleRating.name) if the lower fraction is true")
            }
        }
    }

    /// Classifies a published rating that differs from the rule rating.
    private func compare(standard: Framework.Standard, published: Rating, rule: StandardRating, analyses: [String: RoundingAnalysis],
                         add: (FindingCode, Finding.Severity, String, String) -> Void) {
        guard let ruleRating = rule.rating, let lowest = rule.lowest else { return }
        let head = "standard \(standard.id) \(standard.name) is published \(published.name); the rules give \(ruleRating.name) (lowest key question \(lowest.keyQuestion): \(lowest.text))"
        if !analyses.isEmpty, achievableRatings(rule: rule, analyses: analyses).contains(published) {
            add(.ratingWithinRounding, .warning, standard.id,
                "\(head), but \(published.name) fits fractions that round to the printed percentages")
            return
        }
        let step = published.rank - ruleRating.rank
        let direction: DiscretionTrigger.Direction = step > 0 ? .up : .down
        let supporting = rule.triggers.filter { $0.supports(direction) }
        if abs(step) == 1, !supporting.isEmpty {
            add(.discretion, .warning, standard.id,
                "\(head); one band \(direction.rawValue), consistent with professional discretion: " + supporting.map(\.evidence).joined(separator: "; "))
        } else {
            var reason = abs(step) > 1 ? "\(abs(step)) bands \(direction.rawValue), more than discretion allows" : "no discretion trigger supports a move \(direction.rawValue)"
            if !rule.triggers.isEmpty { reason += " (triggers: " + rule.triggers.map(\.evidence).joined(separator: "; ") + ")" }
            add(.unexplainedRating, .error, standard.id, "\(head); \(reason)")
        }
    }

    /// The standard ratings reachable when each printed-only percentage may take any band its
    /// consistent fractions fall in.
    private func achievableRatings(rule: StandardRating, analyses: [String: RoundingAnalysis]) -> Set<Rating> {
        var ratings: Set<Rating> = []
        var combinations: [[Rating]] = [[]]
        for result in rule.keyQuestions {
            let options = analyses[result.keyQuestion].map { $0.bands.isEmpty ? [result.band] : $0.bands } ?? [result.band]
            combinations = combinations.flatMap { prefix in options.map { prefix + [$0] } }
        }
        for combination in combinations { if let rating = combination.min() { ratings.insert(rating) } }
        return ratings
    }

    private var ratingWordList: String { framework.ratings.map { "'\($0.name)'" }.joined(separator: ", ") }

    private var overallBandsText: String {
        framework.overallBands.map { "\($0.minimumScore)–\($0.maximumScore) \($0.rating.name)" }.joined(separator: ", ")
    }

    /// Whether a service id is a lower-case slug: ASCII letters and digits in groups joined by single hyphens.
    public static func isSlug(_ id: String) -> Bool {
        let groups = id.split(separator: "-", omittingEmptySubsequences: false)
        return groups.allSatisfy { group in
            !group.isEmpty && group.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }
}
