extension DatasetSummary {
    /// One row per sample: `service, sample, size, caseload, infinite_margin, caseload_margin_cochran_a,
    /// caseload_margin_cochran_b, rule_size_for_caseload, implied_population_lower,
    /// implied_population_upper, exact_coverage, court_share, sixty_forty_out_of_court` (margins as
    /// proportions; the implied populations are those for which Cochran A rounded up gives the size).
    public var sampleAuditRows: [ResultRow] {
        services.flatMap { summary -> [ResultRow] in
            let audit = summary.samples
            return [audit.court, audit.outOfCourt].compactMap { $0 }.map { part in
                let check = part.caseloadAudit
                return ResultRow([
                    ("service", .text(summary.service)),
                    ("sample", .text(part.name)),
                    ("size", .integer(part.sample)),
                    ("caseload", part.caseload.map { .integer($0) } ?? .null),
                    ("infinite_margin", .number(part.infinitePopulationMargin.margin)),
                    ("caseload_margin_cochran_a", check.flatMap { $0.margins.first { $0.correction == .cochranA } }.map { .number($0.margin) } ?? .null),
                    ("caseload_margin_cochran_b", check.flatMap { $0.margins.first { $0.correction == .cochranB } }.map { .number($0.margin) } ?? .null),
                    ("rule_size_for_caseload", check.flatMap { $0.ruleSizes.first { $0.correction == .cochranA && $0.rounding == .up } }.map { .integer($0.size) } ?? .null),
                    ("implied_population_lower", part.impliedPopulation.lower.map { .integer($0) } ?? .null),
                    ("implied_population_upper", part.impliedPopulation.upper.map { .integer($0) } ?? .null),
                    ("exact_coverage", check?.exactCoverage.map { .number($0) } ?? .null),
                    ("court_share", audit.courtShare.map { .number($0) } ?? .null),
                    ("sixty_forty_out_of_court", audit.sixtyFortyOutOfCourt.map { .integer($0) } ?? .null),
                ])
            }
        }
    }

    /// One row per case-based standard: `service, standard, name, rule_rating, key_question, yes,
    /// relevant, counts_assumed`, one `p_<band>` column per rating band (of every framework in use;
    /// empty for a band the service's framework does not have), `p_same_band, note`.
    public var ratingConfidenceRows: [ResultRow] {
        services.flatMap { summary in
            summary.ratingConfidence.map { entry in
                var cells: [(name: String, value: CellValue)] = [
                    ("service", .text(summary.service)),
                    ("standard", .text(entry.standard)),
                    ("name", .text(entry.name)),
                    ("rule_rating", .text(entry.ruleRating.name)),
                    ("key_question", .text(entry.keyQuestion)),
                    ("yes", entry.yes.map { .integer($0) } ?? .null),
                    ("relevant", entry.relevant.map { .integer($0) } ?? .null),
                    ("counts_assumed", .bool(entry.countsAssumed)),
                ]
                for name in ratingNames {
                    let index = summary.framework.ratings.firstIndex { $0.name == name }
                    let probability = index.flatMap { index in
                        entry.confidence.flatMap { $0.bands.indices.contains(index) ? $0.bands[index].probability : nil }
                    }
                    cells.append(("p_" + name.lowercased().replacingOccurrences(of: " ", with: "_"), probability.map { .number($0) } ?? .null))
                }
                cells.append(("p_same_band", entry.confidence.map { .number($0.probabilityObservedBand) } ?? .null))
                cells.append(("note", entry.note.map { .text($0) } ?? .null))
                return ResultRow(cells)
            }
        }
    }

    /// One row per representation entry: labels, printed percentages, ratio and difference with
    /// rounding and sampling intervals, the children total used and notes.
    public var representationRows: [ResultRow] {
        services.flatMap { summary in
            summary.representation.entries.map { entry in
                let r = entry.representation
                return ResultRow([
                    ("service", .text(summary.service)),
                    ("dimension", .text(entry.dimension.rawValue)),
                    ("category", .text(entry.category)),
                    ("comparator", .text(entry.comparator.rawValue)),
                    ("service_percent", .number(r.servicePercent)),
                    ("comparator_percent", .number(r.comparatorPercent)),
                    ("ratio", .number(r.ratio)),
                    ("ratio_rounding_lower", .number(r.ratioRounding.lowerBound)),
                    ("ratio_rounding_upper", .number(r.ratioRounding.upperBound)),
                    ("ratio_sampling_lower", r.ratioSampling.map { .number($0.lowerBound) } ?? .null),
                    ("ratio_sampling_upper", r.ratioSampling.map { .number($0.upperBound) } ?? .null),
                    ("difference_points", .number(r.differencePoints)),
                    ("difference_rounding_lower", .number(r.differenceRounding.lowerBound)),
                    ("difference_rounding_upper", .number(r.differenceRounding.upperBound)),
                    ("difference_sampling_lower", r.differenceSampling.map { .number($0.lowerBound) } ?? .null),
                    ("difference_sampling_upper", r.differenceSampling.map { .number($0.upperBound) } ?? .null),
                    ("confidence", .number(r.confidence)),
                    ("children_total", r.serviceTotal.map { .integer($0) } ?? .null),
                    ("comparator_source", .text(entry.comparatorSource)),
                    ("notes", .text(r.notes.joined(separator: "; "))),
                ])
            }
        }
    }

