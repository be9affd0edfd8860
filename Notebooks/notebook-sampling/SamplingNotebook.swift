import Foundation
import YJStat

/// Builds the sampling notebook page from a dataset.
enum SamplingNotebook {
    static let populations: [Int?] = [5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000, 5000, nil]

    static func build(dataset: SummaryDataset) throws -> Notebook {
        var page = Notebook(name: "notebook-sampling", title: "Notebook: inspection samples — sizes, audits and the risk of a wrong band")
        let target = PrecisionTarget.inspectorate
        try sampleSizes(&page, target: target)
        try audits(&page, dataset: dataset, target: target)
        try designRisk(&page, dataset: dataset)
        return page
    }

    // MARK: 1. Sample sizes

    static func sampleSizes(_ page: inout Notebook, target: PrecisionTarget) throws {
        page.section("1. How many cases for 80% confidence and ±5 points?")
        page.paragraph("If an inspectorate wants each key-question percentage within 5 points of the truth with 80% confidence, "
            + "how many cases must it read, and does the answer depend on which calculator it uses?", label: "Question")
        page.paragraph("n0 = z² p(1 − p) / e² with z = \(fixed(target.z, 7)) (the 90th percentile of the standard normal), p = 0.5 "
            + "(the worst case) and e = 0.05, so n0 = \(fixed(target.infinitePopulationSize, 2)). Two finite population corrections are both "
            + "called Cochran's: A, n = n0 / (1 + (n0 − 1)/N) (Raosoft, OpenEpi, Epi Info, R epiR), and B, n = n0 / (1 + n0/N) "
            + "(R samplingbook). Calculators then round up or to the nearest whole number. The exact columns drop the normal "
            + "approximation: the smallest n whose hypergeometric chance of landing within ±5 points reaches 80%, and the n from "
            + "which every larger n does (discreteness makes the first not monotone).", label: "Method")
        var rows: [[String]] = []
        var csv: [ResultRow] = []
        var disagreements: [String] = []
        var labels: [String] = [], estimates: [Double] = [], lows: [Double] = [], highs: [Double] = []
        for population in populations {
            let sizes = try SampleSize.allForms(target: target, population: population)
            func size(_ c: FinitePopulationCorrection, _ r: SampleSizeRounding) -> Int {
                sizes.first { $0.correction == c && $0.rounding == r }?.size ?? 0
            }
            let exact = try ExactSampleSize.compute(target: target, population: population)
            let label = population.map { "N = \($0)" } ?? "N = ∞"
            let all = sizes.map(\.size)
            let cochran = sizes.filter { $0.correction != .none }.map(\.size)
            if Set(cochran).count > 1, let population { disagreements.append("\(population) (\(cochran.min() ?? 0)–\(cochran.max() ?? 0))") }
            rows.append([label, String(size(.cochranA, .up)), String(size(.cochranA, .nearest)), String(size(.cochranB, .up)),
                         String(size(.cochranB, .nearest)), String(size(.none, .up)), String(exact.firstSufficient), String(exact.sufficientFromHere)])
            csv.append(ResultRow([
                ("population", population.map { .integer($0) } ?? .null),
                ("cochran_a_up", .integer(size(.cochranA, .up))), ("cochran_a_nearest", .integer(size(.cochranA, .nearest))),
                ("cochran_b_up", .integer(size(.cochranB, .up))), ("cochran_b_nearest", .integer(size(.cochranB, .nearest))),
                ("no_correction_up", .integer(size(.none, .up))),
                ("exact_first_sufficient", .integer(exact.firstSufficient)), ("exact_sufficient_from_here", .integer(exact.sufficientFromHere)),
                ("cochran_a_unrounded", .number(sizes.first { $0.correction == .cochranA }?.unrounded ?? .nan)),
            ]))
            labels.append(label)
            estimates.append(Double(size(.cochranA, .up)))
            lows.append(Double(all.min() ?? 0))
            highs.append(Double(all.max() ?? 0))
        }
        page.table(header: ["population", "A up", "A nearest", "B up", "B nearest", "none up", "exact first", "exact from"], rows: rows)
        page.csv("sample_sizes.csv", rows: csv)
        if let chart = try? IntervalBarChartSVG(labels: labels, estimates: estimates, lower: lows, upper: highs,
                                                title: "Sample size for 80% confidence, ±5 points, by eligible population",
                                                caption: "Bars: Cochran A rounded up. Whiskers: the smallest and largest size over Cochran A and B and no correction, each rounded up or to nearest.",
                                                valueLabel: "Cases to sample") {
            page.file("sample_sizes.svg", chart.render())
        }
        page.paragraph("Cochran A and B with either rounding "
            + (disagreements.isEmpty ? "agree everywhere in this table" : "disagree by a case or two at N = " + disagreements.joined(separator: ", "))
            + "; leaving out the correction asks for up to \(try SampleSize.compute(target: target, population: nil).size) cases whatever N is. "
            + "For small eligible populations the sample is most of the population (N = 20 needs \(rows[2][1]) cases under A rounded up); "
            + "for large ones every form approaches n0.", label: "What it means")
        page.paragraph("a tool must say which form and rounding it used; the exact sizes assume simple random sampling, "
            + "while inspections match the sample to the population by sex, disposal and risk (stratification), which changes the variance.",
                       label: "Caveats")
    }

