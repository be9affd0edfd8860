import Foundation
import YJStat

/// Builds the comparisons notebook page.
enum ComparisonsNotebook {
    static func build(dataset: SummaryDataset, framework: Framework) throws -> Notebook {
        var page = Notebook(name: "notebook-comparisons", title: "Notebook: the services against England and Wales and against each other")
        try national(&page, dataset: dataset)
        let reviews = dataset.services.map { RatingsReview(dataset: dataset, service: $0) }
        try eachOther(&page, reviews: reviews, framework: framework)
        funnels(&page, reviews: reviews, framework: framework)
        return page
    }

    // MARK: 1. England and Wales

    static func national(_ page: inout Notebook, dataset: SummaryDataset) throws {
        page.section("1. Against England and Wales")
        page.paragraph("Are a service's first-time-entrant and reoffending rates higher than England and Wales by more than chance "
            + "would explain?", label: "Question")
        page.paragraph("First-time entrants per 100,000: the counts of children that round to the printed rate in the printed 10–17 "
            + "population are recovered; the count is compared with the national rate by an exact Poisson test (as R poisson.test) "
            + "with a 95% interval for the rate (exact below 10 events, Byar's from 10). Reoffending: the cohort size is not printed, "
            + "so the printed difference is shown with its rounding range, and then the exact binomial test (as R binom.test) for a "
            + "range of cohort sizes shows how large a cohort would make it clear.", label: "Method")
        var csv: [ResultRow] = []
        var printedAny = false
        var meaning: [String] = []
        for service in dataset.services {
            let serviceName = dataset.inspection.inspections.first { $0.service == service }?.name ?? service
            for rate in dataset.rates where rate.service == service {
                printedAny = true
                let comparison = ServiceRateComparison(rate: rate, dataset: dataset)
                let unit = rate.measure == .reoffendingPercent ? "%" : " per 100,000"
                page.bullet("\(service), \(rate.measure == .reoffendingPercent ? "proven reoffending" : "first-time entrants"): "
                    + "\(fixed(rate.serviceValue.value, rate.serviceValue.decimals))\(unit) against \(fixed(rate.comparatorValue.value, rate.comparatorValue.decimals))\(unit); "
                    + "ratio \(fixed(comparison.ratio, 3)) (rounding allows \(fixed(comparison.ratioRounding.lowerBound, 3))–\(fixed(comparison.ratioRounding.upperBound, 3))). \(comparison.note).")
                if let test = comparison.test {
                    page.verbatim(test.textReport.indented("    "))
                    meaning.append("\(serviceName): the first-time-entrant rate is \(fixed((comparison.ratio - 1) * 100, 0))% "
                        + "\(comparison.ratio >= 1 ? "above" : "below") England and Wales; with \(test.service.count) children that is "
                        + (test.pValue < 0.05 ? "more than chance would explain (p = \(NumberFormatting.significant(test.pValue, 2)))."
                                              : "within what chance could produce at 95% (p = \(NumberFormatting.significant(test.pValue, 2)))."))
                }
                csv.append(ResultRow([
                    ("service", .text(service)), ("measure", .text(rate.measure.rawValue)), ("service_value", .number(rate.serviceValue.value)),
                    ("comparator_value", .number(rate.comparatorValue.value)), ("ratio", .number(comparison.ratio)),
                    ("count", comparison.test.map { .integer($0.service.count) } ?? .null),
                    ("p_value", comparison.test.map { .number($0.pValue) } ?? .null), ("note", .text(comparison.note)),
                ]))
                if rate.measure == .reoffendingPercent {
                    let threshold = try cohortSensitivity(&page, rate: rate)
                    meaning.append("\(serviceName): the reoffending gap of \(fixed(comparison.difference, 1)) points "
                        + (threshold.map { "would be clear at 95% for a cohort of about \($0) children or more." } ?? "would not be clear for any cohort size in the table."))
                }
            }
        }
        if !printedAny { page.paragraph("No bundled report prints rates.") }
        page.csv("national_comparisons.csv", rows: csv)
        if !meaning.isEmpty { page.paragraph(meaning.joined(separator: " "), label: "What it means") }
        page.paragraph("the national figures are treated as exact; first-time entrants and population estimates are for 2018, "
            + "reoffending for a 2016–17 cohort; the other two services print no rates.", label: "Caveats")
    }