    /// One row per published rate: printed values, difference and ratio with rounding ranges, and
    /// the Poisson comparison where a count could be recovered.
    public var rateRows: [ResultRow] {
        services.flatMap { summary in
            summary.rates.map { comparison in
                let test = comparison.test
                return ResultRow([
                    ("service", .text(summary.service)),
                    ("measure", .text(comparison.rate.measure.rawValue)),
                    ("service_value", .number(comparison.rate.serviceValue.value)),
                    ("comparator", .text(comparison.rate.comparator.rawValue)),
                    ("comparator_value", .number(comparison.rate.comparatorValue.value)),
                    ("difference", .number(comparison.difference)),
                    ("ratio", .number(comparison.ratio)),
                    ("ratio_rounding_lower", .number(comparison.ratioRounding.lowerBound)),
                    ("ratio_rounding_upper", .number(comparison.ratioRounding.upperBound)),
                    ("count", test.map { .integer($0.service.count) } ?? .null),
                    ("population", comparison.population.map { .integer($0.value) } ?? .null),
                    ("rate_lower", test.map { .number($0.service.lower) } ?? .null),
                    ("rate_upper", test.map { .number($0.service.upper) } ?? .null),
                    ("ratio_lower", test.map { .number($0.ratio.lower) } ?? .null),
                    ("ratio_upper", test.map { .number($0.ratio.upper) } ?? .null),
                    ("p_value", test.map { .number($0.pValue) } ?? .null),
                    ("method", test.map { .text($0.service.method.displayName + "; " + $0.test) } ?? .null),
                    ("note", .text(comparison.note)),
                ])
            }
        }
    }

    /// The funnel points of every domain: `domain` then the columns of ``FunnelPlot/resultRows``;
    /// with several frameworks in use, `framework` first.
    public var funnelRows: [ResultRow] {
        keyQuestionFunnels.flatMap { funnel in
            (funnel.plot?.resultRows ?? []).map { row in
                ResultRow((hasSeveralFrameworks ? [("framework", .text(funnel.frameworkID))] : []) + [("domain", .text(funnel.domainID))] + row.cells)
            }
        }
    }

    /// Key-question results side by side: `key_question` (those of every framework in use,
    /// ``caseBasedKeyQuestions``), then per service `<service>_yes`, `<service>_relevant`,
    /// `<service>_percent` and `<service>_flag` (exact-tail funnel flag), empty where the service's
    /// framework has no such key question.
    public var keyQuestionSideBySideRows: [ResultRow] {
        let flags = Dictionary(keyQuestionFunnels.compactMap(\.plot).flatMap(\.points).map { ($0.service, $0.flag) }, uniquingKeysWith: { a, _ in a })
        return caseBasedKeyQuestions.map { question in
            var cells: [(name: String, value: CellValue)] = [("key_question", .text(question.id))]
            for summary in services {
                let result = Self.result(of: question.id, in: summary)
                cells.append(("\(summary.service)_yes", result?.yes.map { .integer($0) } ?? .null))
                cells.append(("\(summary.service)_relevant", result?.relevant.map { .integer($0) } ?? .null))
                cells.append(("\(summary.service)_percent", result.map { .number($0.percent) } ?? .null))
                cells.append(("\(summary.service)_flag", flags["\(summary.service) \(question.id)"].map { .text($0.rawValue) } ?? .null))
            }
            return ResultRow(cells)
        }
    }

    /// Representation ratios side by side: `dimension, category, comparator`, then per service
    /// `<service>_ratio`, `<service>_rounding_lower`, `<service>_rounding_upper`.
    public var representationSideBySideRows: [ResultRow] {
        var keys: [(DemographicShare.Dimension, String, DemographicShare.Comparator)] = []
        for summary in services {
            for entry in summary.representation.entries where !keys.contains(where: { $0 == (entry.dimension, entry.category, entry.comparator) }) {
                keys.append((entry.dimension, entry.category, entry.comparator))
            }
        }
        return keys.map { key in
            var cells: [(name: String, value: CellValue)] = [
                ("dimension", .text(key.0.rawValue)), ("category", .text(key.1)), ("comparator", .text(key.2.rawValue)),
            ]
            for summary in services {
                let r = summary.representation.entries.first { $0.dimension == key.0 && $0.category == key.1 && $0.comparator == key.2 }?.representation
                cells.append(("\(summary.service)_ratio", r.map { .number($0.ratio) } ?? .null))
                cells.append(("\(summary.service)_rounding_lower", r.map { .number($0.ratioRounding.lowerBound) } ?? .null))
                cells.append(("\(summary.service)_rounding_upper", r.map { .number($0.ratioRounding.upperBound) } ?? .null))
            }
            return ResultRow(cells)
        }
    }
}
