import Foundation

extension DisproportionalityReport {
    /// A short plain-English summary for a board paper: the largest disparities, the disparities
    /// affecting most children, a table by stage, warnings for small numbers and unknown
    /// ethnicity, and the methods used.
    public func textSummary(top: Int = 6) -> String {
        let level = NumberFormatting.fixed(confidence * 100, 0) + "%"
        let referenceName = reference == "rest" ? "all other groups combined" : reference
        let referenceRate = reference == "rest" ? "the rate of all other groups combined" : "the \(reference) rate"
        var out = "Disproportionality by stage, compared with \(referenceName)"
        out += base == .population ? " (rates per 1,000 children in the population).\n"
            : " (each stage's rate per 100 children at the previous stage; the first stage per 1,000 of the population).\n"
        out += "RRI = the group's rate divided by the reference rate; \(level) confidence intervals in brackets.\n\n"

        let compared = rows.filter { !$0.isReference && $0.relativeRateIndex.isFinite && $0.relativeRateIndex > 0 && !$0.isSuppressed }
        let bySize = compared.sorted {
            ($0.significant ? 0 : 1, -abs(Foundation.log($0.relativeRateIndex))) < ($1.significant ? 0 : 1, -abs(Foundation.log($1.relativeRateIndex)))
        }
        out += "Largest differences in rate (clear differences first):\n"
        if bySize.isEmpty { out += "  none could be worked out.\n" }
        for (i, row) in bySize.prefix(top).enumerated() {
            out += "  \(i + 1). \(row.group) at \(row.stage): \(Self.ratio(row.relativeRateIndex)) times \(referenceRate)"
            out += " (\(Self.ratio(row.rri?.lower ?? .nan)) to \(Self.ratio(row.rri?.upper ?? .nan)))"
            out += row.significant ? "" : ", not clearly different from 1"
            out += row.small ? "; small numbers" : ""
            out += row.dependsOnUnknown ? "; depends on unknown ethnicity" : ""
            out += ".\n"
        }
        let affected = compared.compactMap { row in row.excess.map { (row: row, excess: $0) } }
            .filter { $0.excess.estimate.isFinite && $0.excess.estimate > 0 }.sorted { $0.excess.estimate > $1.excess.estimate }
        out += "\nMost children affected (above parity with \(referenceRate)):\n"
        if affected.isEmpty { out += "  no group is above parity.\n" }
        for (i, (row, excess)) in affected.prefix(top).enumerated() {
            let noun = excess.estimate.rounded() == 1 ? "child" : "children"
            out += "  \(i + 1). \(row.group) at \(row.stage): about \(Self.whole(excess.estimate)) more \(noun)"
            out += " (\(Self.whole(excess.lower)) to \(Self.whole(excess.upper))) than at \(referenceRate)"
            out += row.significant ? "" : "; the interval includes no difference"
            out += ".\n"
        }

        out += "\n"
        var header = ["stage", "group", "count", "base", "rate", "RRI", "interval", "excess", "notes"]
        if !strata.isEmpty { header.insert("adjusted RRI", at: 7) }
        if base == .previous { header.insert("cumulative RRI", at: 7) }
        var table: [[String]] = []
        for row in rows {
            var notes: [String] = []
            if row.isReference { notes.append("reference") }
            if row.significant { notes.append("significant") }
            if row.small { notes.append("small") }
            if row.zeroBase { notes.append("zero base") }
            if row.dependsOnUnknown { notes.append("depends on unknown") }
            if row.zeroCell && !row.isReference { notes.append("zero cell") }
            if let suppression = row.suppression { notes.append("hidden (\(suppression.rawValue))") }
            let hidden = row.isSuppressed
            let count: String = row.count.map { String($0) } ?? "*"
            let baseText: String = row.base.map { String($0) } ?? "*"
            let rate: String = row.rate.isFinite ? NumberFormatting.fixed(row.rate, 1) : (hidden ? "*" : "not computed")
            let rriValue = row.relativeRateIndex, rriCorrected = row.rri?.corrected ?? .nan
            let rriLower = row.rri?.lower ?? .nan, rriUpper = row.rri?.upper ?? .nan
            var rri: String = row.isReference ? "1" : Self.ratioCell(rriValue, status: row.status)
            if !row.isReference, zeroCellRule == .haldane, row.status == .ok || row.status == .infinite,
               rriCorrected != rriValue, !rriCorrected.isNaN {
                rri = "\(Self.ratio(rriCorrected)) corrected (raw \(Self.ratioCell(rriValue, status: row.status)))"
            }
            if row.rriMethod == .koopman, rriInterval != .koopman { notes.append("Koopman interval") }
            let hasInterval = !row.isReference && (rriLower.isFinite || rriUpper.isFinite)
            let interval: String = hasInterval ? Self.cell(rriLower) + "–" + Self.cell(rriUpper) : ""
            let excess: String = row.excess.map(\.estimate).flatMap { $0.isFinite ? Self.whole($0) : nil } ?? ""
            var cells: [String] = [row.stage, row.group, count, baseText, rate, rri, interval, excess, notes.joined(separator: ", ")]
            if !strata.isEmpty {
                let adjusted: String
                if let pooled = row.stratified?.pooled?.riskRatio, pooled.estimate.isFinite {
                    adjusted = "\(Self.ratio(pooled.estimate)) (\(Self.cell(pooled.lower))–\(Self.cell(pooled.upper)))"
                } else {
                    adjusted = row.partlyHidden.contains(.adjustedFigures) ? "*" : ""
                }
                cells.insert(adjusted, at: 7)
            }
            if base == .previous {
                let cumulative = Self.cumulativeCell(row, zeroCellRule: zeroCellRule)
                cells.insert(cumulative, at: 7)
            }
            table.append(cells)
        }
        out += TextTable(header: header, rows: table).render()

        let notes = readerWarnings
        if !strata.isEmpty {
            out += "\n" + stratifiedSection()
        }
        if !notes.isEmpty {
            out += "\nWarnings:\n" + notes.map { "  - \($0)\n" }.joined()
        }
        out += "\nMethods:\n" + methods.map { "  - \($0)\n" }.joined()
        return out
    }

