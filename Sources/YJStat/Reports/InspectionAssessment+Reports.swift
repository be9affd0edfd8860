extension InspectionAssessment.StandardAssessment {
    /// The columns every per-standard table shares: `service, standard, name, rated_by,
    /// published, rule_rating, differs, lowest_key_question, lowest_yes, lowest_relevant,
    /// lowest_percent, lowest_basis`.
    public func resultCells(service: String) -> [(name: String, value: CellValue)] {
        let lowest = rule?.lowest
        return [
            ("service", .text(service)),
            ("standard", .text(standard.id)),
            ("name", .text(standard.name)),
            ("rated_by", .text(standard.ratingMethod.rawValue)),
            ("published", published.map { .text($0.name) } ?? .null),
            ("rule_rating", rule?.rating.map { .text($0.name) } ?? .null),
            ("differs", standard.isCaseBased && published != nil && rule?.rating != nil
                ? .bool(published != rule?.rating) : .null),
            ("lowest_key_question", lowest.map { .text($0.keyQuestion) } ?? .null),
            ("lowest_yes", lowest?.yes.map { .integer($0) } ?? .null),
            ("lowest_relevant", lowest?.relevant.map { .integer($0) } ?? .null),
            ("lowest_percent", lowest.map { .number($0.percent) } ?? .null),
            ("lowest_basis", lowest.map { .text($0.basis.rawValue) } ?? .null),
        ]
    }
}

extension InspectionAssessment {
    /// One row per standard: the shared columns of ``StandardAssessment/resultCells(service:)``,
    /// then `triggers`, `rule_score` and `rule_overall` (the output of `yjstat rate --format csv`).
    public func resultRows(framework: Framework) -> [ResultRow] {
        let assessment = self
        let ruleScore = assessment.ruleScore
        return assessment.standards.map { item in
            ResultRow(item.resultCells(service: assessment.service) + [
                ("triggers", .text((item.rule?.triggers ?? []).map { "\($0.kind.rawValue): \($0.evidence)" }.joined(separator: "; "))),
                ("rule_score", ruleScore.map { .integer($0) } ?? .null),
                ("rule_overall", ruleScore.flatMap { framework.overallRating(score: $0) }.map { .text($0.name) } ?? .null),
            ])
        }
    }

    /// The assessment as a JSON object (the output of `yjstat rate --format json`): scores both
    /// ways, and each standard with its key questions, rounding analyses and triggers.
    public func jsonValue(framework: Framework) -> JSONValue {
        let assessment = self
        func rating(_ value: Rating?) -> JSONValue { value.map { .string($0.name) } ?? .null }
        func int(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }
        let standards: [JSONValue] = assessment.standards.map { item in
            var members = item.jsonIdentity
            if let rule = item.rule {
                members.append(("lowest_key_question", rule.lowest.map { .string($0.keyQuestion) } ?? .null))
                members.append(("key_questions", .array(rule.keyQuestions.map { result in
                    var entry: [(String, JSONValue)] = [
                        ("key_question", .string(result.keyQuestion)),
                        ("yes", int(result.yes)),
                        ("relevant", int(result.relevant)),
                        ("percent", .number(result.percent)),
                        ("printed_percent", result.printed.map { .string($0.description) } ?? .null),
                        ("basis", .string(result.basis.rawValue)),
                        ("band", .string(result.band.name)),
                    ]
                    if let analysis = item.roundingAnalyses[result.keyQuestion] {
                        entry.append(("rounding", .object([
                            ("bands", .array(analysis.bands.map { .string($0.name) })),
                            ("band_ambiguous", .bool(analysis.isBandAmbiguous)),
                            ("summary", .string(analysis.summary)),
                        ])))
                    }
                    return .object(entry)
                })))
                members.append(("missing_key_questions", .array(rule.missingKeyQuestions.map { .string($0) })))
                members.append(("triggers", .array(rule.triggers.map { trigger in
                    .object([
                        ("kind", .string(trigger.kind.rawValue)),
                        ("key_question", trigger.keyQuestion.map { .string($0) } ?? .null),
                        ("supports", .array(trigger.supports.map { .string($0.rawValue) })),
                        ("evidence", .string(trigger.evidence)),
                    ])
                })))
            }
            return .object(members)
        }
        let ruleScore = assessment.ruleScore
        return .object([
            ("service", .string(assessment.service)),
            ("name", assessment.name.map { .string($0) } ?? .null),
            ("published_score", assessment.publishedScore.map { .string($0.description) } ?? .null),
            ("published_ratings_score", int(assessment.publishedRatingsScore)),
            ("published_overall", rating(assessment.publishedOverall)),
            ("rule_score", int(ruleScore)),
            ("rule_overall", rating(ruleScore.flatMap { framework.overallRating(score: $0) })),
            ("maximum_score", .integer(framework.maximumScore)),
            ("standards", .array(standards)),
        ])
    }

    /// A plain-text report (the output of `yjstat rate`): a table of standards, the scores both
    /// ways, and every discretion trigger with its evidence.
    public func textReport(framework: Framework) -> String {
        let assessment = self
        var out = (assessment.name.map { "\($0) (\(assessment.service))" } ?? assessment.service) + "\n\n"
        let table = TextTable(
            header: ["standard", "published", "rule", "lowest key question", "triggers"],
            rows: assessment.standards.map { item in
                let mark = item.standard.isCaseBased && item.published != nil && item.rule?.rating != nil && item.published != item.rule?.rating ? " *" : ""
                return [
                    "\(item.standard.id) \(item.standard.name)",
                    (item.published?.name ?? "–") + mark,
                    item.standard.isCaseBased ? (item.rule?.rating?.name ?? "–") : "(judgement)",
                    item.rule?.lowest.map { "\($0.keyQuestion) \($0.text)" } ?? "",
                    Array(Set((item.rule?.triggers ?? []).map(\.kind.rawValue))).sorted().joined(separator: ", "),
                ]
            })
        out += table.render()
        let maximum = framework.maximumScore
        let ruleScore = assessment.ruleScore
        out += "\nScore: published \(assessment.publishedScore?.description ?? "not given")"
        out += "; sum of published ratings \(assessment.publishedRatingsScore.map { "\($0)/\(maximum)" } ?? "unavailable")"
        out += "; rule score \(ruleScore.map { "\($0)/\(maximum)" } ?? "unavailable")\n"
        out += "Overall: published \(assessment.publishedOverall?.name ?? "not given")"
        out += "; band of the rule score \(ruleScore.flatMap { framework.overallRating(score: $0) }?.name ?? "unavailable")\n"
        let withTriggers = assessment.standards.filter { !($0.rule?.triggers.isEmpty ?? true) }
        if !withTriggers.isEmpty {
            out += "\nDiscretion triggers (* marks a published rating that differs from the rule):\n"
            for item in withTriggers {
                for trigger in item.rule?.triggers ?? [] {
                    out += "  \(item.standard.id) \(trigger.kind.rawValue): \(trigger.evidence)\n"
                }
            }
        }
        return out
    }
}

extension InspectionAssessment.StandardAssessment {
    /// The members every JSON object of a standard starts with: its id and name, how it is rated,
    /// the published rating and the rule's (`null` where there is none).
    var jsonIdentity: [(String, JSONValue)] {
        func rating(_ value: Rating?) -> JSONValue { value.map { .string($0.name) } ?? .null }
        return [
            ("standard", .string(standard.id)),
            ("name", .string(standard.name)),
            ("rated_by", .string(standard.ratingMethod.rawValue)),
            ("published", rating(published)),
            ("rule_rating", rating(rule?.rating)),
        ]
    }
}
