import Foundation
import YJStat

/// Builds the disproportionality notebook page.
enum DisproportionalityNotebook {
    static let minority = ServiceRepresentation.minorityEthnicCategory

    static func build(dataset: SummaryDataset, countsURL: URL) throws -> Notebook {
        var page = Notebook(name: "notebook-disproportionality",
                            title: "Notebook: disproportionality — minority-ethnic children in the bundled services and a worked cascade")
        let representations = dataset.services.map { ($0, ServiceRepresentation(dataset: dataset, service: $0)) }
        representation(&page, representations: representations)
        unknown(&page, representations: representations)
        try cascade(&page, countsURL: countsURL)
        return page
    }

    // MARK: 1. Representation in the bundled services

    static func representation(_ page: inout Notebook, representations: [(String, ServiceRepresentation)]) {
        page.section("1. Are Black and minority-ethnic children over-represented among those cautioned or sentenced?")
        page.paragraph("In each bundled service, how does the share of Black and minority-ethnic children among those cautioned or "
            + "sentenced compare with the national average, and with the local 10–17 population where it is known?", label: "Question")
        page.paragraph("The reports print whole percentages only. The ratio of shares S/C and the difference S − C are worked out "
            + "with the range rounding allows (a printed x% is a value in [x − 0.5, x + 0.5)); where the number of children is taken "
            + "from the caseload total, the 95% interval adds sampling error over every count that rounds to the printed share "
            + "(Wilson interval for the service, comparator exact within rounding).", label: "Method")
        var rows: [[String]] = []
        var csv: [ResultRow] = []
        var labels: [String] = [], estimates: [Double] = [], lows: [Double] = [], highs: [Double] = []
        for (service, representation) in representations {
            for entry in representation.entries where entry.dimension == .ethnicity && entry.category == minority {
                let r = entry.representation
                let comparator = entry.comparator == .national ? "national" : "local"
                rows.append([service, "\(Int(r.servicePercent))%", "\(Int(r.comparatorPercent))% \(comparator)",
                             fixed(r.ratio, 2), range(r.ratioRounding, 2), r.ratioSampling.map { range($0, 2) } ?? "–",
                             signed(r.differencePoints), range(r.differenceRounding, 1)])
                csv.append(ResultRow([
                    ("service", .text(service)), ("comparator", .text(entry.comparator.rawValue)), ("comparator_source", .text(entry.comparatorSource)),
                    ("service_percent", .number(r.servicePercent)), ("comparator_percent", .number(r.comparatorPercent)),
                    ("ratio", .number(r.ratio)), ("ratio_rounding_lower", .number(r.ratioRounding.lowerBound)),
                    ("ratio_rounding_upper", .number(r.ratioRounding.upperBound)),
                    ("ratio_sampling_lower", r.ratioSampling.map { .number($0.lowerBound) } ?? .null),
                    ("ratio_sampling_upper", r.ratioSampling.map { .number($0.upperBound) } ?? .null),
                    ("difference_points", .number(r.differencePoints)), ("children_total", r.serviceTotal.map { .integer($0) } ?? .null),
                    ("notes", .text(r.notes.joined(separator: "; "))),
                ]))
                labels.append("\(service) (\(comparator))")
                estimates.append(r.ratio)
                lows.append((r.ratioSampling ?? r.ratioRounding).lowerBound)
                highs.append((r.ratioSampling ?? r.ratioRounding).upperBound)
            }
        }
        page.table(header: ["service", "share", "comparator", "ratio", "rounding", "95% sampling", "points", "rounding"], rows: rows)
        page.csv("representation_minority_ethnic.csv", rows: csv)
        if let chart = try? IntervalBarChartSVG(labels: labels, estimates: estimates, lower: lows, upper: highs, reference: 1,
                                                title: "Black and minority-ethnic children cautioned or sentenced: ratio to comparator",
                                                caption: "Ratio of printed shares. Whiskers: 95% interval with sampling where a number of children is available and fits the printed share, otherwise the range rounding allows.",
                                                scale: .logarithmic, valueLabel: "Ratio (log scale)") {
            page.file("representation_minority_ethnic.svg", chart.render())
        }
        for (service, representation) in representations {
            for entry in representation.entries where entry.category == minority && entry.comparator == .localPopulation {
                page.bullet("\(service), local comparator: \(entry.comparatorSource).")
            }
            if let total = representation.childrenTotal { page.bullet("\(service): sampling intervals take \(total) children (caseload total).") }
            for note in Set(representation.entries.filter { $0.category == minority }.flatMap(\.representation.notes)).sorted() {
                page.bullet("\(service): \(note).")
            }
        }
        let national = representations.compactMap { service, r in
            r.entries.first { $0.category == minority && $0.comparator == .national }.map { (service, $0.representation) }
        }
        let over = national.filter { $0.1.ratioRounding.lowerBound > 1 }.map { "\($0.0) (\(fixed($0.1.ratio, 2))×)" }
        let under = national.filter { $0.1.ratioRounding.upperBound < 1 }.map { "\($0.0) (\(fixed($0.1.ratio, 2))×)" }
        page.paragraph("Against the national average, minority-ethnic children are over-represented in " + (over.isEmpty ? "no service" : over.joined(separator: ", "))
            + " and under-represented in " + (under.isEmpty ? "no service" : under.joined(separator: ", "))
            + ", whatever rounding hides. The national average is the wrong yardstick for an area whose own children are mostly "
            + "(or hardly ever) from minority ethnic groups: against the local population the picture changes (table above).", label: "What it means")
        page.paragraph("local shares mix a 2011 Census count with a later population estimate; percentages of children cautioned or "
            + "sentenced cover a different year from the caseload used as the number of children; no report prints the counts.",
                       label: "Caveats")
    }

