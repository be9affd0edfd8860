import Foundation

/// One table of a board pack, already in words: the HTML and Markdown renderers draw the same
/// tables, so the two outputs cannot disagree.
public struct BoardTable: Sendable, Equatable {
    /// One row.
    public struct Row: Sendable, Equatable {
        /// Cell texts, one per column.
        public var cells: [String]
        /// The group and stage the row is about (HTML `data-group` / `data-stage`), if any.
        public var group: String?
        /// The stage the row is about.
        public var stage: String?
        /// Marks: `reference`, `small`, `hidden`, `significant`.
        public var marks: [String]
    }
    /// The caption.
    public var caption: String
    /// Column headings.
    public var header: [String]
    /// Column keys (HTML cell classes: `count`, `rate`, `rri`, `lower`, `upper`, …).
    public var keys: [String]
    /// The rows.
    public var rows: [Row]
}

/// One section of a board pack in words.
public struct BoardSection: Sendable, Equatable {
    /// HTML id: `headline`, `representation`, `rri`, `national`, `trend`, `unknown`, `methods`.
    public var id: String
    /// Heading.
    public var title: String
    /// Paragraphs before the lists and tables.
    public var paragraphs: [String]
    /// Bulleted points.
    public var bullets: [String]
    /// Tables.
    public var tables: [BoardTable]
    /// SVG charts (whole documents), drawn after the table they illustrate (HTML only).
    public var charts: [String]
}

extension BoardPack {
    /// A ratio cell in words: "hidden", "not computed", "not estimable (no White child)",
    /// "undefined", never an infinite number.
    func ratioCell(_ row: DisproportionalityRow) -> String {
        if row.isReference { return "1 (reference)" }
        switch row.status {
        case .suppressed: return "hidden"
        case .notComputed: return "not computed"
        case .undefined: return "undefined (no child in either group)"
        case .infinite: return "not estimable (no \(referenceChild))"
        case .ok: return Self.ratioText(row.relativeRateIndex)
        }
    }

    /// An interval bound cell: blank words rather than an empty cell.
    func boundCell(_ x: Double, _ row: DisproportionalityRow) -> String {
        if row.isReference { return "–" }
        if row.isSuppressed { return "hidden" }
        if x.isInfinite { return "no upper limit" }
        return x.isFinite ? Self.ratioText(x) : "not computed"
    }

    func countCell(_ value: Int?) -> String { value.map(NumberFormatting.grouped) ?? "hidden" }

    func notes(_ row: DisproportionalityRow) -> [String] {
        var out: [String] = []
        if row.isReference { out.append("reference") }
        if let suppression = row.suppression { out.append("hidden (\(suppression.rawValue))") }
        if row.significant { out.append("clear difference") }
        if row.small { out.append("small numbers") }
        if row.dependsOnUnknown { out.append("unknown ethnicity could change it") }
        if row.zeroBase { out.append("base of 0") }
        return out
    }

    /// A table's Notes cell: the notes, or "none", so that no cell is left empty.
    static func notesCell(_ notes: [String]) -> String {
        notes.isEmpty ? "none" : notes.joined(separator: ", ")
    }

    func marks(_ row: DisproportionalityRow) -> [String] {
        var out: [String] = []
        if row.isReference { out.append("reference") }
        if row.small { out.append("small") }
        if row.isSuppressed { out.append("hidden") }
        if row.significant { out.append("significant") }
        return out
    }

    func rowsTable(_ rows: [DisproportionalityRow], caption: String, baseWord: String, unitWord: String) -> BoardTable {
        let header = ["Stage", "Group", "Children", baseWord, "Rate \(unitWord)", "RRI", "Lower", "Upper", "Notes"]
        let keys = ["stage", "group", "count", "base", "rate", "rri", "lower", "upper", "notes"]
        let body = rows.map { row in
            BoardTable.Row(cells: [labels.label(row.stage).capitalizedFirst, labels.label(row.group), countCell(row.count), countCell(row.base),
                                   !row.isSuppressed || row.rate.isFinite ? Self.rateText(row.rate) : "hidden",
                                   ratioCell(row), boundCell(row.rri?.lower ?? .nan, row), boundCell(row.rri?.upper ?? .nan, row),
                                   Self.notesCell(notes(row))],
                           group: row.group, stage: row.stage, marks: marks(row))
        }
        return BoardTable(caption: caption, header: header, keys: keys, rows: body)
    }

