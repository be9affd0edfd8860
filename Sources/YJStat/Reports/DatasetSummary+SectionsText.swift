import Foundation

extension DatasetSummary {
    // MARK: - Samples

    func samplesText(_ audit: ServiceSampleAudit) -> String {
        let target = audit.target
        let level = NumberFormatting.fixed(target.confidence * 100, 0) + "%"
        let margin = NumberFormatting.fixed(target.margin * 100, 0)
        var out = "\n" + Self.heading("Samples against the stated precision (\(level) confidence, ±\(margin) points)", underline: "-")
        for part in [audit.court, audit.outOfCourt].compactMap({ $0 }) {
            var head = "\(part.name.capitalizedFirst) sample: \(part.sample) case\(part.sample == 1 ? "" : "s")"
            if !part.composition.isEmpty {
                head += " (" + part.composition.map { "\($0.disposal.replacingOccurrences(of: "-", with: " ")) \($0.count)" }.joined(separator: ", ") + ")"
            }
            out += TextWrap.wrap(head + ".")
            out += TextWrap.wrap("In a large population \(part.sample) cases give ±\(Self.points(part.infinitePopulationMargin.margin)) points at \(level) confidence"
                + (target.isMet(byMargin: part.infinitePopulationMargin.margin) ? "." : ", not ±\(margin)."), first: "  ", rest: "    ")
            let implied = part.impliedPopulation
            if let lower = implied.lower {
                let range = implied.upper.map { $0 == lower ? "of \(lower) cases" : "of \(lower) to \($0) cases" } ?? "of \(lower) cases or more"
                out += TextWrap.wrap("The sizing rule (Cochran A, rounded up) gives exactly \(part.sample) for an eligible population \(range)"
                    + (implied.upper.map { $0 <= part.sample + 1 } ?? false ? ": the sample is (nearly) every eligible case, so ratings describe those cases rather than estimate a wider group." : "."),
                                     first: "  ", rest: "    ")
            } else {
                out += TextWrap.wrap("No eligible population gives exactly \(part.sample) under the sizing rule (Cochran A, rounded up): the sample was not sized by it.",
                                     first: "  ", rest: "    ")
            }
            if let caseload = part.caseload {
                if let check = part.caseloadAudit {
                    let a = check.margins.first { $0.correction == .cochranA }?.margin ?? .nan
                    let b = check.margins.first { $0.correction == .cochranB }?.margin ?? .nan
                    let ruleA = check.ruleSizes.first { $0.correction == .cochranA && $0.rounding == .up }?.size
                    var text = "Taking the year's caseload of \(NumberFormatting.grouped(caseload)) \(part.name) cases as the population (an upper bound on the eligible cases): "
                        + "±\(Self.points(a)) points (Cochran A), ±\(Self.points(b)) (Cochran B)"
                    if let ruleA { text += "; the rule would ask for \(ruleA) cases" }
                    if let coverage = check.exactCoverage {
                        text += "; exact chance of a result within ±\(margin) points: \(NumberFormatting.percent(coverage, 0))"
                    }
                    out += TextWrap.wrap(text + ".", first: "  ", rest: "    ")
                } else {
                    out += TextWrap.wrap("The caseload of \(caseload) \(part.name) cases is smaller than the sample, so it cannot be the population sampled.",
                                         first: "  ", rest: "    ")
                }
            }
        }
        if let share = audit.courtShare, let court = audit.court, let outOfCourt = audit.outOfCourt, let rule = audit.sixtyFortyOutOfCourt {
            out += TextWrap.wrap("Split: \(NumberFormatting.percent(share, 0)) court, \(NumberFormatting.percent(1 - share, 0)) out of court. "
                + "The 60/40 rule (2020-21 reports) gives \(rule) out-of-court case\(rule == 1 ? "" : "s") for \(court.sample) court cases; "
                + (rule == outOfCourt.sample ? "the sample matches it." : "the sample has \(outOfCourt.sample), so it was sized another way."))
        }
        if audit.court == nil && audit.outOfCourt == nil { out += "No sample sizes are given.\n" }
        return out
    }

