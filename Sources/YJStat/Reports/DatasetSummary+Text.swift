import Foundation

extension DatasetSummary {
    /// The summary as a plain-text report for a board member or inspector: for each service its
    /// ratings recomputed, then the comparisons across services. Lines are at most about 100
    /// characters; tables are aligned with ``TextTable``. With several frameworks in use the head
    /// lists them with their services, and each service's section names its framework.
    public func textReport() -> String {
        var out = "yjstat summary: \(services.count) youth offending service inspection\(services.count == 1 ? "" : "s")\n"
        out += "Data: \(directory.path)\n"
        if hasSeveralFrameworks {
            out += "Frameworks: \(frameworks.count) in use (each service's section names the one it is read with)\n"
            for framework in frameworks {
                let names = services.filter { $0.framework == framework }.map(\.service)
                out += TextWrap.wrap("\(framework.id) (\(framework.name)): \(names.joined(separator: ", ")); key-question bands "
                    + Self.bands(framework) + "; scores out of \(framework.maximumScore)", first: "  - ", rest: "    ")
            }
        } else if let framework = frameworks.first {
            out += "Framework: \(framework.name) (\(framework.id)); key-question bands " + Self.bands(framework) + "\n"
        }
        for summary in services {
            out += "\n" + Self.heading(summary.name + " (\(summary.service))", underline: "=")
            if hasSeveralFrameworks {
                out += TextWrap.wrap("Framework: \(summary.framework.id) (\(summary.framework.name)).")
            }
            out += ratingsText(summary)
            out += samplesText(summary.samples)
            out += confidenceText(summary.ratingConfidence, framework: summary.framework)
            out += representationText(summary.representation)
            out += ratesText(summary.rates)
        }
        out += acrossServicesText()
        return out
    }

    /// A framework's key-question bands in words ("Inadequate from 0%, Requires improvement from 50%, …").
    static func bands(_ framework: Framework) -> String {
        framework.keyQuestionBands.map { "\($0.rating.name) from \(NumberFormatting.fixed($0.minimumPercent, 0))%" }.joined(separator: ", ")
    }

    static func heading(_ title: String, underline: Character) -> String {
        title + "\n" + String(repeating: underline, count: title.count) + "\n"
    }

    private func ratingsText(_ summary: ServiceSummary) -> String {
        let review = summary.ratings
        let assessment = review.assessment
        let maximum = summary.framework.maximumScore
        var out = "\n" + Self.heading("Ratings: published and recomputed by the rules", underline: "-")
        var published = "Published overall rating: \(assessment.publishedOverall?.name ?? "not given")"
        if let score = assessment.publishedScore { published += ", score \(score)" } else { published += ", no score printed" }
        if let sum = assessment.publishedRatingsScore { published += "; the published standard ratings add up to \(sum)/\(maximum)" }
        out += TextWrap.wrap(published + ".")
        if let rule = assessment.ruleScore {
            out += TextWrap.wrap("By the rules alone (lowest key-question band, no professional discretion): \(rule)/\(maximum), "
                + "\(review.ruleOverall?.name ?? "no band").")
        } else {
            out += TextWrap.wrap("The rule score cannot be computed: at least one standard has no usable rating.")
        }
        out += "\n"
        let rows = assessment.standards.map { item -> [String] in
            let differs = item.standard.isCaseBased && item.published != nil && item.rule?.rating != nil && item.published != item.rule?.rating
            return [
                "\(item.standard.id) \(item.standard.name)",
                (item.published?.name ?? "–") + (differs ? " *" : ""),
                item.standard.isCaseBased ? (item.rule?.rating?.name ?? "–") : "(judgement)",
                item.rule?.lowest.map { "\($0.keyQuestion) \($0.text)" } ?? "",
            ]
        }
        out += TextTable(header: ["standard", "published", "rule", "lowest key question"], rows: rows).render().indented("  ")
        if assessment.standards.contains(where: { $0.standard.isCaseBased && $0.published != nil && $0.rule?.rating != nil && $0.published != $0.rule?.rating }) {
            out += "  * published rating differs from the rule rating\n"
        }
        let serious = review.findings.filter { $0.severity != .info }
        let info = review.findings.filter { $0.severity == .info }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        out += "\n" + TextWrap.wrap("Findings: \(count(review.findings(.error).count, "error")), \(count(review.findings(.warning).count, "warning")), "
            + "\(count(info.count, "note")).")
        for finding in serious + info {
            out += TextWrap.wrap("\(finding.severity.rawValue) [\(finding.code.rawValue)] \(finding.location): \(finding.message)",
                                 first: "  - ", rest: "    ")
        }
        for check in review.footnotes {
            let verdict = check.agrees
                ? "the engine finds the same rule rating (\(check.record.ruleRating.name)) and classes the move as discretion"
                : "the engine disagrees: rule \(check.engineRule?.name ?? "none"), published \(check.published?.name ?? "none"), finding \(check.engineFinding?.rawValue ?? "none")"
            out += TextWrap.wrap("Footnoted discretion on \(check.record.standard) (\(check.record.ruleRating.name) → \(check.record.publishedRating.name)): \(verdict).",
                                 first: "  ", rest: "    ")
        }
        for standard in review.unfootnotedDifferences {
            out += TextWrap.wrap("Standard \(standard) is published differently from its rule rating and no footnote explains it.",
                                 first: "  ", rest: "    ")
        }
        return out
    }
}

extension String {
    /// Every line prefixed by `prefix` (empty lines stay empty).
    func indented(_ prefix: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
    }
}