    static func cohortSensitivity(_ page: inout Notebook, rate: PublishedRate) throws -> Int? {
        let p = rate.serviceValue.value / 100, reference = rate.comparatorValue.value / 100
        var rows: [[String]] = []
        var smallestClear: Int?
        for n in [25, 50, 75, 100, 150, 200, 300, 500] {
            let k = Int((p * Double(n)).rounded())
            let comparison = try ProportionComparison(successes: k, trials: n, reference: reference)
            if comparison.pValue < 0.05, smallestClear == nil { smallestClear = n }
            rows.append([String(n), "\(k) (\(NumberFormatting.percent(Double(k) / Double(n), 1)))",
                         "\(NumberFormatting.percent(comparison.service.lower, 1))–\(NumberFormatting.percent(comparison.service.upper, 1))",
                         NumberFormatting.significant(comparison.pValue, 2)])
        }
        page.paragraph("If the reoffending cohort had n children (reoffenders = \(fixed(rate.serviceValue.value, 1))% of n, rounded):")
        page.table(header: ["cohort n", "reoffended", "95% Wilson", "exact p vs \(fixed(rate.comparatorValue.value, 1))%"], rows: rows)
        if let smallestClear { page.paragraph("From a cohort of about \(smallestClear) children the gap is clear at 95%.") }
        return smallestClear
    }

    // MARK: 2. Each other

    static func eachOther(_ page: inout Notebook, reviews: [RatingsReview], framework: Framework) throws {
        page.section("2. The services against each other")
        page.paragraph("Do two services' key-question results differ by more than their small samples explain?", label: "Question")
        page.paragraph("For every pair of services with counts, Fisher's exact test (two-sided, as R fisher.test) and Newcombe's "
            + "interval for the difference, on each domain's key-question judgements pooled (yes over relevant, summed over the "
            + "domain's key questions) and on each key question.", label: "Method")
        let counted = reviews.filter { review in review.assessment.standards.contains { $0.rule?.keyQuestions.contains { $0.basis == .counts } ?? false } }
        var rows: [[String]] = []
        var csv: [ResultRow] = []
        var clearQuestions: [String] = []
        var clearDomains: [String] = []
        var sizes: [Int] = []
        for (i, first) in counted.enumerated() {
            for second in counted.dropFirst(i + 1) {
                for domain in framework.domains where domain.standards.contains(where: \.isCaseBased) {
                    let a = pooled(first.assessment, domain: domain.id), b = pooled(second.assessment, domain: domain.id)
                    guard a.relevant > 0, b.relevant > 0 else { continue }
                    let comparison = try TwoServiceComparison.proportions(firstSuccesses: a.yes, firstTrials: a.relevant,
                                                                          secondSuccesses: b.yes, secondTrials: b.relevant)
                    if comparison.pValue < 0.05 { clearDomains.append("\(domain.name.lowercased()) (\(first.assessment.service) against \(second.assessment.service))") }
                    rows.append([domain.name, "\(first.assessment.service) \(a.yes)/\(a.relevant)", "\(second.assessment.service) \(b.yes)/\(b.relevant)",
                                 signed(comparison.difference.estimate * 100) + " pts",
                                 "\(signed(comparison.difference.lower * 100))–\(signed(comparison.difference.upper * 100))",
                                 NumberFormatting.significant(comparison.pValue, 2)])
                    csv.append(ResultRow([
                        ("first", .text(first.assessment.service)), ("second", .text(second.assessment.service)), ("scope", .text("domain \(domain.id)")),
                        ("first_yes", .integer(a.yes)), ("first_relevant", .integer(a.relevant)),
                        ("second_yes", .integer(b.yes)), ("second_relevant", .integer(b.relevant)),
                        ("difference", .number(comparison.difference.estimate)), ("difference_lower", .number(comparison.difference.lower)),
                        ("difference_upper", .number(comparison.difference.upper)), ("p_value", .number(comparison.pValue)),
                    ]))
                }
                for question in framework.standards.filter(\.isCaseBased).flatMap(\.keyQuestions) {
                    guard let x = result(first.assessment, question.id), let y = result(second.assessment, question.id),
                          let xy = x.yes, let xn = x.relevant, let yy = y.yes, let yn = y.relevant else { continue }
                    let comparison = try TwoServiceComparison.proportions(firstSuccesses: xy, firstTrials: xn, secondSuccesses: yy, secondTrials: yn)
                    sizes += [xn, yn]
                    if comparison.pValue < 0.05 { clearQuestions.append("\(question.id) (\(xy)/\(xn) against \(yy)/\(yn), p = \(NumberFormatting.significant(comparison.pValue, 2)))") }
                    csv.append(ResultRow([
                        ("first", .text(first.assessment.service)), ("second", .text(second.assessment.service)), ("scope", .text(question.id)),
                        ("first_yes", .integer(xy)), ("first_relevant", .integer(xn)), ("second_yes", .integer(yy)), ("second_relevant", .integer(yn)),
                        ("difference", .number(comparison.difference.estimate)), ("difference_lower", .number(comparison.difference.lower)),
                        ("difference_upper", .number(comparison.difference.upper)), ("p_value", .number(comparison.pValue)),
                    ]))
                }
            }
        }
        page.table(header: ["domain", "first", "second", "difference", "95% Newcombe", "Fisher p"], rows: rows)
        page.csv("services_compared.csv", rows: csv)
        let questionCount = csv.filter { row in row["scope"].map { if case .text(let t) = $0 { return !t.hasPrefix("domain") } else { return false } } ?? false }.count
        page.paragraph((clearDomains.isEmpty ? "Pooled over a domain, no difference between services is clear at 95%"
                                             : "Pooled over a domain, differences are clear at 95% for " + clearDomains.joined(separator: ", "))
            + "; key question by key question, "
            + (clearQuestions.isEmpty ? "none of the \(questionCount) differences is clear at 95%: with \(sizes.min() ?? 0) to \(sizes.max() ?? 0) cases a side, only very large gaps could be."
                                      : "\(clearQuestions.count) of \(questionCount) differences are clear at 95%: " + clearQuestions.joined(separator: "; ") + "."),
                       label: "What it means")
        page.paragraph("pooling treats every judgement as independent, but one case answers several key questions, so pooled "
            + "p-values are too small; with many key questions some small p-values arise by chance.", label: "Caveats")
        if counted.count < reviews.count {
            page.paragraph("Left out (percentages only): " + reviews.filter { r in !counted.contains { $0.assessment.service == r.assessment.service } }.map(\.assessment.service).joined(separator: ", ") + ".")
        }
    }

