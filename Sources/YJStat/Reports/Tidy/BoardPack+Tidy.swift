extension BoardPack {
    /// The board pack as one tidy row per group and stage (the latest year with a year column):
    /// the year, group and stage (as named in the counts table), the children at the stage and
    /// in the population, the rate per 1,000, the share of the stage and of the population among
    /// children of known ethnicity (percent), the population-based RRI with its interval, the
    /// stage-relative RRI and the stage it is relative to, with national figures the national RRI
    /// and the ratio of the local to the national RRI, and flags. The same numbers as the page's
    /// tables, rounded as ``TidyPrecision`` says; hidden values say `suppressed`.
    public func tidyRows(precision: TidyPrecision) -> [ResultRow] {
        let cascadeRows = Dictionary(cascade.flatMap { stage in stage.rows.map { (CountsTable.Key(group: $0.group, stage: $0.stage), (stage.baseStage, $0)) } },
                                     uniquingKeysWith: { first, _ in first })
        let nationalRows = Dictionary((national ?? []).map { (CountsTable.Key(group: $0.group, stage: $0.stage), $0) }, uniquingKeysWith: { first, _ in first })
        return report.rows.map { row in
            let hidden = row.isSuppressed
            let nanWord = row.isReference || row.status == .notComputed ? TidyCell.notComputedWord : "undefined"
            func number(_ v: Double?, _ kind: TidyCell.Kind, hiddenToo: Bool = false) -> CellValue {
                TidyCell.number(v ?? .nan, kind, precision: precision, hidden: hidden || hiddenToo, nanWord: nanWord)
            }
            func rri(_ r: DisproportionalityRow) -> CellValue {
                if r.isReference { return TidyCell.number(1, .ratio, precision: precision) }
                switch r.status {
                case .suppressed: return .text(TidyCell.suppressedWord)
                case .notComputed: return .text(TidyCell.notComputedWord)
                case .ok, .infinite, .undefined: return TidyCell.number(r.relativeRateIndex, .ratio, precision: precision)
                }
            }
            let sharesHidden = row.partlyHidden.contains(.shares)
            var cells: [(name: String, value: CellValue)] = year.map { [("year", .text($0))] } ?? []
            cells += [
                ("group", .text(row.group)), ("stage", .text(row.stage)),
                ("count", TidyCell.count(row.count, hidden: hidden)), ("population", TidyCell.count(row.base, hidden: hidden)),
                ("rate_per_1000", number(row.rate, .rate)),
                ("stage_share_percent", number((row.composition?.stageShare.estimate ?? .nan) * 100, .percent, hiddenToo: sharesHidden)),
                ("population_share_percent", number((row.composition?.baseShare.estimate ?? .nan) * 100, .percent, hiddenToo: sharesHidden)),
                ("rri", rri(row)),
                ("rri_lower", row.isReference ? .text(TidyCell.notComputedWord) : number(row.rri?.lower, .ratio)),
                ("rri_upper", row.isReference ? .text(TidyCell.notComputedWord) : number(row.rri?.upper, .ratio)),
            ]
            let key = CountsTable.Key(group: row.group, stage: row.stage)
            if let (baseStage, relative) = cascadeRows[key] {
                cells += [("stage_relative_rri", rri(relative)), ("stage_relative_to", .text(baseStage))]
            } else {
                cells += [("stage_relative_rri", .text(TidyCell.notComputedWord)), ("stage_relative_to", .text("none"))]
            }
            if national != nil {
                let item = nationalRows[key]
                let comparison = item?.comparison
                let missing = CellValue.text(row.isReference ? "reference" : (item?.reason ?? TidyCell.notComputedWord))
                cells += [("national_rri", comparison.map { TidyCell.number($0.national.estimate, .ratio, precision: precision) } ?? missing),
                          ("ratio_to_national_rri", comparison.map { TidyCell.number($0.ratio.estimate, .ratio, precision: precision) } ?? missing)]
            }
            cells.append(("flags", TidyCell.flags(row.tidyFlags)))
            return ResultRow(cells)
        }
    }

    /// The full rows of the population-based analysis (the latest year's, led by the year with a
    /// year column): `disproportionality --format csv --wide` on the same counts.
    public func wideRows() -> [ResultRow] {
        report.resultRows().map { row in year.map { ResultRow([("year", .text($0))] + row.cells) } ?? row }
    }

    /// The pack's warnings for the JSON document and the CSV notes: the caveats, then the
    /// analyses' warnings (already filtered by disclosure control, as the page's are).
    public var readerWarnings: [String] { Self.unique(caveats + report.readerWarnings + warnings) }
}