    /// The sections in board order.
    public func sections() -> [BoardSection] {
        var out: [BoardSection] = []
        let yearText = year.map { " (\($0))" } ?? ""
        out.append(BoardSection(id: "headline", title: "Headline findings\(yearText)",
                                paragraphs: ["Compared with \(referenceChildren); \(levelText) confidence intervals. Source: \(source)."],
                                bullets: headline.map(\.text), tables: [], charts: []))

        // Representation.
        let populationWord = labels.label(report.rows.first?.baseStage ?? "population")
        let shareRows = report.rows.map { row in
            let difference = row.composition?.differencePoints
            return BoardTable.Row(cells: [labels.label(row.stage).capitalizedFirst, labels.label(row.group), countCell(row.count),
                                   shareCell(row.composition?.stageShare),
                                   shareCell(row.composition?.baseShare),
                                   difference.flatMap { $0.estimate.isFinite ? "\(signed($0.estimate)) (\(signed($0.lower)) to \(signed($0.upper)))" : nil } ?? "hidden",
                                   Self.notesCell(notes(row).filter { $0 != "clear difference" })],
                           group: row.group, stage: row.stage, marks: marks(row))
        }
        out.append(BoardSection(
            id: "representation", title: "Representation at each stage",
            paragraphs: ["Each group's share of the children at a stage against its share of the \(populationWord), among children of known ethnicity. Shares are printed to one decimal place (rounding: a printed 17.4% stands for 17.35% to 17.45%); the brackets are the \(levelText) sampling (Wilson) intervals, and the difference is in percentage points (Newcombe interval)."],
            bullets: [],
            tables: [BoardTable(caption: "Share of each stage against share of the \(populationWord)",
                                header: ["Stage", "Group", "Children", "Share of stage", "Share of \(populationWord)", "Difference (points)", "Notes"],
                                keys: ["stage", "group", "count", "stage-share", "base-share", "difference", "notes"], rows: shareRows)],
            charts: []))

        // RRI by stage.
        let cascadeRows = cascade.flatMap(\.rows)
        let cascadeBases = cascade.filter { $0.baseStage != report.rows.first?.baseStage }
            .map { "\(labels.label($0.stage)) over \(labels.label($0.baseStage))" }
        out.append(BoardSection(
            id: "rri", title: "Relative rate index by stage",
            paragraphs: ["The relative rate index (RRI) is a group's rate divided by the rate of \(referenceChildren): 1 is the same rate, 2 twice the rate. The first table rates every stage over the \(populationWord) (per 1,000); the second rates each stage over the children at an earlier stage (per 100), so each RRI shows the disparity added at that step\(cascadeBases.isEmpty ? "" : " (\(cascadeBases.joined(separator: "; ")))"). A hollow point in the chart marks small numbers."],
            bullets: [],
            tables: [rowsTable(report.rows, caption: "Against the \(populationWord) (rate per 1,000)", baseWord: "Population", unitWord: "per 1,000"),
                     BoardTable(caption: "Stage-relative cascade (rate per 100 children at the base stage; per 1,000 where the base is the population)",
                                header: ["Base stage"] + rowsTable(cascadeRows, caption: "", baseWord: "Base", unitWord: "per 100 (per 1,000 over the population)").header,
                                keys: ["base-stage"] + rowsTable(cascadeRows, caption: "", baseWord: "Base", unitWord: "per 100 (per 1,000 over the population)").keys,
                                rows: rowsTable(cascadeRows, caption: "", baseWord: "Base", unitWord: "per 100 (per 1,000 over the population)").rows.enumerated().map { i, row in
                                    var row = row
                                    row.cells.insert(labels.label(cascadeRows[i].baseStage).capitalizedFirst, at: 0)
                                    return row
                                })],
            charts: [BoardForestChartSVG.render(rows: report.rows, stages: report.stages, labels: labels,
                                                title: "RRI against the \(populationWord)", referenceChildren: referenceChildren,
                                                confidence: report.confidence),
                     BoardForestChartSVG.render(rows: cascadeRows, stages: report.stages, labels: labels,
                                                title: "Stage-relative RRI (the disparity added at each step)",
                                                referenceChildren: referenceChildren, confidence: report.confidence)]))

        if !zeroReference.isEmpty {
            let table = BoardTable(
                caption: "Where no \(referenceChild) appears: difference in rates per 1,000",
                header: ["Stage", "Group", "Children", "Population", "Difference per 1,000", "Lower", "Upper"],
                keys: ["stage", "group", "count", "base", "difference", "lower", "upper"],
                rows: zeroReference.map { d in
                    BoardTable.Row(cells: [labels.label(d.stage).capitalizedFirst, labels.label(d.group), NumberFormatting.grouped(d.count),
                                           NumberFormatting.grouped(d.base), Self.rateText(d.perThousand.estimate),
                                           Self.rateText(d.perThousand.lower), Self.rateText(d.perThousand.upper)],
                                   group: d.group, stage: d.stage, marks: [])
                })
            out[out.count - 1].tables.append(table)
        }

        out.append(nationalSection())
        out.append(trendSection())
        out.append(unknownSection())

        var references = [
            "Altman DG, Bland JM (2003). Interaction revisited: the difference between two estimates. BMJ 326:219.",
            "Garwood F (1936). Fiducial limits for the Poisson distribution. Biometrika 28:437–442.",
            "Holm S (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of Statistics 6:65–70.",
            "Katz D, Baptista J, Azen SP, Pike MC (1978). Obtaining confidence intervals for the risk ratio in cohort studies. Biometrics 34:469–474.",
            "Koopman PAR (1984). Confidence intervals for the ratio of two binomial proportions. Biometrics 40:513–517.",
            "Newcombe RG (1998). Interval estimation for the difference between independent proportions: comparison of eleven methods. Statistics in Medicine 17:873–890.",
            "Office of Juvenile Justice and Delinquency Prevention (2009). Disproportionate Minority Contact Technical Assistance Manual, 4th edition (relative rate index).",
            "Wilson EB (1927). Probable inference, the law of succession, and statistical inference. JASA 22:209–212.",
            "Lammy D (2017). The Lammy Review: an independent review into the treatment of, and outcomes for, Black, Asian and Minority Ethnic individuals in the Criminal Justice System.",
        ]
        if report.suppressBelow != nil {
            references.append("Government Statistical Service. Statistical disclosure control for tables produced from administrative data sources.")
        }
        var caveatList = caveats
        caveatList.append("Small-number rule: a count under \(report.minimumCount) or a base under \(report.minimumBase) is marked small numbers (hollow points).")
        caveatList.append(report.suppressBelow.map { "Suppression rule: counts from 1 to \($0 - 1) are hidden, with every figure from which they could be worked out." }
            ?? "Suppression rule: none (no \(Parameter.suppressBelow.mention) given): every count is shown; do not publish small counts without disclosure control.")
        out.append(BoardSection(id: "methods", title: "Methods and caveats",
                                paragraphs: ["Caveats, warnings, every method used and its reference."], bullets: caveatList + warnings.map { "Warning: \($0)" }
                                    + methods.map { "Method: \($0)" } + references.map { "Reference: \($0)" },
                                tables: [], charts: []))
        return out
    }