    // MARK: 2. The bundled inspections

    static func audits(_ page: inout Notebook, dataset: SummaryDataset, target: PrecisionTarget) throws {
        page.section("2. Do the bundled inspections' samples support ±5 points?")
        page.paragraph("The reports say each sample was sized for 80% confidence and a 5-point margin. What margin do the published "
            + "samples give, and for which eligible populations would the rule have produced them?", label: "Question")
        page.paragraph("Margin e = z √(p(1 − p)/n · f) with f = 1 in a large population, or (N − n)/(N − 1) (form A) taking the "
            + "service's year caseload as N where the report prints one (an upper bound on the eligible cases). The implied "
            + "population is every N for which Cochran A rounded up gives exactly the published n.", label: "Method")
        var rows: [[String]] = []
        var csv: [ResultRow] = []
        for service in dataset.services {
            let audit = try ServiceSampleAudit(dataset: dataset, service: service, target: target)
            for part in [audit.court, audit.outOfCourt].compactMap({ $0 }) {
                let implied = part.impliedPopulation
                let impliedText = implied.lower.map { lower in implied.upper.map { $0 == lower ? "\(lower)" : "\(lower)–\($0)" } ?? "\(lower)+" } ?? "none"
                let caseMargin = part.caseloadAudit?.margins.first { $0.correction == .cochranA }?.margin
                rows.append([service, part.name, String(part.sample), "±" + fixed(part.infinitePopulationMargin.margin * 100, 1),
                             part.caseload.map(String.init) ?? "–", caseMargin.map { "±" + fixed($0 * 100, 1) } ?? "–", impliedText])
                csv.append(ResultRow([
                    ("service", .text(service)), ("sample", .text(part.name)), ("size", .integer(part.sample)),
                    ("infinite_margin", .number(part.infinitePopulationMargin.margin)),
                    ("caseload", part.caseload.map { .integer($0) } ?? .null),
                    ("caseload_margin_cochran_a", caseMargin.map { .number($0) } ?? .null),
                    ("implied_population_lower", implied.lower.map { .integer($0) } ?? .null),
                    ("implied_population_upper", implied.upper.map { .integer($0) } ?? .null),
                ]))
            }
            if let share = audit.courtShare, let rule = audit.sixtyFortyOutOfCourt, let outOfCourt = audit.outOfCourt {
                page.bullet("\(service): \(fixed(share * 100, 0))% court; the 60/40 rule gives \(rule) out-of-court cases, the sample has \(outOfCourt.sample).")
            }
        }
        page.table(header: ["service", "sample", "n", "margin (large N)", "caseload", "margin (caseload)", "N giving n"], rows: rows)
        page.csv("sample_audit.csv", rows: csv)
        let parts = try dataset.services.flatMap { service -> [(String, ServiceSampleAudit.Part)] in
            let audit = try ServiceSampleAudit(dataset: dataset, service: service, target: target)
            return [audit.court, audit.outOfCourt].compactMap { $0 }.map { (service, $0) }
        }
        let whole = parts.filter { $0.1.impliedPopulation.lower == $0.1.sample && $0.1.impliedPopulation.upper == $0.1.sample }
        let margins = parts.map(\.1.infinitePopulationMargin.margin)
        var meaning = "No sample reaches ±\(fixed(target.margin * 100, 0)) points as a sample from a large population: margins run from ±"
            + "\(fixed((margins.min() ?? .nan) * 100, 1)) to ±\(fixed((margins.max() ?? .nan) * 100, 1)) points. "
        if !whole.isEmpty {
            meaning += "The rule gives " + whole.map { "\($0.0) \($0.1.name) \($0.1.sample)" }.joined(separator: ", ")
                + " only when the eligible population is the sample itself, so those inspections read every eligible case and their "
                + "percentages describe those cases rather than estimate a wider caseload. "
        }
        let others = parts.filter { part in !whole.contains { $0.0 == part.0 && $0.1.name == part.1.name } }
        if !others.isEmpty {
            meaning += "The other samples fit eligible populations of " + others.map { part in
                let range = part.1.impliedPopulation
                return "\(range.lower.map(String.init) ?? "none")\(range.upper.map { $0 == range.lower ? "" : "–\($0)" } ?? "+") (\(part.0) \(part.1.name))"
            }.joined(separator: ", ") + "."
        }
        page.paragraph(meaning, label: "What it means")
        page.paragraph("the eligible population is not printed; the caseload counts a year of cases while the sample is drawn "
            + "from a shorter window, so margins against it are upper bounds.", label: "Caveats")
    }