    static func pooled(_ assessment: InspectionAssessment, domain: String) -> (yes: Int, relevant: Int) {
        let results = assessment.standards.filter { $0.standard.domainID == domain }.flatMap { $0.rule?.keyQuestions ?? [] }
        return results.reduce((0, 0)) { total, result in
            guard let yes = result.yes, let relevant = result.relevant else { return total }
            return (total.0 + yes, total.1 + relevant)
        }
    }

    static func result(_ assessment: InspectionAssessment, _ question: String) -> KeyQuestionResult? {
        assessment.standards.lazy.compactMap { $0.rule?.keyQuestions.first { $0.keyQuestion == question } }.first
    }

    // MARK: 3. Funnels

    static func funnels(_ page: inout Notebook, reviews: [RatingsReview], framework: Framework) {
        page.section("3. Funnel charts of key-question results")
        page.paragraph("Looking at every key-question result at once, is any further from the pooled figure than its number of "
            + "relevant cases explains?", label: "Question")
        page.paragraph("Funnel plot (Spiegelhalter 2005): each result against its relevant cases, with exact binomial 95% and 99.8% "
            + "limits around the domain's pooled proportion; a result is flagged when its exact binomial tail probability is below "
            + "2.5% (0.1%). Services printing percentages only are left out.", label: "Method")
        var csv: [ResultRow] = []
        var within: [FunnelPoint] = [], flaggedAll: [FunnelPoint] = []
        for domain in framework.domains where domain.standards.contains(where: \.isCaseBased) {
            let funnel = KeyQuestionFunnel(domain: domain, framework: framework, assessments: reviews.map(\.assessment))
            guard let plot = funnel.plot else { continue }
            let flagged = plot.points.filter { $0.flag != .within }
            within += plot.points.filter { $0.flag == .within }
            flaggedAll += flagged
            page.bullet("\(domain.name): \(plot.points.count) results, pooled \(NumberFormatting.percent(plot.target, 1)); "
                + (flagged.isEmpty ? "none flagged" : "flagged: " + flagged.map { "\($0.service) \($0.numerator)/\($0.denominator) (\($0.flag.rawValue))" }.joined(separator: ", "))
                + (funnel.excludedServices.isEmpty ? "" : "; left out: \(funnel.excludedServices.joined(separator: ", "))") + ".")
            csv += plot.resultRows.map { ResultRow([("domain", .text(domain.id))] + $0.cells) }
            let chart = FunnelChartSVG(plot: plot, title: "\(domain.name): key-question results (flags by exact binomial tails)",
                                       xLabel: "Relevant cases", yLabel: "Yes (%)")
            page.file("funnel-domain-\(domain.id).svg", chart.render())
        }
        page.csv("funnel.csv", rows: csv)
        let denominators = within.map(\.denominator)
        page.paragraph("With \(denominators.min() ?? 0) to \(denominators.max() ?? 0) relevant cases the funnel is wide: results from "
            + "\(NumberFormatting.percent(within.map(\.value).min() ?? .nan, 0)) to \(NumberFormatting.percent(within.map(\.value).max() ?? .nan, 0)) sit inside it"
            + (flaggedAll.isEmpty ? ", and no result is flagged, so the differences between key questions and services are what samples this small produce."
                                  : "; \(flaggedAll.count) result(s) are further out than chance explains."), label: "What it means")
        page.paragraph("one service's key questions share cases, and different key questions measure different things; the funnel "
            + "is a screen, not a league table.", label: "Caveats")
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { NumberFormatting.fixed(value, decimals) }
    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + fixed(value, 1) }
}

extension String {
    func indented(_ prefix: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
    }
}
