import Foundation
import YJStat

/// Builds the ratings notebook page from a dataset.
enum RatingsNotebook {
    static func build(dataset: SummaryDataset, framework: Framework) throws -> Notebook {
        var page = Notebook(name: "notebook-ratings", title: "Notebook: inspection ratings recomputed — rules, discretion, rounding")
        let reviews = dataset.services.map { RatingsReview(dataset: dataset, service: $0) }
        recomputed(&page, reviews: reviews, framework: framework)
        discretion(&page, reviews: reviews)
        rounding(&page, reviews: reviews, dataset: dataset, framework: framework)
        charts(&page, reviews: reviews, framework: framework)
        return page
    }

    // MARK: 1. Recomputed ratings

    static func recomputed(_ page: inout Notebook, reviews: [RatingsReview], framework: Framework) {
        page.section("1. Do the published ratings follow the published rules?")
        page.paragraph("For each bundled inspection, does every case-based standard carry the rating its key questions give, "
            + "and do the score and overall rating follow from the standard ratings?", label: "Question")
        page.paragraph("A key question's band comes from the exact fraction yes/relevant (under 50% Inadequate, 50–64.99% Requires "
            + "improvement, 65–79.99% Good, 80% and over Outstanding), or from the printed percentage where no counts are printed. "
            + "A standard takes its lowest key-question band. The score adds 0–3 per standard over 12 standards (0–36); the overall "
            + "rating is the band of the score (0–6, 7–18, 19–30, 31–36).", label: "Method")
        var rows: [[String]] = []
        var csv: [ResultRow] = []
        for review in reviews {
            let assessment = review.assessment
            for item in assessment.standards where item.standard.isCaseBased {
                let differs = item.published != nil && item.rule?.rating != nil && item.published != item.rule?.rating
                rows.append([assessment.service, "\(item.standard.id) \(item.standard.name)", (item.published?.name ?? "–") + (differs ? " *" : ""),
                             item.rule?.rating?.name ?? "–", item.rule?.lowest.map { "\($0.keyQuestion) \($0.text)" } ?? ""])
            }
            for item in assessment.standards {
                csv.append(ResultRow([
                    ("service", .text(assessment.service)), ("standard", .text(item.standard.id)), ("name", .text(item.standard.name)),
                    ("rated_by", .text(item.standard.ratingMethod.rawValue)), ("published", item.published.map { .text($0.name) } ?? .null),
                    ("rule_rating", item.rule?.rating.map { .text($0.name) } ?? .null),
                    ("lowest_key_question", item.rule?.lowest.map { .text($0.keyQuestion) } ?? .null),
                    ("lowest_percent", item.rule?.lowest.map { .number($0.percent) } ?? .null),
                ]))
            }
        }
        page.table(header: ["service", "standard", "published", "rule", "lowest key question"], rows: rows)
        page.csv("ratings.csv", rows: csv)
        for review in reviews {
            let a = review.assessment
            page.bullet("\(a.service): published \(a.publishedOverall?.name ?? "–")\(a.publishedScore.map { ", score \($0)" } ?? ", no score printed"); "
                + "published ratings add up to \(a.publishedRatingsScore.map(String.init) ?? "–")/\(framework.maximumScore); "
                + "rule score \(a.ruleScore.map(String.init) ?? "–")/\(framework.maximumScore) (\(review.ruleOverall?.name ?? "–")); "
                + "\(review.findings(.error).count) error finding(s).")
        }
        let differing = reviews.flatMap { review in review.assessment.standards.filter { $0.standard.isCaseBased && $0.published != nil && $0.rule?.rating != nil && $0.published != $0.rule?.rating }.map { "\(review.assessment.service) \($0.standard.id)" } }
        let scoreProblems = reviews.flatMap { $0.findings.filter { [.scoreMismatch, .overallMismatch].contains($0.code) } }
        let overallChanged = reviews.filter { review in
            guard let published = review.assessment.publishedOverall, let rule = review.ruleOverall else { return false }
            return published != rule
        }.map(\.assessment.service)
        page.paragraph((scoreProblems.isEmpty
                ? "Every published score is the sum of the published ratings and every overall rating the band of its score. "
                : "\(scoreProblems.count) score or overall-rating finding(s): " + scoreProblems.map(\.message).joined(separator: "; ") + ". ")
            + "\(differing.count) case-based standard(s) are published differently from their rule rating (* above): \(differing.joined(separator: ", ")). "
            + (overallChanged.isEmpty ? "None changes an overall rating: the rule scores fall in the same overall band."
                                      : "The overall rating would differ by the rules alone for \(overallChanged.joined(separator: ", "))."),
                       label: "What it means")
        page.paragraph("Brent prints percentages only, so its rule ratings come from the printed figures (section 3 shows where that matters).",
                       label: "Caveats")
    }