    static func ratio(_ x: Double) -> String {
        if x.isInfinite { return "no upper limit" }
        guard x.isFinite else { return "–" }
        return x >= 10 ? NumberFormatting.fixed(x, 1) : NumberFormatting.fixed(x, 2)
    }

    /// The cumulative RRI of a row for the text table: the estimate with its interval, the
    /// corrected estimate beside the raw one under the Haldane rule, a non-finite value in words,
    /// and nothing for the reference group or a hidden row.
    static func cumulativeCell(_ row: DisproportionalityRow, zeroCellRule: ZeroCellRule) -> String {
        guard !row.isReference else { return "" }
        let value = row.cumulative?.ratio ?? .nan, corrected = row.cumulative?.corrected ?? .nan
        let lower = row.cumulative?.lower ?? .nan, upper = row.cumulative?.upper ?? .nan
        guard !row.isSuppressed else { return value.isFinite ? ratio(value) : "*" }
        let interval = lower.isNaN && upper.isNaN ? "" : " (\(cell(lower))–\(cell(upper)))"
        if zeroCellRule == .haldane, !value.isNaN, corrected.isFinite, corrected != value {
            return "\(ratio(corrected)) corrected (raw \(ratioCell(value, status: ValueStatus(of: value))))" + interval
        }
        if value.isNaN && interval.isEmpty { return "not computed" }
        return ratioCell(value, status: ValueStatus(of: value)) + interval
    }

    /// An interval bound for a table cell: "no limit" for ∞.
    static func cell(_ x: Double) -> String { x.isInfinite ? "no limit" : ratio(x) }

    /// A ratio for a table cell, in words when it is not a finite number.
    static func ratioCell(_ x: Double, status: ValueStatus) -> String {
        switch status {
        case .suppressed: return "*"
        case .notComputed: return "not computed"
        case .ok, .infinite, .undefined: return x.isFinite ? ratio(x) : (x.isInfinite ? "infinite" : "undefined")
        }
    }