    /// A ratio of RRIs as a row the forest chart draws, with words where there is none.
    func ratioChart(_ items: [(group: String, stage: String, local: DisproportionalityRow, comparison: RelativeRateIndexComparison?, reason: String?)],
                    title: String, caption: String) -> String {
        var notes: [String: String] = [:]
        let rows = items.map { item -> DisproportionalityRow in
            var row = DisproportionalityRow(group: item.group, stage: item.stage, baseStage: item.local.baseStage, reference: report.reference,
                                            rateUnit: item.local.rateUnit, rriMethod: .altmanBland)
            if let c = item.comparison {
                row.rri = TableRatio(ratio: c.ratio.estimate, interval: RatioEstimate(
                    estimate: c.ratio.estimate, lower: c.ratio.lower, upper: c.ratio.upper, confidence: c.ratio.confidence,
                    method: .altmanBland, assumptions: c.assumptions))
                row.status = .ok
                row.significant = c.ratio.lower > 1 || c.ratio.upper < 1
                row.small = item.local.small
            } else {
                notes["\(item.group)|\(item.stage)"] = item.reason ?? "not compared"
            }
            return row
        }
        return BoardForestChartSVG.render(rows: rows, stages: report.stages, labels: labels, title: title, referenceChildren: referenceChildren,
                                          confidence: report.confidence, axisCaption: caption, notes: notes)
    }

    func shareCell(_ share: ProportionInterval?) -> String {
        guard let share, share.estimate.isFinite else { return "hidden" }
        return "\(Self.percentText(share.estimate)) (\(Self.percentText(share.lower)) to \(Self.percentText(share.upper)))"
    }