    // MARK: 2. Discretion

    static func discretion(_ page: inout Notebook, reviews: [RatingsReview]) {
        page.section("2. The professional-discretion cases")
        page.paragraph("Where a published rating differs from the rule, is it one of the moves the framework allows, and does it "
            + "match the report's footnote?", label: "Question")
        page.paragraph("The framework lets a ratings panel move a standard one band when the lowest percentage is within 5 points of a "
            + "boundary, when one case judged differently would change the band, or when the rating rests on five cases or fewer. "
            + "The engine lists each trigger with its evidence; discretion.csv records the footnotes.", label: "Method")
        var csv: [ResultRow] = []
        for review in reviews {
            for check in review.footnotes {
                let item = review.assessment.standards.first { $0.standard.id == check.record.standard }
                page.bullet("\(review.assessment.service) \(check.record.standard): \(check.record.ruleRating.name) → \(check.record.publishedRating.name). "
                    + "Footnote: \(check.record.note) Engine: \(check.agrees ? "agrees (discretion)" : "disagrees"). Triggers: "
                    + (item?.rule?.triggers.map(\.evidence).joined(separator: "; ") ?? "none") + ".")
                csv.append(ResultRow([
                    ("service", .text(review.assessment.service)), ("standard", .text(check.record.standard)),
                    ("rule_rating", .text(check.record.ruleRating.name)), ("published_rating", .text(check.record.publishedRating.name)),
                    ("engine_agrees", .bool(check.agrees)),
                    ("triggers", .text(item?.rule?.triggers.map { "\($0.kind.rawValue): \($0.evidence)" }.joined(separator: "; ") ?? "")),
                ]))
            }
        }
        page.csv("discretion.csv", rows: csv)
        let unused = reviews.flatMap { review in
            review.assessment.standards.filter { item in
                guard let rule = item.rule, !rule.triggers.isEmpty else { return false }
                return item.published == rule.rating
            }.map { "\(review.assessment.service) \($0.standard.id)" }
        }
        let footnoted = reviews.reduce(0) { $0 + $1.footnotes.count }
        let agreeing = reviews.reduce(0) { $0 + $1.footnotes.filter(\.agrees).count }
        page.paragraph("All \(footnoted) footnoted moves are one band up and each has a supporting trigger (\(agreeing) of \(footnoted) agree "
            + "with the engine). Triggers are common: \(unused.count) other standards had one and kept their rule rating "
            + "(\(unused.joined(separator: ", "))), so a trigger permits a move but does not predict one.", label: "What it means")
        page.paragraph("every footnoted move rests on one to three cases; the panel's wider judgement is not in the data.", label: "Caveats")
    }

    // MARK: 3. Rounding

