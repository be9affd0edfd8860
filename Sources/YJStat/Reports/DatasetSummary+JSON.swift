extension DatasetSummary {
    /// The summary as one JSON document: `datasets`, `framework`, `maximum_score`; `services`, each
    /// with `ratings` (standards with published and rule ratings, scores, findings, footnoted
    /// discretion), `samples`, `rating_confidence`, `representation` (with `children_total`,
    /// `unknown_ethnicity` and `entries`) and `rates`; and `across_services` with the key-question
    /// funnels and the side-by-side tables. Row objects have the columns of the CSV files.
    ///
    /// With several frameworks in use (``hasSeveralFrameworks``) `framework` and `maximum_score`
    /// are `null`, `frameworks` follows them (each with `id`, `name`, `maximum_score` and its
    /// `services`), each service has its `framework` and `maximum_score` after `published`, and
    /// each funnel its `framework` first.
    public func jsonDocument() -> JSONValue {
        let samples = sampleAuditRows, confidence = ratingConfidenceRows, representation = representationRows, rates = rateRows
        func of(_ rows: [ResultRow], _ service: String) -> JSONValue {
            .array(rows.filter { $0["service"] == .text(service) }.map(\.jsonObject))
        }
        let serviceObjects: [JSONValue] = services.map { summary in
            let unknown = summary.representation.unknownEthnicity
            let unknownJSON: JSONValue = unknown.map { effect in
                .object([
                    ("unknown_percent", .integer(effect.unknown)),
                    ("minority_ethnic_percent", .integer(effect.minorityEthnic)),
                    ("national_percent", .integer(effect.national)),
                    ("lowest_ratio", .number(effect.lowestRatio)),
                    ("redistributed_ratio", .number(effect.redistributedRatio)),
                    ("highest_ratio", .number(effect.highestRatio)),
                    ("changes_direction", .bool(effect.changesDirection)),
                ])
            } ?? .null
            let frameworkMembers: [(String, JSONValue)] = hasSeveralFrameworks
                ? [("framework", .string(summary.framework.id)), ("maximum_score", .integer(summary.framework.maximumScore))] : []
            return .object([
                ("service", .string(summary.service)),
                ("name", .string(summary.name)),
                ("published", summary.published.map { .string($0) } ?? .null),
            ] + frameworkMembers + [
                ("ratings", ratingsJSON(summary.ratings)),
                ("samples", of(samples, summary.service)),
                ("rating_confidence", of(confidence, summary.service)),
                ("representation", .object([
                    ("children_total", summary.representation.childrenTotal.map { .integer($0) } ?? .null),
                    ("children_total_source", summary.representation.childrenTotalSource.map { .string($0) } ?? .null),
                    ("unknown_ethnicity", unknownJSON),
                    ("entries", of(representation, summary.service)),
                ])),
                ("rates", of(rates, summary.service)),
            ])
        }
        let funnels: [JSONValue] = keyQuestionFunnels.map { funnel in
            .object((hasSeveralFrameworks ? [("framework", .string(funnel.frameworkID))] : []) + [
                ("domain", .string(funnel.domainID)),
                ("name", .string(funnel.domainName)),
                ("pooled", funnel.plot.map { .number($0.target) } ?? .null),
                ("excluded_services", .array(funnel.excludedServices.map { .string($0) })),
                ("points", .array((funnel.plot?.resultRows ?? []).map(\.jsonObject))),
            ])
        }
        let head: [(String, JSONValue)]
        if hasSeveralFrameworks {
            head = [("framework", .null), ("maximum_score", .null), ("frameworks", .array(frameworks.map { framework in
                .object([
                    ("id", .string(framework.id)),
                    ("name", .string(framework.name)),
                    ("maximum_score", .integer(framework.maximumScore)),
                    ("services", .array(services.filter { $0.framework == framework }.map { .string($0.service) })),
                ])
            }))]
        } else {
            head = frameworks.first.map { [("framework", .string($0.id)), ("maximum_score", .integer($0.maximumScore))] } ?? []
        }
        return .object([("datasets", .string(directory.path))] + head + [
            ("services", .array(serviceObjects)),
            ("across_services", .object([
                ("key_question_funnels", .array(funnels)),
                ("key_questions_side_by_side", .array(keyQuestionSideBySideRows.map(\.jsonObject))),
                ("representation_side_by_side", .array(representationSideBySideRows.map(\.jsonObject))),
            ])),
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
        func int(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }
        let lowest = item.rule?.lowest
        let triggers: [JSONValue] = (item.rule?.triggers ?? []).map { .string("\($0.kind.rawValue): \($0.evidence)") }
        var members = item.jsonIdentity
        members.append(("lowest_key_question", lowest.map { .string($0.keyQuestion) } ?? .null))
        members.append(("lowest_yes", int(lowest?.yes)))
        members.append(("lowest_relevant", int(lowest?.relevant)))
        members.append(("lowest_percent", lowest.map { .number($0.percent) } ?? .null))
        members.append(("lowest_basis", lowest.map { .string($0.basis.rawValue) } ?? .null))
        members.append(("triggers", .array(triggers)))
        return .object(members)
    }
}