    // MARK: 2. Unknown ethnicity

    static func unknown(_ page: inout Notebook, representations: [(String, ServiceRepresentation)]) {
        page.section("2. How much could children of unknown ethnicity change that?")
        page.paragraph("If the children recorded with unknown ethnicity were allocated to groups, how far could the minority-ethnic "
            + "share and its ratio to the national average move?", label: "Question")
        page.paragraph("Bounds (Manski 2003): none of the unknown children minority ethnic (share B), all of them (B + U), and "
            + "the unknown spread like the known children (100·B/(W + B)).", label: "Method")
        var rows: [[String]] = []
        var csv: [ResultRow] = []
        for (service, representation) in representations {
            guard let effect = representation.unknownEthnicity else { continue }
            rows.append([service, "\(effect.unknown)%", "\(effect.minorityEthnic)%", fixed(effect.highestShare, 0) + "%",
                         fixed(effect.redistributedShare, 1) + "%", "\(effect.national)%",
                         "\(fixed(effect.lowestRatio, 2))–\(fixed(effect.highestRatio, 2))", effect.changesDirection ? "yes" : "no"])
            csv.append(ResultRow([
                ("service", .text(service)), ("unknown_percent", .integer(effect.unknown)), ("minority_ethnic_percent", .integer(effect.minorityEthnic)),
                ("highest_share", .number(effect.highestShare)), ("redistributed_share", .number(effect.redistributedShare)),
                ("national_percent", .integer(effect.national)), ("lowest_ratio", .number(effect.lowestRatio)),
                ("redistributed_ratio", .number(effect.redistributedRatio)), ("highest_ratio", .number(effect.highestRatio)),
                ("changes_direction", .bool(effect.changesDirection)),
            ]))
        }
        page.table(header: ["service", "unknown", "share (none)", "share (all)", "share (spread)", "national", "ratio range", "flips?"], rows: rows)
        page.csv("unknown_ethnicity.csv", rows: csv)
        let biggest = representations.compactMap { service, r in r.unknownEthnicity.map { (service, $0) } }.max { $0.1.unknown < $1.1.unknown }
        if let (service, effect) = biggest {
            page.paragraph("\(service) records \(effect.unknown)% of its children with unknown ethnicity, more than its \(effect.minorityEthnic)% "
                + "minority-ethnic share: that share could be anywhere from \(effect.minorityEthnic)% to \(fixed(effect.highestShare, 0))%. "
                + (effect.changesDirection ? "Whether the service is above or below the national share depends on them."
                                           : "Even with every unknown child counted as minority ethnic it stays \(effect.highestShare < Double(effect.national) ? "below" : "above") the national \(effect.national)%."),
                           label: "What it means")
        }
        page.paragraph("the bounds use printed, rounded shares; the national figure has its own unknowns (about 4%).", label: "Caveats")
    }

    // MARK: 3. The relative-rate cascade