    func signed(_ x: Double) -> String { x.isFinite ? (x > 0 ? "+" : "") + NumberFormatting.fixed(x, 1) : "hidden" }

    func nationalSection() -> BoardSection {
        guard let national else {
            return BoardSection(id: "national", title: "Local against national", paragraphs: ["No national figures were given (yjstat board \(Parameter.national.mention) FILE, a counts table in the same form): the local RRIs are not compared with national ones."], bullets: [], tables: [], charts: [])
        }
        let rows = national.map { item in
            let c = item.comparison
            return BoardTable.Row(
                cells: [labels.label(item.stage).capitalizedFirst, labels.label(item.group), ratioCell(item.local),
                        c.map { Self.ratioText($0.national.estimate) } ?? "–"]
                    + comparisonCells(c, missing: "not compared", reason: item.reason),
                group: item.group, stage: item.stage, marks: marks(item.local))
        }
        return BoardSection(
            id: "national", title: "Local against national",
            paragraphs: ["The local RRI against the national RRI (\(nationalSource ?? "national figures")) at each stage. The ratio of RRIs is local ÷ national: above 1, the local disparity is larger. Its interval and p-value come from the log-scale z-test of Altman & Bland (2003) with Poisson counts."],
            bullets: [], tables: [BoardTable(caption: "Ratio of the local RRI to the national RRI",
                                             header: ["Stage", "Group", "Local RRI", "National RRI", "Ratio of RRIs", "Lower", "Upper", "p", "Note"],
                                             keys: ["stage", "group", "rri", "national-rri", "ratio", "lower", "upper", "p", "notes"], rows: rows)],
            charts: [ratioChart(national.map { ($0.group, $0.stage, $0.local, $0.comparison, $0.reason) },
                                title: "Local RRI ÷ national RRI",
                                caption: "ratio of RRIs, log scale (1 = the same disparity as nationally; right of the line = larger locally)")])
    }

    /// The cells of a ratio of RRIs (estimate, lower, upper, p, note), or `missing` and dashes
    /// with the reason when it was not computed.
    func comparisonCells(_ c: RelativeRateIndexComparison?, missing: String, reason: String?) -> [String] {
        [c.map { Self.ratioText($0.ratio.estimate) } ?? missing,
         c.map { Self.ratioText($0.ratio.lower) } ?? "–", c.map { Self.ratioText($0.ratio.upper) } ?? "–",
         c.map { DisproportionalityReport.pText($0.pValue) } ?? "–",
         reason ?? ((c?.pValue ?? 1) < 1 - report.confidence ? "differs beyond chance" : "within chance")]
    }

