extension DisproportionalityReport {
    /// Everything the reader is warned of, in plain words and in the text summary's order: small
    /// numbers, the unknown-ethnicity counts by stage and the conclusions that depend on them,
    /// zero cells and the rule used, disclosure control and rounding, then ``warnings``. Under
    /// disclosure control no hidden count, nor a total it could be worked out from, is printed:
    /// the same filter as every other output. Shared by the text summary, the JSON `warnings`
    /// and the CSV notes.
    public var readerWarnings: [String] {
        var notes: [String] = []
        let small = rows.filter { $0.small && !$0.isReference && !$0.isSuppressed }
        if !small.isEmpty {
            let groups = Self.grouped(small)
            notes.append("Small numbers (count under \(minimumCount) or base under \(minimumBase)): \(groups). Rates built on a few children move a lot from year to year; read these with care.")
        }
        if let unknownLabel {
            var parts: [String] = []
            for (i, stage) in stages.enumerated() {
                guard i < unknownByStage.count, let u = unknownByStage[i], let k = knownByStage[i] else {
                    // Disclosure control: never a hidden count, nor a total it could be subtracted from.
                    guard suppressBelow != nil, i < unknownByStage.count else { continue }
                    parts.append(unknownByStage[i].map { "\(stage) \($0) (stage total hidden)" } ?? "\(stage) hidden")
                    continue
                }
                let total = u + k
                parts.append("\(stage) \(u) of \(total)" + (total > 0 ? " (\(NumberFormatting.percent(Double(u) / Double(total), 1)))" : ""))
            }
            notes.append("Ethnicity '\(unknownLabel)': " + parts.joined(separator: ", ") + ".")
            let depends = rows.filter(\.dependsOnUnknown)
            if !depends.isEmpty {
                notes.append("These conclusions could change depending on the ethnicity of the '\(unknownLabel)' children: \(Self.grouped(depends)).")
            }
        }
        let zero = rows.filter { $0.zeroCell && !$0.isReference && !$0.isSuppressed }
        if !zero.isEmpty {
            switch zeroCellRule {
            case .exact:
                notes.append("A count of zero appears in \(zero.count) comparison(s). Where the Katz or Woolf method would divide by it, the Koopman score interval (RRI) or the exact conditional interval (odds ratio) is used instead, with no correction; rri_method and or_method say which.")
            case .haldane:
                notes.append("A count of zero appears in \(zero.count) comparison(s). Where the Katz or Woolf method would divide by it, 0.5 is added to every cell of the 2x2 table and the corrected estimate is shown with its interval.")
            case .none:
                notes.append("A count of zero appears in \(zero.count) comparison(s), with no correction: where the Katz or Woolf method divides by it the interval has no limit.")
            }
        }
        if let disclosure, !disclosure.hidden.isEmpty {
            notes.append("* hidden for disclosure control: \(disclosure.smallCountPhrase), with the figures from which they could be worked out (\(Parameter.suppressionReport.mention) lists them and why).")
        }
        if let rounding {
            notes.append("Every count is rounded to a multiple of \(rounding.base) (\(rounding.method == .conventional ? "conventional rounding" : "random rounding, seed \(rounding.seed)")) and every figure is computed from the rounded counts.")
        }
        notes += warnings
        return notes
    }
}