    static func rounding(_ page: inout Notebook, reviews: [RatingsReview], dataset: SummaryDataset, framework: Framework) {
        page.section("3. Percentages whose band depends on rounding or on one case")
        page.paragraph("Which key-question results would land in another band if one case were judged differently, and which "
            + "printed percentages fit fractions in different bands?", label: "Question")
        page.paragraph("With counts: change one case's answer (yes − 1 or yes + 1 of the same relevant cases) and rejudge the band. "
            + "With a printed percentage only: list every yes/relevant with relevant at most the sample that rounds to it (half up "
            + "or half to even) and collect their bands.", label: "Method")
        var oneCase: [[String]] = []
        var csv: [ResultRow] = []
        for review in reviews {
            for item in review.assessment.standards {
                for result in item.rule?.keyQuestions ?? [] where result.basis == .counts {
                    let changes = [-1, 1].compactMap { step -> String? in
                        guard let changed = result.changingOneCase(by: step, framework: framework), changed.band != result.band else { return nil }
                        return "\(changed.yes ?? 0)/\(changed.relevant ?? 0) → \(changed.band.name)"
                    }
                    let boundary = framework.boundaries.min { result.distance(to: $0) < result.distance(to: $1) } ?? 0
                    csv.append(ResultRow([
                        ("service", .text(review.assessment.service)), ("key_question", .text(result.keyQuestion)),
                        ("yes", result.yes.map { .integer($0) } ?? .null), ("relevant", result.relevant.map { .integer($0) } ?? .null),
                        ("percent", .number(result.percent)), ("band", .text(result.band.name)),
                        ("nearest_boundary", .number(boundary)), ("points_from_boundary", .number(result.distance(to: boundary))),
                        ("one_case_changes_band", .bool(!changes.isEmpty)),
                    ]))
                    if !changes.isEmpty {
                        oneCase.append([review.assessment.service, result.keyQuestion, result.text, result.band.name, changes.joined(separator: "; ")])
                    }
                }
            }
        }
        page.paragraph("Results with counts where one case changes the band (\(oneCase.count) of \(csv.count)):")
        page.table(header: ["service", "key question", "result", "band", "one case different"], rows: oneCase)
        page.csv("key_questions.csv", rows: csv)

        var ambiguous: [[String]] = []
        var roundingRows: [ResultRow] = []
        for review in reviews {
            for item in review.assessment.standards {
                for (id, analysis) in item.roundingAnalyses.sorted(by: { $0.key < $1.key }) {
                    roundingRows.append(ResultRow([
                        ("service", .text(review.assessment.service)), ("key_question", .text(id)),
                        ("printed", .text(analysis.printed.description)), ("maximum_relevant", analysis.maximumRelevant.map { .integer($0) } ?? .null),
                        ("pairs", .integer(analysis.pairs.count)), ("bands", .text(analysis.bands.map(\.name).joined(separator: "; "))),
                        ("band_ambiguous", .bool(analysis.isBandAmbiguous)), ("summary", .text(analysis.summary)),
                    ]))
                    if analysis.isBandAmbiguous {
                        ambiguous.append([review.assessment.service, id, analysis.printed.description, analysis.examples.map(\.text).joined(separator: " or ")])
                    }
                }
            }
        }
        page.paragraph("Printed percentages whose consistent fractions fall in different bands (\(ambiguous.count) of \(roundingRows.count) printed-only results):")
        page.table(header: ["service", "key question", "printed", "fits"], rows: ambiguous)
        page.csv("rounding.csv", rows: roundingRows)
        let example = RoundingAnalysis(printed: PrintedPercent(whole: 65), maximumRelevant: 20, framework: framework).examples.first
        page.paragraph("Small samples make bands fragile: in \(oneCase.count) of \(csv.count) count-based results one case decides the band. "
            + "A printed 65% is Good as printed, yet \(example?.text ?? "a fraction below 65%") also rounds to it, "
            + "so where only percentages are printed a reader cannot tell which side of the boundary the result was.", label: "What it means")
        page.paragraph("which fraction lies behind a printed percentage is not knowable from the report; the engine rates by the "
            + "printed figure and flags the ambiguity.", label: "Caveats")
    }

    // MARK: Charts

    static func charts(_ page: inout Notebook, reviews: [RatingsReview], framework: Framework) {
        for review in reviews {
            let results = review.assessment.standards.flatMap { $0.rule?.keyQuestions ?? [] }
            guard !results.isEmpty else { continue }
            var labels: [String] = [], estimates: [Double] = [], lows: [Double] = [], highs: [Double] = []
            for result in results {
                labels.append(result.keyQuestion)
                estimates.append(result.percent / 100)
                if let yes = result.yes, let relevant = result.relevant, let interval = try? ProportionInterval.wilson(successes: yes, trials: relevant, confidence: 0.95) {
                    lows.append(interval.lower)
                    highs.append(interval.upper)
                } else {
                    lows.append(max(0, result.percent - 0.5) / 100)
                    highs.append(min(100, result.percent + 0.5) / 100)
                }
            }
            let counts = results.contains { $0.basis == .counts }
            if let chart = try? IntervalBarChartSVG(
                labels: labels, estimates: estimates, lower: lows, upper: highs, reference: 0.65,
                title: "\(review.assessment.service): key-question results",
                caption: counts ? "Whiskers: 95% Wilson intervals from the printed counts. Dashed line: 65%, the lower edge of Good (bands at 50%, 65%, 80%)."
                                : "Printed percentages only; whiskers show the ±0.5-point rounding range. Dashed line: 65%, the lower edge of Good (bands at 50%, 65%, 80%).",
                valueStyle: .percent, valueLabel: "Yes cases") {
                page.file("key_questions-\(review.assessment.service).svg", chart.render())
            }
        }
    }
}