    // MARK: - Rating confidence

    func confidenceText(_ entries: [StandardConfidence], framework: Framework) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "\n" + Self.heading("How sure are the case-based ratings?", underline: "-")
        out += TextWrap.wrap("For each standard, the key question that decides its rating: the probability that the true proportion of yes cases "
            + "lies in each band, given the sample (uniform prior; a large population of relevant cases, the widest case). "
            + "If the sample was every eligible case there is no sampling uncertainty.")
        out += "\n"
        let names = framework.ratings.map(\.name)
        let rows = entries.map { entry -> [String] in
            var row = ["\(entry.standard) \(entry.name)", entry.ruleRating.name,
                       entry.keyQuestion + " " + (entry.yes.flatMap { y in entry.relevant.map { "\(y)/\($0)" } } ?? "–") + (entry.countsAssumed ? " †" : "")]
            if let confidence = entry.confidence {
                row += confidence.bands.map { NumberFormatting.percent($0.probability, 0) }
                row.append(NumberFormatting.percent(confidence.probabilityObservedBand, 0))
            } else {
                row += Array(repeating: "–", count: names.count + 1)
            }
            return row
        }
        out += TextTable(header: ["standard", "rule", "deciding"] + names.map(Self.abbreviation) + ["same band"], rows: rows).render().indented("  ")
        if entries.contains(where: \.countsAssumed) {
            out += TextWrap.wrap("† counts not printed: the fraction with the most relevant cases (at most the sample) that rounds to the printed percentage.", first: "  ", rest: "    ")
        }
        for entry in entries where entry.confidence == nil {
            out += TextWrap.wrap("\(entry.standard): \(entry.note ?? "no counts")", first: "  ", rest: "    ")
        }
        return out
    }

    static func abbreviation(_ rating: String) -> String {
        let words = rating.split(separator: " ")
        return words.count > 1 ? words.map { String($0.prefix(1)).uppercased() }.joined() : String(rating.prefix(1)).uppercased()
    }

    // MARK: - Representation

    func representationText(_ representation: ServiceRepresentation) -> String {
        guard !representation.entries.isEmpty else { return "" }
        var out = "\n" + Self.heading("Children cautioned or sentenced: representation", underline: "-")
        let level = NumberFormatting.fixed(representation.confidence * 100, 0) + "%"
        let rows = representation.entries.map { entry -> [String] in
            let r = entry.representation
            return [
                "\(entry.dimension.rawValue): \(entry.category)",
                "\(Int(r.servicePercent))%",
                "\(Int(r.comparatorPercent))% \(entry.comparator == .national ? "national" : "local")",
                NumberFormatting.fixed(r.ratio, 2),
                Self.range(r.ratioRounding, 2),
                r.ratioSampling.map { Self.range($0, 2) } ?? "–",
                Self.signed(r.differencePoints, 0),
            ]
        }
        out += TextTable(header: ["group", "service", "comparator", "ratio", "rounding allows", "\(level) with sampling", "points"], rows: rows)
            .render().indented("  ")
        if let total = representation.childrenTotal, let source = representation.childrenTotalSource {
            out += TextWrap.wrap("Sampling intervals take \(total) children: \(source). Where no whole number of \(total) rounds to the printed share, only the rounding range is shown.",
                                 first: "  ", rest: "    ")
        } else {
            out += TextWrap.wrap("The number of children behind the percentages is not printed, so only the ranges that rounding allows are shown.",
                                 first: "  ", rest: "    ")
        }
        for entry in representation.entries where entry.comparator == .localPopulation {
            out += TextWrap.wrap("Local comparator for \(entry.category): \(entry.comparatorSource).", first: "  ", rest: "    ")
        }
        for note in Set(representation.entries.flatMap(\.representation.notes)).sorted() {
            out += TextWrap.wrap("Note: \(note).", first: "  ", rest: "    ")
        }
        if let unknown = representation.unknownEthnicity, unknown.unknown > 0 {
            var text = "Unknown ethnicity (\(unknown.unknown)%): the minority-ethnic share could be \(unknown.minorityEthnic)% (no unknown child minority ethnic) "
                + "to \(NumberFormatting.fixed(unknown.highestShare, 0))% (all of them), \(NumberFormatting.fixed(unknown.redistributedShare, 1))% if they are like the known children; "
                + "against \(unknown.national)% nationally that is a ratio of \(NumberFormatting.fixed(unknown.lowestRatio, 2)) to \(NumberFormatting.fixed(unknown.highestRatio, 2))"
            text += unknown.changesDirection ? ", so whether the service is above or below the national share depends on the unknown children." : "."
            out += TextWrap.wrap(text, first: "  ", rest: "    ")
        }
        return out
    }

    // MARK: - Rates

    func ratesText(_ rates: [ServiceRateComparison]) -> String {
        var out = "\n" + Self.heading("Rates against England and Wales", underline: "-")
        guard !rates.isEmpty else { return out + "The report prints no first-time-entrant or reoffending rates.\n" }
        for comparison in rates {
            let rate = comparison.rate
            let unit = rate.measure == .reoffendingPercent ? "%" : " per 100,000"
            let decimals = max(rate.serviceValue.decimals, rate.comparatorValue.decimals)
            var text = "\(rate.measure == .reoffendingPercent ? "Proven reoffending" : "First-time entrants"): "
                + "\(NumberFormatting.fixed(rate.serviceValue.value, rate.serviceValue.decimals))\(unit) against "
                + "\(NumberFormatting.fixed(rate.comparatorValue.value, rate.comparatorValue.decimals))\(unit) in England and Wales: "
                + "\(Self.signed(comparison.difference, decimals))\(rate.measure == .reoffendingPercent ? " points" : ""), ratio \(NumberFormatting.fixed(comparison.ratio, 2)) "
                + "(rounding allows \(Self.range(comparison.ratioRounding, 3)))."
            if let test = comparison.test {
                let c = NumberFormatting.fixed(test.service.confidence * 100, 0)
                text += " \(comparison.note.capitalizedFirst). \(c)% interval for the rate \(NumberFormatting.fixed(test.service.lower, 1)) to "
                    + "\(NumberFormatting.fixed(test.service.upper, 1)) (\(test.service.method.displayName)); ratio \(NumberFormatting.fixed(test.ratio.estimate, 2)) "
                    + "(\(NumberFormatting.fixed(test.ratio.lower, 2)) to \(NumberFormatting.fixed(test.ratio.upper, 2))); "
                    + "exact Poisson test p = \(Self.pValue(test.pValue))"
                    + (test.pValue < 1 - test.service.confidence ? ": higher than chance would explain." : ": within what chance could explain.")
            } else {
                text += " \(comparison.note.capitalizedFirst)."
            }
            out += TextWrap.wrap(text)
        }
        return out
    }

    // MARK: - Across services

    func acrossServicesText() -> String {
        guard services.count > 1 else { return "" }
        var out = "\n" + Self.heading("Across services", underline: "=")
        out += "\n" + Self.heading("Key-question results side by side", underline: "-")
        let flags = Dictionary(keyQuestionFunnels.compactMap(\.plot).flatMap(\.points).map { ($0.service, $0.flag) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = []
        for question in caseBasedKeyQuestions {
            var row = [question.id]
            for summary in services {
                guard let result = Self.result(of: question.id, in: summary) else { row.append("–"); continue }
                var cell = result.yes.flatMap { y in result.relevant.map { "\(y)/\($0) " } } ?? ""
                cell += NumberFormatting.fixed(result.percent, 0) + "%"
                if let flag = flags["\(summary.service) \(question.id)"], flag != .within { cell += flag.isOutside998 ? " !!" : " !" }
                row.append(cell)
            }
            rows.append(row)
        }
        out += TextTable(header: ["key question"] + services.map(\.service), rows: rows).render().indented("  ")
        out += TextWrap.wrap("! further from the pooled figure than chance explains at 95%, !! at 99.8% (exact binomial tails; see the funnels below).", first: "  ", rest: "    ")
        if hasSeveralFrameworks {
            out += TextWrap.wrap("– the service's framework has no such key question, or no result is printed; flags compare a service only with the services of its framework.",
                                 first: "  ", rest: "    ")
        }
        for funnel in keyQuestionFunnels {
            let which = hasSeveralFrameworks ? "domain \(funnel.domainID) of \(funnel.frameworkID), its services only" : "domain \(funnel.domainID)"
            out += "\n" + TextWrap.wrap("Funnel, \(funnel.domainName.lowercased()) (\(which)):")
            guard let plot = funnel.plot else {
                out += TextWrap.wrap("no service prints counts for this domain, so there is no funnel.", first: "  ", rest: "    ")
                continue
            }
            let outside = plot.points.filter { $0.flag != .within }
            var text = "\(plot.points.count) key-question results with counts, pooled \(NumberFormatting.percent(plot.target, 1)) yes. "
            text += outside.isEmpty
                ? "No result is further from the pooled figure than chance explains for its number of relevant cases (exact binomial tails, 95%)."
                : "Outside the 95% limits: " + outside.map { "\($0.service) (\($0.numerator)/\($0.denominator), \($0.flag.rawValue))" }.joined(separator: ", ") + "."
            if !funnel.excludedServices.isEmpty {
                text += " Left out (percentages only, relevant counts unknown): \(funnel.excludedServices.joined(separator: ", "))."
            }
            text += " Caveat: one service's key questions are judged on the same cases, and different questions measure different things."
            out += TextWrap.wrap(text, first: "  ", rest: "    ")
        }
        out += "\n" + Self.heading("Representation ratios side by side (service share / comparator share)", underline: "-")
        var keys: [String] = []
        var cells: [String: [String: String]] = [:]
        for summary in services {
            for entry in summary.representation.entries {
                let key = "\(entry.dimension.rawValue): \(entry.category) vs \(entry.comparator == .national ? "national" : "local")"
                if !keys.contains(key) { keys.append(key) }
                let r = entry.representation
                cells[key, default: [:]][summary.service] = "\(NumberFormatting.fixed(r.ratio, 2)) (\(Self.range(r.ratioRounding, 2)))"
            }
        }
        out += TextTable(header: ["group"] + services.map(\.service), rows: keys.map { key in [key] + services.map { cells[key]?[$0.service] ?? "–" } })
            .render().indented("  ")
        out += TextWrap.wrap("In brackets: the range the rounding of the printed percentages allows.", first: "  ", rest: "    ")
        return out
    }

    // MARK: - Formatting

    /// A service's recomputed result for a key question (of whichever of its standards has it).
    static func result(of keyQuestion: String, in summary: ServiceSummary) -> KeyQuestionResult? {
        summary.ratings.assessment.standards.lazy.compactMap { $0.rule?.keyQuestions.first { $0.keyQuestion == keyQuestion } }.first
    }

    static func points(_ proportion: Double) -> String { NumberFormatting.fixed(proportion * 100, 1) }

    static func range(_ range: ClosedRange<Double>, _ decimals: Int) -> String {
        "\(NumberFormatting.fixed(range.lowerBound, decimals))–\(NumberFormatting.fixed(range.upperBound, decimals))"
    }

    static func signed(_ value: Double, _ decimals: Int) -> String {
        (value > 0 ? "+" : "") + NumberFormatting.fixed(value, decimals)
    }

    static func pValue(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : NumberFormatting.significant(p, 2)
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