    /// Crude, Mantel–Haenszel and stratum RRIs with the Breslow–Day homogeneity test, one
    /// paragraph per comparison, with a plain statement where the strata disagree.
    func stratifiedSection() -> String {
        let level = NumberFormatting.fixed(confidence * 100, 0) + "%"
        var out = "Adjusted for \(strata.joined(separator: " and ")) (Mantel-Haenszel; \(level) intervals):\n"
        let compared = rows.compactMap { row in
            row.stratified.flatMap { s in s.pooled.map { (row: row, strata: s, pooled: $0) } }
        }.filter { !$0.row.isReference && !$0.row.isSuppressed && !$0.strata.labels.isEmpty }
        if compared.isEmpty { return out + "  no comparison could be adjusted.\n" }
        for (row, stratified, pooled) in compared {
            let lower = row.rri?.lower ?? .nan, upper = row.rri?.upper ?? .nan
            var line = "  \(row.group) at \(row.stage): crude RRI \(Self.ratioCell(row.relativeRateIndex, status: row.status))"
            if lower.isFinite || upper.isFinite { line += " (\(Self.cell(lower)) to \(Self.cell(upper)))" }
            let adjusted = pooled.riskRatio
            line += "; Mantel-Haenszel RRI \(Self.ratioCell(adjusted.estimate, status: ValueStatus(of: adjusted.estimate)))"
            if adjusted.estimate.isFinite { line += " (\(Self.cell(adjusted.lower)) to \(Self.cell(adjusted.upper)))" }
            let strataText = zip(stratified.labels, stratified.stratumRiskRatios)
                .map { "\($0) \(Self.ratioCell($1, status: ValueStatus(of: $1)))" }.joined(separator: ", ")
            // Stratum cells are not in the disclosure model, so their ratios are not printed under it.
            line += disclosure == nil ? "; by stratum: \(strataText)" : "; stratum RRIs hidden for disclosure control (stratum counts are not protected cell by cell)"
            let df = pooled.breslowDayDegreesOfFreedom
            if df > 0, pooled.breslowDayPValue.isFinite {
                line += "; Breslow-Day test of equal odds ratios (Tarone) chi-squared \(NumberFormatting.fixed(pooled.breslowDayStatistic, 2)) on \(df) df, p = \(Self.pText(pooled.breslowDayPValue))"
            } else {
                line += "; the Breslow-Day test needs two strata with both outcomes and is not computed"
            }
            if !stratified.uninformativeStrata.isEmpty {
                line += " (left out as uninformative: \(stratified.uninformativeStrata.joined(separator: ", ")))"
            }
            line += "."
            if pooled.breslowDayPValue < 1 - confidence {
                line += " The strata disagree: the ratio differs between \(strata.joined(separator: " and ")) groups, so the adjusted RRI is an average over different effects and should not be read on its own; read the stratum RRIs."
            }
            if stratified.sparse { line += " Some strata are sparse (an expected count under 5): treat the p-values with caution." }
            out += line + "\n"
        }
        let hidden = rows.filter { !$0.isSuppressed && $0.partlyHidden.contains(.adjustedFigures) }
        if !hidden.isEmpty, let disclosure {
            out += TextWrap.wrap("Adjusted figures hidden for disclosure control (a stratum count under \(disclosure.threshold) is behind them): "
                                 + hidden.map { "\($0.group) at \($0.stage)" }.joined(separator: "; ") + ".", first: "  ", rest: "    ")
        }
        return out
    }

    /// A p-value in plain text: three significant figures, or "< 0.0001"-style scientific form.
    static func pText(_ p: Double) -> String {
        guard p.isFinite else { return "undefined" }
        if p >= 0.001 { return NumberFormatting.fixed(p, 3) }
        return String(format: "%.1e", p)
    }

    static func whole(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        let r = x.rounded()
        return r == 0 ? "0" : String(Int(r))
    }

    /// "Black (court, custody); Other (arrest)".
    static func grouped(_ rows: [DisproportionalityRow]) -> String {
        var order: [String] = []
        var stages: [String: [String]] = [:]
        for row in rows {
            if stages[row.group] == nil { order.append(row.group) }
            stages[row.group, default: []].append(row.stage)
        }
        return order.map { "\($0) (\((stages[$0] ?? []).joined(separator: ", ")))" }.joined(separator: "; ")
    }
}
