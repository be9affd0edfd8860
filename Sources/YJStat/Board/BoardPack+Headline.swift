import Foundation

extension BoardPack {
    /// The confidence level as text ("95%").
    public var levelText: String { NumberFormatting.fixed(report.confidence * 100, 0) + "%" }

    /// A ratio as the pack prints it: 3 significant figures ("2.63", "19.8"), words when not finite.
    public static func ratioText(_ x: Double) -> String {
        if x.isInfinite { return "infinite" }
        guard x.isFinite else { return "undefined" }
        return NumberFormatting.significant(x, 3)
    }

    /// A rate per 1,000 or per 100 to one decimal place.
    public static func rateText(_ x: Double) -> String { x.isFinite ? NumberFormatting.fixed(x, 1) : "not computed" }

    /// A proportion as a percentage to one decimal place.
    public static func percentText(_ x: Double) -> String { x.isFinite ? NumberFormatting.percent(x, 1) : "hidden" }

    /// "Black children".
    func children(_ group: String) -> String { "\(labels.label(group)) children" }

    /// The singular for "no White child".
    var referenceChild: String {
        report.reference == "rest" ? "child of any other group" : "\(labels.label(report.reference)) child"
    }

    /// "Black (custody, court); Mixed (arrests)".
    func grouped(_ rows: [(group: String, stage: String)]) -> String {
        var order: [String] = [], stages: [String: [String]] = [:]
        for row in rows {
            if stages[row.group] == nil { order.append(row.group) }
            stages[row.group, default: []].append(labels.label(row.stage))
        }
        return order.map { "\(labels.label($0)) (\(stages[$0]!.joined(separator: ", ")))" }.joined(separator: "; ")
    }