    static func cascade(_ page: inout Notebook, countsURL: URL) throws {
        page.section("3. The example counts table through the relative-rate cascade")
        page.paragraph("For a service with counts at each stage (Datasets/examples/counts.csv, made up), where does disparity enter: "
            + "at arrest, at the decision to go to court, or at custody?", label: "Question")
        page.paragraph("Relative rate index (RRI) = the group's rate ÷ the White rate. Population base: every stage per 1,000 children. "
            + "Cascade (previous-stage base, as the US OJJDP method): arrests per 1,000 children, court cases per 100 arrests, custody "
            + "per 100 court cases, so each RRI shows the disparity added at that step and their product is the cumulative RRI. "
            + "Katz log intervals (95%); unknown ethnicity bounded by placing the unknown children in the group or in the reference.",
                       label: "Method")
        let csv = try CSVReader.read(contentsOf: countsURL)
        let stages = ["arrest", "court", "custody"]
        let table = try CountsTable(csv: csv, options: .init(stages: stages, unknownLabel: "Unknown"))
        let previous = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(reference: .group("White"), base: .previous))
        let population = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(reference: .group("White"), base: .population))
        var rows: [[String]] = []
        for group in table.knownGroups where group != "White" {
            var row = [group]
            for stage in stages {
                if let r = previous.rows.first(where: { $0.group == group && $0.stage == stage }) {
                    row.append("\(fixed(r.relativeRateIndex, 2)) (\(fixed(r.rri?.lower ?? .nan, 2))–\(fixed(r.rri?.upper ?? .nan, 2)))")
                } else { row.append("–") }
            }
            let last = previous.rows.first { $0.group == group && $0.stage == stages.last }
            let direct = population.rows.first { $0.group == group && $0.stage == stages.last }
            row.append(last.map { fixed($0.cumulative?.ratio ?? .nan, 2) } ?? "–")
            row.append(direct.map { fixed($0.relativeRateIndex, 2) } ?? "–")
            rows.append(row)
        }
        page.table(header: ["group", "arrest (per 1,000)", "court (per 100 arrests)", "custody (per 100 court)", "cumulative", "custody per 1,000"], rows: rows)
        page.csv("cascade.csv", rows: previous.resultRows())
        page.csv("population_base.csv", rows: population.resultRows())
        page.verbatim(previous.textSummary())
        if let black = Optional(previous.rows.filter { $0.group == "Black" }), !black.isEmpty,
           let chart = try? IntervalBarChartSVG(labels: black.map { "\($0.stage) (over \($0.baseStage))" }, estimates: black.map(\.relativeRateIndex),
                                                lower: black.map { $0.rri?.lower ?? .nan }, upper: black.map { $0.rri?.upper ?? .nan }, reference: 1,
                                                title: "Black children against White, stage by stage (example data)",
                                                caption: "RRI at each stage over the previous stage (arrest over the population); 95% Katz intervals. The product of the three is the cumulative RRI.",
                                                scale: .logarithmic, valueLabel: "Relative rate index (log scale)") {
            page.file("cascade_black.svg", chart.render())
        }
        if let black = previous.rows.first(where: { $0.group == "Black" && $0.stage == "arrest" }),
           let court = previous.rows.first(where: { $0.group == "Black" && $0.stage == "court" }),
           let custody = previous.rows.first(where: { $0.group == "Black" && $0.stage == "custody" }) {
            let steps = [black, court, custody]
            let largest = steps.max { abs(Foundation.log($0.relativeRateIndex)) < abs(Foundation.log($1.relativeRateIndex)) } ?? black
            let clear = steps.filter { ($0.rri?.lower ?? .nan) > 1 }.map(\.stage)
            page.paragraph("In the example, Black children are arrested at \(fixed(black.relativeRateIndex, 2)) times the White rate; once arrested they "
                + "reach court at \(fixed(court.relativeRateIndex, 2)) times the White rate, and once at court custody at \(fixed(custody.relativeRateIndex, 2)) times. "
                + "The cumulative RRI, \(fixed(custody.cumulative?.ratio ?? .nan, 2)), equals the custody rate per 1,000 children compared directly. "
                + "The largest step is at \(largest.stage) (\(fixed(largest.relativeRateIndex, 2))); "
                + (clear.isEmpty ? "no step is clearly different from 1." : "the steps clearly above 1 at 95%: " + clear.joined(separator: ", ") + "; the others' intervals include 1."),
                           label: "What it means")
        }
        page.paragraph("the counts are made up for illustration; small counts at custody make those RRIs unstable; the cascade "
            + "assumes each stage is a subset of the one before.", label: "Caveats")
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { NumberFormatting.fixed(value, decimals) }
    static func range(_ r: ClosedRange<Double>, _ decimals: Int) -> String { "\(fixed(r.lowerBound, decimals))–\(fixed(r.upperBound, decimals))" }
    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + fixed(value, 0) }
}