    func trendSection() -> BoardSection {
        guard let trend, let latest = trend.years.last else {
            let reason = year == nil ? "The counts table has no year column, so no trend can be shown (add a year column with one row per group and year)."
                : "The counts table has one year only (\(year!)), so no trend can be shown."
            return BoardSection(id: "trend", title: "Trend over years", paragraphs: [reason], bullets: [], tables: [], charts: [])
        }
        let points = trend.points.sorted { a, b in
            let sa = report.stages.firstIndex(of: a.row.stage) ?? 0, sb = report.stages.firstIndex(of: b.row.stage) ?? 0
            if sa != sb { return sa < sb }
            if a.row.group != b.row.group { return (report.rows.firstIndex { $0.group == a.row.group } ?? 0) < (report.rows.firstIndex { $0.group == b.row.group } ?? 0) }
            return (trend.years.firstIndex(of: a.year) ?? 0) < (trend.years.firstIndex(of: b.year) ?? 0)
        }
        let yearRows = points.map { p in
            BoardTable.Row(cells: [labels.label(p.row.stage).capitalizedFirst, labels.label(p.row.group), p.year, countCell(p.row.count),
                                   p.rate.map { "\(Self.rateText($0.estimate)) (\(Self.rateText($0.lower)) to \(Self.rateText($0.upper)))" } ?? (!p.row.isSuppressed ? "not computed" : "hidden"),
                                   ratioCell(p.row), boundCell(p.row.rri?.lower ?? .nan, p.row), boundCell(p.row.rri?.upper ?? .nan, p.row)],
                           group: p.row.group, stage: p.row.stage, marks: marks(p.row))
        }
        let testRows = trend.tests.map { t in
            let c = t.comparison
            return BoardTable.Row(cells: [labels.label(t.stage).capitalizedFirst, labels.label(t.group), ratioCell(t.latest), ratioCell(t.earlier),
                                         ] + comparisonCells(c, missing: "not tested", reason: t.reason),
                                  group: t.group, stage: t.stage, marks: marks(t.latest))
        }
        return BoardSection(
            id: "trend", title: "Trend over years",
            paragraphs: ["Each year's rate per 1,000 (exact Poisson interval) and RRI against \(referenceChildren), for \(trend.years.joined(separator: ", ")).",
                         "Test: does the latest year (\(latest)) differ from the earlier years pooled (\(trend.earlierYears))? For each group and stage, the ratio RRI(\(latest)) ÷ RRI(\(trend.earlierYears)) is referred to the normal distribution on the log scale, with variance 1/a + 1/c for each RRI (Poisson counts; Altman & Bland 2003), two-sided at the \(NumberFormatting.fixed((1 - report.confidence) * 100, 0))% level. No adjustment is made for the number of tests."],
            bullets: [],
            tables: [BoardTable(caption: "Latest year against the earlier years pooled", header: ["Stage", "Group", "RRI \(latest)", "RRI \(trend.earlierYears)", "Ratio", "Lower", "Upper", "p", "Conclusion"],
                                keys: ["stage", "group", "rri", "earlier-rri", "ratio", "lower", "upper", "p", "notes"], rows: testRows),
                     BoardTable(caption: "Rate and RRI by year", header: ["Stage", "Group", "Year", "Children", "Rate per 1,000", "RRI", "Lower", "Upper"],
                                keys: ["stage", "group", "year", "count", "rate", "rri", "lower", "upper"], rows: yearRows)],
            charts: [ratioChart(trend.tests.map { ($0.group, $0.stage, $0.latest, $0.comparison, $0.reason) },
                                title: "RRI \(latest) ÷ RRI \(trend.earlierYears)",
                                caption: "ratio of RRIs, log scale (1 = no change; right of the line = a larger disparity in \(latest))")])
    }

    func unknownSection() -> BoardSection {
        guard let unknown = report.unknownLabel else {
            return BoardSection(id: "unknown", title: "Unknown ethnicity", paragraphs: ["No unknown-ethnicity group was named (\(Parameter.unknownLabel.mention) NAME): children of unknown ethnicity, if any, are not in the table and the conclusions assume there are none."], bullets: [], tables: [], charts: [])
        }
        var bullets: [String] = []
        for (i, stage) in report.stages.enumerated() where i < report.unknownByStage.count {
            guard let u = report.unknownByStage[i] else { bullets.append("\(labels.label(stage).capitalizedFirst): hidden (disclosure control)."); continue }
            guard let known = report.knownByStage[i] else { bullets.append("\(labels.label(stage).capitalizedFirst): \(u) of unknown ethnicity (stage total hidden)."); continue }
            let total = u + known
            bullets.append("\(labels.label(stage).capitalizedFirst): \(u) of \(NumberFormatting.grouped(total)) children of unknown ethnicity" + (total > 0 ? " (\(Self.percentText(Double(u) / Double(total))))." : "."))
        }
        let rows = report.rows.filter { !$0.isReference }.map { row in
            let lower = row.unknownBounds?.lower ?? .nan, upper = row.unknownBounds?.upper ?? .nan
            return BoardTable.Row(cells: [labels.label(row.stage).capitalizedFirst, labels.label(row.group), ratioCell(row),
                                   lower.isFinite ? Self.ratioText(lower) : (!row.isSuppressed ? "not computed" : "hidden"),
                                   upper.isFinite ? Self.ratioText(upper) : (upper.isInfinite ? "no upper limit" : (!row.isSuppressed ? "not computed" : "hidden")),
                                   row.dependsOnUnknown ? "could change" : (lower.isNaN ? "–" : "holds")],
                           group: row.group, stage: row.stage, marks: marks(row))
        }
        return BoardSection(
            id: "unknown", title: "Unknown ethnicity",
            paragraphs: ["What the RRIs would be with every child of unknown ethnicity ('\(unknown)') in the group (the largest RRI) or in the reference group (the smallest). 'Could change' means the bounds straddle 1 or the clear difference would not hold at one end."],
            bullets: bullets,
            tables: [BoardTable(caption: "RRI bounds over where the unknown children belong", header: ["Stage", "Group", "RRI", "Smallest", "Largest", "Conclusion"],
                                keys: ["stage", "group", "rri", "unknown-lower", "unknown-upper", "notes"], rows: rows)],
            charts: [])
    }
}
