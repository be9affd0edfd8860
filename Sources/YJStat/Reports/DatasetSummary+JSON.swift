extension DatasetSummary {
    /// The summary as one JSON document: `datasets`, `framework`, and `services`, each with its
    /// `ratings` (standards with published and rule ratings, scores, findings, footnoted discretion).
    public func jsonDocument() -> JSONValue {
        .object([
            ("datasets", .string(directory.path)),
            ("framework", .string(framework.id)),
            ("maximum_score", .integer(framework.maximumScore)),
            ("services", .array(services.map(serviceJSON))),
        ])
    }

    private func serviceJSON(_ summary: ServiceSummary) -> JSONValue {
        .object([
            ("service", .string(summary.service)),
            ("name", .string(summary.name)),
            ("published", summary.published.map { .string($0) } ?? .null),
            ("ratings", ratingsJSON(summary.ratings)),
        ])
    }

    private func ratingsJSON(_ review: RatingsReview) -> JSONValue {
        let assessment = review.assessment
        func rating(_ value: Rating?) -> JSONValue { value.map { .string($0.name) } ?? .null }
        func int(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }
        return .object([
            ("published_overall", rating(assessment.publishedOverall)),
            ("published_score", assessment.publishedScore.map { .string($0.description) } ?? .null),
            ("published_ratings_score", int(assessment.publishedRatingsScore)),
            ("rule_score", int(assessment.ruleScore)),
            ("rule_overall", rating(review.ruleOverall)),
            ("standards", .array(assessment.standards.map(Self.standardJSON))),
            ("findings", .array(review.findings.map(\.resultRow.jsonObject))),
            ("footnoted_discretion", .array(review.footnotes.map { check in
                .object([
                    ("standard", .string(check.record.standard)),
                    ("recorded_rule_rating", .string(check.record.ruleRating.name)),
                    ("recorded_published_rating", .string(check.record.publishedRating.name)),
                    ("engine_rule_rating", rating(check.engineRule)),
                    ("engine_finding", check.engineFinding.map { .string($0.rawValue) } ?? .null),
                    ("agrees", .bool(check.agrees)),
                ])
            })),
            ("unfootnoted_differences", .array(review.unfootnotedDifferences.map { .string($0) })),
        ])
    }

    private static func standardJSON(_ item: InspectionAssessment.StandardAssessment) -> JSONValue {
        func rating(_ value: Rating?) -> JSONValue { value.map { .string($0.name) } ?? .null }
        func int(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }
        let lowest = item.rule?.lowest
        let triggers: [JSONValue] = (item.rule?.triggers ?? []).map { .string("\($0.kind.rawValue): \($0.evidence)") }
        var members: [(String, JSONValue)] = [
            ("standard", .string(item.standard.id)),
            ("name", .string(item.standard.name)),
            ("rated_by", .string(item.standard.ratingMethod.rawValue)),
            ("published", rating(item.published)),
            ("rule_rating", rating(item.rule?.rating)),
        ]
        members.append(("lowest_key_question", lowest.map { .string($0.keyQuestion) } ?? .null))
        members.append(("lowest_yes", int(lowest?.yes)))
        members.append(("lowest_relevant", int(lowest?.relevant)))
        members.append(("lowest_percent", lowest.map { .number($0.percent) } ?? .null))
        members.append(("lowest_basis", lowest.map { .string($0.basis.rawValue) } ?? .null))
        members.append(("triggers", .array(triggers)))
        return .object(members)
    }
}