    /// The headline findings: largest disparities, the most children affected, zero-reference
    /// stages, how sure (small numbers, unknown ethnicity), national and trend, disclosure.
    func headlineFindings(top: Int) -> [BoardFinding] {
        var out: [BoardFinding] = []
        let k = report.suppressBelow
        let compared = report.rows.filter { !$0.isReference && !$0.isSuppressed && $0.relativeRateIndex.isFinite && $0.relativeRateIndex > 0 }
        // Clear differences on enough children first, then clear ones on small numbers, then the rest.
        func rank(_ row: DisproportionalityRow) -> Int { row.significant ? (row.small ? 1 : 0) : 2 }
        let bySize = compared.sorted { (rank($0), -abs(Foundation.log($0.relativeRateIndex))) < (rank($1), -abs(Foundation.log($1.relativeRateIndex))) }
        for row in bySize.prefix(top) {
            var text = "\(children(row.group)) were \(labels.phrase(row.stage)) at \(Self.ratioText(row.relativeRateIndex)) times the rate of \(referenceChildren)"
            text += " (\(levelText) interval \(Self.ratioText(row.rri?.lower ?? .nan)) to \(Self.ratioText(row.rri?.upper ?? .nan)))"
            if let shares = row.composition, shares.stageShare.estimate.isFinite, shares.baseShare.estimate.isFinite {
                text += ": \(Self.percentText(shares.stageShare.estimate)) of \(labels.label(row.stage)) against \(Self.percentText(shares.baseShare.estimate)) of the \(labels.label(report.rows.first?.baseStage ?? "population"))"
            }
            text += "."
            if !row.significant { text += " The interval includes 1: this could be chance." }
            if row.small { text += " Small numbers: read with care." }
            if row.dependsOnUnknown { text += " Where the children of unknown ethnicity belong could change this conclusion." }
            out.append(BoardFinding(kind: .disparity, text: text))
        }
        let affected = compared.compactMap { row in row.excess.map { (row: row, excess: $0) } }
            .filter { $0.row.significant && $0.excess.estimate.isFinite && $0.excess.estimate.rounded() >= Double(max(1, k ?? 1)) }
            .sorted { $0.excess.estimate > $1.excess.estimate }
        for (row, excess) in affected.prefix(max(1, top - 1)) {
            let about = DisproportionalityReport.whole(excess.estimate)
            let text = "About \(about) more \(children(row.group)) were \(labels.phrase(row.stage)) than the rate of \(referenceChildren) would give (\(levelText) interval \(DisproportionalityReport.whole(excess.lower)) to \(DisproportionalityReport.whole(excess.upper)))."
            out.append(BoardFinding(kind: .affected, text: text))
        }
        for d in zeroReference {
            let noun = d.count == 1 ? "child" : "children"
            var text = "\(d.count) \(labels.label(d.group)) \(noun) \(labels.phrase(d.stage)) and no \(referenceChild): a rate ratio cannot be estimated;"
            text += " the difference in rates is \(Self.rateText(d.perThousand.estimate)) per 1,000 children (\(levelText) Newcombe interval \(Self.rateText(d.perThousand.lower)) to \(Self.rateText(d.perThousand.upper)))."
            out.append(BoardFinding(kind: .zeroReference, text: text))
        }
        let small = report.rows.filter { $0.small && !$0.isReference && !$0.isSuppressed }
        if !small.isEmpty {
            out.append(BoardFinding(kind: .smallNumbers, text: "Small numbers (a count under \(report.minimumCount) or a base under \(report.minimumBase)) for \(grouped(small.map { ($0.group, $0.stage) })): rates built on a few children move a lot from year to year."))
        }
        if let unknown = report.unknownLabel {
            var worst: (stage: String, u: Int, total: Int)?
            for (i, stage) in report.stages.enumerated() where i < report.unknownByStage.count {
                // Disclosure control: never a hidden count, nor a total it could be subtracted from.
                guard let u = report.unknownByStage[i], let known = report.knownByStage[i], u + known > 0 else { continue }
                if let k, u > 0, u < k { continue }
                if worst.map({ Double(u) / Double(u + known) > Double($0.u) / Double($0.total) }) ?? true { worst = (stage, u, u + known) }
            }
            var text = ""
            if let worst, worst.u > 0 {
                text = "Ethnicity was not known ('\(unknown)') for \(worst.u) of \(NumberFormatting.grouped(worst.total)) children \(labels.phrase(worst.stage)) (\(Self.percentText(Double(worst.u) / Double(worst.total))), the largest share of any stage). "
            }
            let depends = report.rows.filter(\.dependsOnUnknown)
            text += depends.isEmpty
                ? "No conclusion about a clear difference changes whichever group the children of unknown ethnicity belong to."
                : "The conclusions for \(grouped(depends.map { ($0.group, $0.stage) })) could change depending on the ethnicity of those children."
            out.append(BoardFinding(kind: .unknownEthnicity, text: text))
        }
        let alpha = 1 - report.confidence
        if let national {
            let differ = national.filter { ($0.comparison?.pValue ?? 1) < alpha }
            if differ.isEmpty {
                out.append(BoardFinding(kind: .national, text: "No local RRI differs from the national RRI beyond chance (ratio of RRIs, Altman & Bland z-test at the \(NumberFormatting.fixed(alpha * 100, 0))% level)."))
            }
            for item in differ.prefix(top) {
                guard let c = item.comparison else { continue }
                let direction = c.ratio.estimate > 1 ? "higher" : "lower"
                out.append(BoardFinding(kind: .national, text: "At \(labels.label(item.stage)), the local RRI for \(children(item.group)) (\(Self.ratioText(item.local.relativeRateIndex))) is \(direction) than the national RRI (\(Self.ratioText(c.national.estimate))): ratio \(Self.ratioText(c.ratio.estimate)) (\(levelText) interval \(Self.ratioText(c.ratio.lower)) to \(Self.ratioText(c.ratio.upper)); p = \(DisproportionalityReport.pText(c.pValue)))."))
            }
        }
        if let trend, let latest = trend.years.last {
            let differ = trend.tests.filter { ($0.comparison?.pValue ?? 1) < alpha }
            if differ.isEmpty {
                out.append(BoardFinding(kind: .trend, text: "No group's RRI in \(latest) differs from \(trend.earlierYears) (pooled) beyond chance (z-test on the log RRIs at the \(NumberFormatting.fixed(alpha * 100, 0))% level)."))
            }
            for test in differ.prefix(top) {
                guard let c = test.comparison else { continue }
                out.append(BoardFinding(kind: .trend, text: "At \(labels.label(test.stage)), the RRI for \(children(test.group)) was \(Self.ratioText(test.latest.relativeRateIndex)) in \(latest) against \(Self.ratioText(test.earlier.relativeRateIndex)) in \(trend.earlierYears) pooled: \(c.ratio.estimate > 1 ? "higher" : "lower") beyond chance (ratio \(Self.ratioText(c.ratio.estimate)), \(levelText) interval \(Self.ratioText(c.ratio.lower)) to \(Self.ratioText(c.ratio.upper)); z-test p = \(DisproportionalityReport.pText(c.pValue)))."))
            }
        }
        if let k, report.rows.contains(where: { $0.isSuppressed }) {
            out.append(BoardFinding(kind: .suppression, text: "Some figures are hidden for disclosure control: counts from 1 to \(k - 1), and figures from which they could be worked out."))
        }
        return out
    }
}