    // MARK: 3. Wrong band

    static func designRisk(_ page: inout Notebook, dataset: SummaryDataset) throws {
        page.section("3. How often would samples of these sizes give the wrong band?")
        page.paragraph("If a service's true proportion of yes cases sits near a band boundary, how often does a sample of the "
            + "bundled sizes put the key question in another band?", label: "Question")
        page.paragraph("The sample's yes count is binomial (a large population); its band is judged exactly (100k ≥ t·n). "
            + "The chance of a wrong band is 1 − P(sample band = true band), for true proportions on a grid around 50, 65 and 80%.",
                       label: "Method")
        let sizes = Array(Set(dataset.inspection.inspections.flatMap { $0.samples.values })).sorted()
        let grid = DesignRisk.boundaryGrid
        var rows: [[String]] = []
        var csv: [ResultRow] = []
        for p in grid {
            var row = [fixed(p * 100, 0) + "%"]
            for n in sizes {
                let risk = try DesignRisk.compute(sample: n, population: nil, trueProportion: p)
                row.append(fixed(risk.probabilityWrongBand * 100, 0) + "%")
                csv.append(ResultRow([("true_proportion", .number(p)), ("sample", .integer(n)), ("true_band", .text(risk.bands[risk.trueBand].band)),
                                      ("probability_wrong_band", .number(risk.probabilityWrongBand))]))
            }
            rows.append(row)
        }
        page.table(header: ["true %"] + sizes.map { "n = \($0)" }, rows: rows)
        page.csv("design_risk.csv", rows: csv)
        var labels: [String] = [], estimates: [Double] = [], lows: [Double] = [], highs: [Double] = []
        let good = grid.filter { $0 >= 0.65 && $0 < 0.80 }
        for n in sizes {
            let risks = try good.map { try DesignRisk.compute(sample: n, population: nil, trueProportion: $0).probabilityWrongBand }
            let middle = try DesignRisk.compute(sample: n, population: nil, trueProportion: 0.72).probabilityWrongBand
            labels.append("n = \(n)")
            estimates.append(middle)
            lows.append(risks.min() ?? middle)
            highs.append(risks.max() ?? middle)
        }
        if let chart = try? IntervalBarChartSVG(labels: labels, estimates: estimates, lower: lows, upper: highs,
                                                title: "Chance that a sample rates a truly Good key question in another band",
                                                caption: "Bars: true proportion 72% (mid Good). Whiskers: lowest and highest chance for true proportions from 65% to 79% on the grid. Binomial sampling, band judged exactly.",
                                                valueStyle: .percent, valueLabel: "Chance of the wrong band") {
            page.file("wrong_band.svg", chart.render())
        }
        let smallest = sizes.first ?? 1
        let midSmall = try DesignRisk.compute(sample: smallest, population: nil, trueProportion: 0.72).probabilityWrongBand
        let largest = sizes.last ?? 1
        let midLarge = try DesignRisk.compute(sample: largest, population: nil, trueProportion: 0.72).probabilityWrongBand
        let scale = RatingBandScale.youthInspection
        let unreachable = sizes.compactMap { n -> String? in
            let reachable = Set((0...n).map { scale.band($0, of: n) })
            let missing = scale.names.indices.filter { !reachable.contains($0) }.map { scale.names[$0] }
            return missing.isEmpty ? nil : "with \(n) cases no result can be \(missing.joined(separator: " or "))"
        }
        page.paragraph("A key question whose true rate is 72% (mid Good) is put in another band \(fixed(midSmall * 100, 0))% of the time "
            + "with \(smallest) cases and \(fixed(midLarge * 100, 0))% with \(largest). Near a boundary the chance is around a half "
            + "whatever the sample size. "
            + (unreachable.isEmpty ? "" : "Some bands cannot occur at all: " + unreachable.joined(separator: "; ") + " (the 100% rows above). ")
            + "This is why a sample of five or fewer is a trigger for professional discretion.", label: "What it means")
        page.paragraph("these are chances for samples drawn from a large population; when the sample is the whole eligible "
            + "population (as the small services' appear to be) there is no sampling error, only the judgement of each case.",
                       label: "Caveats")
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { NumberFormatting.fixed(value, decimals) }
}
