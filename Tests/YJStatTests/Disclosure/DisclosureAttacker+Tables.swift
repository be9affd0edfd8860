import Foundation

/// The attacker's reading of outputs meant for people rather than programs (issue 13): the
/// board pack's Markdown and HTML tables, its unknown-ethnicity and totals sentences, and the
/// value labels of the forest charts (SVG). These figures are printed rounded (a rate to one
/// decimal, a share to 0.1%, an RRI to three figures), so each gives a range rather than an
/// equation: a printed 4.1 per 1,000 over 30,000 says the count lies in [121.5, 124.5].
/// Used by both test targets (`CLITests/Support` holds a link to this file, as to DisclosureAttacker.swift).
extension DisclosureAttacker {
    /// A printed number: its value and half the unit of its last printed digit.
    struct Printed: Equatable {
        var value: Double
        var half: Double
    }

    /// The first number of a cell ("30,000", "4.1", "67.0% (59.9% to 73.4%)", "1 (reference)",
    /// "1.72 (1.08–2.73)"), as a fraction when followed by %; nil for words ("hidden", "–").
    static func printed(_ cell: String) -> Printed? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        guard let match = text.prefixMatch(of: /[+-]?[0-9]+(,[0-9]{3})*(\.[0-9]+)?/) else { return nil }
        let digits = String(match.output.0).replacingOccurrences(of: ",", with: "")
        guard let value = Double(digits) else { return nil }
        let decimals = match.output.2.map { $0.count - 1 } ?? 0
        var half = 0.5 * pow(10, -Double(decimals))
        var number = value
        if text[match.range.upperBound...].hasPrefix("%") { number /= 100; half /= 100 }
        return Printed(value: number, half: half)
    }

    /// Every number token of a text ("1.72 (1.08–2.73)" gives 1.72, 1.08, 2.73), as printed.
    static func numberTokens(_ text: String) -> Set<String> {
        Set(text.matches(of: /[0-9]+(,[0-9]{3})*(\.[0-9]+)?/).map { String($0.output.0) })
    }

    /// The stage a printed label names (a stage name, its board label, either capitalised), or
    /// the population stage for "10–17 population".
    func stage(labelled label: String) -> String? {
        let wanted = label.trimmingCharacters(in: .whitespaces).lowercased()
        if let stage = stages.first(where: { $0.lowercased() == wanted || stageLabels[$0]?.lowercased() == wanted }) { return stage }
        return wanted.contains("population") ? populationStage : nil
    }

    // MARK: reading

    /// Markdown: every pipe table, and the unknown-ethnicity and totals sentences.
    mutating func read(markdown: String) {
        var block: [[String]] = []
        func flush() {
            if block.count > 2 { readTable(header: block[0], cells: Array(block.dropFirst(2))) }
            block = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                block.append(line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) })
            } else {
                flush()
                readSentence(String(line))
            }
        }
        flush()
        read(text: markdown)
    }

    /// HTML: every `<table>` (header cells and body rows), the list items' sentences, and the
    /// forest charts' labels.
    mutating func read(html: String) {
        for table in html.matches(of: /(?s)<table>(.*?)<\/table>/) {
            let body = String(table.output.1)
            let header = body.matches(of: /(?s)<th[^>]*>(.*?)<\/th>/).map { Self.plain(String($0.output.1)) }
            let rows = body.matches(of: /(?s)<tr[^>]*>(.*?)<\/tr>/).map { row in
                String(row.output.1).matches(of: /(?s)<td[^>]*>(.*?)<\/td>/).map { Self.plain(String($0.output.1)) }
            }.filter { !$0.isEmpty }
            readTable(header: header, cells: rows)
        }
        let items = html.matches(of: /(?s)<li[^>]*>(.*?)<\/li>/).map { "- " + Self.plain(String($0.output.1)) }
        for item in items { readSentence(item) }
        read(text: items.joined(separator: "\n"))
        for svg in html.matches(of: /(?s)<svg.*?<\/svg>/) { read(svg: String(svg.output)) }
    }

    /// A forest chart: stage headings, group names and the value label after each ("1.72
    /// (1.08–2.73)"), the RRI of that group at that stage; a chart titled stage-relative or
    /// "over the previous stage" rates each stage over the earlier one the tables name.
    mutating func read(svg: String) {
        let texts = Self.svgTexts(svg)
        let relative = texts.first.map { $0.contains("Stage-relative") || $0.contains("previous stage") } ?? false
        var stage: String?, group: String?
        for text in texts {
            if let s = self.stage(labelled: text), s != populationStage { stage = s; group = nil; continue }
            if groups.contains(text) { group = text; continue }
            guard let stage, let g = group, let rri = Self.printed(text) else { continue }
            printedRows.append(["group": g, "stage": stage, "rri": "\(rri.value)", "rri_half": "\(rri.half)",
                                "base_stage": relative ? "(earlier)" : populationStage])
            group = nil
        }
    }

    /// The text of every `<text>` element of an SVG, in order.
    static func svgTexts(_ svg: String) -> [String] {
        svg.matches(of: /(?s)<text[^>]*>(.*?)<\/text>/).map { plain(String($0.output.1)) }
    }

    /// Tags removed and the usual entities decoded.
    static func plain(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: "").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespaces)
    }

    /// "Arrests: 15 of 212 children of unknown ethnicity (7.1%)." or "Arrests: 15 of unknown
    /// ethnicity (stage total hidden)."
    mutating func readSentence(_ line: String) {
        guard let unknown, let match = line.firstMatch(of: /^- (.+?): ([0-9][0-9,]*) of (?:([0-9][0-9,]*) children of )?unknown ethnicity/),
              let stage = stage(labelled: String(match.output.1)), stage != populationStage,
              let u = Self.printed(String(match.output.2)) else { return }
        equate([(unknown, stage)], u.value)
        if let total = match.output.3.flatMap({ Self.printed(String($0)) }) { equate(groups.map { ($0, stage) }, total.value) }
    }

    /// One table of a board pack: columns recognised by their headings, one row per group and stage.
    mutating func readTable(header: [String], cells: [[String]]) {
        let keys: [String?] = header.map { heading in
            switch heading.lowercased() {
            case "stage": "stage"
            case "group": "group"
            case "base stage": "base_stage"
            case "children": "count"
            case "population", "base": "base"
            case let h where h.hasPrefix("rate per"): "rate"
            case "rri": "rri"
            case "share of stage": "stage_share"
            default: nil
            }
        }
        let per100 = header.contains { $0.lowercased().hasPrefix("rate per 100 ") || $0.lowercased() == "rate per 100" }
        for row in cells {
            var fields: [String: String] = [:]
            for (key, cell) in zip(keys, row) {
                guard let key else { continue }
                switch key {
                case "stage", "base_stage":
                    guard let stage = stage(labelled: cell) else { continue }
                    fields[key] = stage
                case "group": fields[key] = cell
                default:
                    guard let number = Self.printed(cell) else { continue }
                    fields[key] = "\(number.value)"
                    fields[key + "_half"] = "\(number.half)"
                }
            }
            guard let g = fields["group"], groups.contains(g), fields["stage"] != nil else { continue }
            let base = fields["base_stage"] ?? populationStage
            fields["base_stage"] = base
            fields["rate_per"] = per100 && base != populationStage ? "100" : "1000"
            printedRows.append(fields)
        }
    }

    // MARK: ranges from printed rows

    /// A range constraint low ≤ Σ cells ≤ high.
    mutating func bound(_ cells: [(String, String)], _ low: Double, _ high: Double) {
        var coefficients: [Int: Double] = [:]
        for cell in cells {
            guard let v = variable(cell.0, cell.1) else { return }
            coefficients[v, default: 0] += 1
        }
        guard low.isFinite || high.isFinite, !coefficients.isEmpty else { return }
        ranges.append((coefficients, low, high))
    }

    /// The equations and ranges of the printed rows: exact counts and bases; count within rate ±
    /// half a digit × base; the reference cells within count / base × reference base / (RRI ±
    /// half a digit); the stage's known total within count / (share ± half a digit).
    mutating func buildPrintedEquations() {
        func number(_ row: [String: String], _ key: String) -> Double? { row[key].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } }
        // A chart's stage-relative labels take their base stage from the cascade table.
        let rows = printedRows.map { row -> [String: String] in
            guard row["base_stage"] == "(earlier)" else { return row }
            var resolved = row
            let previous = stages.firstIndex(of: row["stage"] ?? "").flatMap { previousBase && $0 > 0 ? stages[$0 - 1] : nil }
            resolved["base_stage"] = printedRows.first { $0["group"] == row["group"] && $0["stage"] == row["stage"] && $0["base_stage"] != populationStage && $0["base_stage"] != "(earlier)" }?["base_stage"] ?? previous
            return resolved
        }
        // A count or base published in any table, or in the CSV/JSON/text rows read before.
        let exactRows = self.rows
        func published(_ key: String, _ g: String, _ c: String, _ b: String) -> Double? {
            for row in rows + exactRows where row["group"] == g && row["stage"] == c && (row["base_stage"] ?? populationStage) == b {
                if let v = number(row, key), row[key + "_half"] == nil || key == "count" || key == "base" { return v }
            }
            return nil
        }
        for row in rows {
            guard let g = row["group"], let c = row["stage"], let b = row["base_stage"] else { continue }
            let unit = number(row, "rate_per") ?? (b == populationStage ? 1000 : 100)
            let count = number(row, "count") ?? published("count", g, c, b)
            let base = number(row, "base") ?? published("base", g, c, b)
            if let count = number(row, "count") { equate([(g, c)], count) }
            if let base = number(row, "base") {
                if b == populationStage {
                    for s in stages { if let v = variable(g, s) { upper[v] = min(upper[v], base) } }
                } else { equate([(g, b)], base) }
            }
            if let rate = number(row, "rate"), let h = number(row, "rate_half"), let base {
                bound([(g, c)], (rate - h) * base / unit, (rate + h) * base / unit)
            }
            if let share = number(row, "stage_share"), let h = number(row, "stage_share_half"), let count, share - h > 0 {
                bound(known.map { ($0, c) }, count / (share + h), count / (share - h))
            }
            guard let reference, g != reference, let rri = number(row, "rri"), let h = number(row, "rri_half"), rri - h > 0,
                  let count, let base, base > 0 else { continue }
            let referenceGroups = reference == "rest" ? known.filter { $0 != g } : [reference]
            let bases = referenceGroups.map { published("base", $0, c, b) }
            guard !bases.isEmpty, bases.allSatisfy({ $0 != nil }) else { continue }
            let referenceBase = bases.reduce(0) { $0 + $1! }
            let rate = count / base * referenceBase
            bound(referenceGroups.map { ($0, c) }, rate / (rri + h), rate / (rri - h))
        }
    }

    /// One pass of interval propagation over the ranges; whether any bound moved.
    func propagate(ranges: [(coefficients: [Int: Double], low: Double, high: Double)], lower lo: inout [Double], upper hi: inout [Double]) -> Bool {
        var changed = false
        for range in ranges {
            for (j, a) in range.coefficients where a > 0 {
                var minRest = 0.0, maxRest = 0.0
                for (i, c) in range.coefficients where i != j {
                    minRest += c > 0 ? c * lo[i] : c * hi[i]
                    maxRest += c > 0 ? c * hi[i] : c * lo[i]
                }
                // low ≤ a·x_j + rest ≤ high.
                let newLo = (range.low - maxRest) / a, newHi = (range.high - minRest) / a
                if !newLo.isNaN, newLo > lo[j] + 1e-9 { lo[j] = newLo; changed = true }
                if !newHi.isNaN, newHi < hi[j] - 1e-9 { hi[j] = newHi; changed = true }
            }
        }
        return changed
    }
}

extension RandomCountsTable {
    /// A wide counts table (group, population, one column per stage) as the attack tests know
    /// it: the totals row ("Total") left out, the `unknown` group without a population.
    /// Issue 13's example is the fixture `Tests/YJStatTests/Fixtures/disclosure_issue13.csv`.
    init(wideCSV: String, nested: Bool) {
        let lines = wideCSV.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let stages = Array(lines[0].dropFirst(2))
        var groups: [String] = [], counts: [String: [Int]] = [:], populations: [String: Int] = [:]
        for fields in lines.dropFirst() where fields[0] != "Total" {
            groups.append(fields[0])
            counts[fields[0]] = fields.dropFirst(2).map { Int($0)! }
            if let population = Int(fields[1]) { populations[fields[0]] = population }
        }
        self.init(groups: groups, stages: stages, counts: counts, populations: populations, nested: nested)
    }
}
