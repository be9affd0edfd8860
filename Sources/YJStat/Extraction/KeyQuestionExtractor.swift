/// Finds key-question and prompt results.
///
/// Two table shapes are known:
/// - Counts tables (2020-style reports): in each case-based standard's section, the first
///   ``CountTable`` (the one introduced by "… based on the following key questions") holds the
///   key questions; each later table details one key question, named by the question above it,
///   and its rows are prompts. Key questions are recognised by their wording
///   (``YouthFrameworkOutline/keyQuestion(in:wording:)``), falling back to row order.
/// - Percentage tables (2019-style annex "Inspection results"): lines that start with a
///   key-question id and end in a percentage ("2.1.3. Does assessment … safe?\t66%").
enum KeyQuestionExtractor {
    /// Extracts key questions and prompts, returning the table-heading case counts of the first
    /// key-question table in each domain (2 → court, 3 → out of court) for sample cross-checks.
    static func extract(_ document: ReportDocument, mentions: [StandardRatingsExtractor.Mention],
                        into result: inout ExtractionResult) -> [InspectionFactsExtractor.SampleCandidate] {
        var found: [String: ExtractedKeyQuestion] = [:]
        var candidates: [InspectionFactsExtractor.SampleCandidate] = []
        let body = document.body
        var boundaries = mentions.map(\.index)
        for (index, line) in body.enumerated() where line.lower.hasPrefix("annex") { boundaries.append(index) }
        boundaries.sort()

        for standard in YouthFrameworkOutline.standards where !standard.keyQuestions.isEmpty {
            var sectionTables: [CountTable] = []
            var sectionLine = 0
            for mention in mentions where mention.standard == standard.id {
                let end = boundaries.first { $0 > mention.index } ?? body.count
                var warnings: [ExtractionWarning] = []
                let tables = CountTable.parse(body[(mention.index + 1)..<end], warnings: &warnings)
                guard !tables.isEmpty else { continue }
                if sectionTables.isEmpty {
                    sectionTables = tables
                    sectionLine = mention.line
                    result.warnings.append(contentsOf: warnings)
                } else {
                    result.warnings.append(ExtractionWarning(line: mention.line,
                        "a second section with tables for standard \(standard.id) (first on line \(sectionLine)); ignored"))
                }
            }
            guard !sectionTables.isEmpty else { continue }
            let keyTableIndex = sectionTables.firstIndex { $0.heading.lowercased().contains("key question") } ?? 0
            let keyTable = sectionTables[keyTableIndex]
            if standard.id == "2.1" || standard.id == "3.1", let cases = keyTable.cases {
                candidates.append(.init(court: standard.id == "2.1", size: cases, line: keyTable.line, wording: "Of the \(cases) cases"))
            }
            for (order, row) in keyTable.rows.enumerated() {
                var id = YouthFrameworkOutline.keyQuestion(in: standard.id, wording: row.text)
                if id == nil || found[id ?? ""] != nil {
                    let byOrder = order < standard.keyQuestions.count ? standard.keyQuestions[order] : nil
                    if let byOrder, found[byOrder] == nil {
                        result.warnings.append(ExtractionWarning(line: row.line,
                            "key question wording not recognised; taken as \(byOrder) from its position in the table"))
                        id = byOrder
                    } else {
                        result.warnings.append(ExtractionWarning(line: row.line,
                            "row '\(row.text.prefix(60))' in the key-question table of \(standard.id) matches no key question; skipped"))
                        continue
                    }
                }
                guard let id else { continue }
                found[id] = ExtractedKeyQuestion(keyQuestion: id, relevant: row.relevant, yes: row.yes, percent: row.percent,
                                                 tableCases: keyTable.cases, line: row.line)
            }
            var detailOrder = 0
            for (tableIndex, table) in sectionTables.enumerated() where tableIndex != keyTableIndex {
                var id = YouthFrameworkOutline.keyQuestion(in: standard.id, wording: table.heading)
                if id == nil, detailOrder < standard.keyQuestions.count {
                    id = standard.keyQuestions[detailOrder]
                    result.warnings.append(ExtractionWarning(line: table.line,
                        "the question above this table was not recognised; taken as \(standard.keyQuestions[detailOrder]) from its position"))
                }
                detailOrder += 1
                guard let id else {
                    result.warnings.append(ExtractionWarning(line: table.line, "a prompt table in standard \(standard.id) could not be tied to a key question; skipped"))
                    continue
                }
                for row in table.rows {
                    guard let label = YouthFrameworkOutline.promptLabel(for: row.text) else {
                        result.warnings.append(ExtractionWarning(line: row.line, "prompt wording '\(row.text.prefix(70))' under \(id) not recognised; skipped"))
                        continue
                    }
                    result.prompts.append(ExtractedPrompt(keyQuestion: id, prompt: label, relevant: row.relevant, yes: row.yes,
                                                          percent: row.percent, line: row.line))
                    checkRow(row, tableCases: table.cases, label: "prompt \(label) under \(id)", into: &result)
                }
            }
        }
        readPercentRows(body, into: &found, result: &result)
        result.keyQuestions = YouthFrameworkOutline.keyQuestionIDs.compactMap { found[$0] }
        for question in result.keyQuestions {
            checkRow(CountTable.Row(text: "", relevant: question.relevant, yes: question.yes, percent: question.percent, line: question.line),
                     tableCases: question.tableCases, label: "key question \(question.keyQuestion)", into: &result)
        }
        for missing in YouthFrameworkOutline.keyQuestionIDs where found[missing] == nil {
            result.warnings.append(ExtractionWarning(line: nil, "no result found for key question \(missing)"))
        }
        return candidates
    }

    /// Lines "2.1.3. Does assessment … ?  66%": a key-question id at the start, a percentage at
    /// the end (or alone on the next line).
    static func readPercentRows(_ body: [ReportLine], into found: inout [String: ExtractedKeyQuestion], result: inout ExtractionResult) {
        let ids = Set(YouthFrameworkOutline.keyQuestionIDs)
        for (index, line) in body.enumerated() {
            let words = line.words
            guard var first = words.first else { continue }
            if first.last == "." { first = first.dropLast() }
            guard ids.contains(String(first)) else { continue }
            let id = String(first)
            var percent: Int?
            var percentLine = line.number
            if let last = words.last, words.count > 1, let value = NumberWords.percent(last) {
                percent = value
            } else if index + 1 < body.count, body[index + 1].words.count == 1, let value = NumberWords.percent(body[index + 1].words[0]) {
                percent = value
                percentLine = body[index + 1].number
            }
            guard let percent else { continue }
            if var existing = found[id] {
                if existing.percent == nil && existing.relevant != nil {
                    existing.percent = percent
                    found[id] = existing
                } else if existing.percent != percent {
                    result.warnings.append(ExtractionWarning(line: percentLine,
                        "key question \(id) is printed again as \(percent)%; the first figure (line \(existing.line)) is kept"))
                }
            } else {
                found[id] = ExtractedKeyQuestion(keyQuestion: id, relevant: nil, yes: nil, percent: percent, tableCases: nil, line: percentLine)
            }
        }
    }

    /// Cross-checks of one row: yes ≤ relevant ≤ table cases, printed percent against counts.
    static func checkRow(_ row: CountTable.Row, tableCases: Int?, label: String, into result: inout ExtractionResult) {
        if let yes = row.yes, let relevant = row.relevant, yes > relevant {
            result.findings.append(ExtractionFinding(code: "yes-exceeds-relevant", severity: .error, line: row.line,
                "\(label): \(yes) yes of \(relevant) relevant cases"))
        }
        if let relevant = row.relevant, let cases = tableCases, relevant > cases {
            result.findings.append(ExtractionFinding(code: "relevant-exceeds-sample", severity: .error, line: row.line,
                "\(label): \(relevant) relevant cases, but the table covers \(cases) cases"))
        }
        if let percent = row.percent, let yes = row.yes, let relevant = row.relevant, relevant > 0 {
            let exact = Double(yes) * 100 / Double(relevant)
            if abs(exact - Double(percent)) >= 1 {
                result.findings.append(ExtractionFinding(code: "percent-inconsistent", severity: .error, line: row.line,
                    "\(label): printed \(percent)% but \(yes)/\(relevant) = \(NumberFormatting.fixed(exact, 1))%"))
            }
        }
        if let percent = row.percent, percent > 100 {
            result.findings.append(ExtractionFinding(code: "percent-out-of-range", severity: .error, line: row.line,
                "\(label): printed percentage \(percent)% is above 100"))
        }
    }
}
