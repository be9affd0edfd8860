/// Finds key-question and prompt results.
///
/// Key questions are read by ``KeyQuestionReader`` in any layout (printed id or wording cue,
/// first figure group after the question). Prompts come from the counts tables (2020-style
/// reports): in each case-based standard's section, every ``CountTable`` after the key-question
/// table details one key question, named by the question above it (by the framework's wording
/// cues, falling back to table order with a warning), and its rows are prompts.
enum KeyQuestionExtractor {
    /// Extracts key questions and prompts, returning the table-heading case counts of the first
    /// key-question table in each domain (2 → court, 3 → out of court) for sample cross-checks.
    static func extract(_ document: ReportDocument, mentions: [StandardRatingsExtractor.Mention],
                        into result: inout ExtractionResult) -> [InspectionFactsExtractor.SampleCandidate] {
        let framework = result.framework
        let body = document.body
        let sections = ReportSections(body, framework: framework)
        let read = KeyQuestionReader(framework: framework).read(body, sections: sections)
        result.keyQuestions = read.results
        result.warnings.append(contentsOf: read.warnings)
        result.wordingEdition = read.wordings.first
        for question in result.keyQuestions {
            checkRow(CountTable.Row(text: "", relevant: question.relevant, yes: question.yes, percent: question.percent, line: question.line),
                     tableCases: question.tableCases, label: "key question \(question.keyQuestion)", keyQuestion: true, into: &result)
        }
        let found = Set(result.keyQuestions.map(\.keyQuestion))
        for missing in framework.keyQuestionIDs where !found.contains(missing) {
            let standard = framework.standard(containingKeyQuestion: missing)
            let label = standard?.keyQuestions.first { $0.id == missing }?.label ?? ""
            result.warnings.append(ExtractionWarning(line: nil,
                "no result found for key question \(missing) (\(label)): looked for its id or its wording followed by a figure group in standard \(standard?.id ?? "?")"))
        }

        var candidates: [InspectionFactsExtractor.SampleCandidate] = []
        var boundaries = mentions.map(\.index)
        for (index, line) in body.enumerated() where line.lower.hasPrefix("annex") { boundaries.append(index) }
        boundaries.sort()
        for standard in framework.standards where !standard.keyQuestions.isEmpty {
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
                    result.warnings.append(contentsOf: warnings.filter { warning in
                        !result.keyQuestions.contains { $0.line == warning.line }
                    })
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
            var detailOrder = 0
            let questionIDs = standard.keyQuestions.map(\.id)
            for (tableIndex, table) in sectionTables.enumerated() where tableIndex != keyTableIndex {
                var id = framework.keyQuestion(in: standard.id, wording: String(PromptWording.lastQuestion(in: table.heading)))?.keyQuestion
                if id == nil, detailOrder < questionIDs.count {
                    id = questionIDs[detailOrder]
                    result.warnings.append(ExtractionWarning(line: table.line,
                        "the question above this table was not recognised; taken as \(questionIDs[detailOrder]) from its position"))
                }
                detailOrder += 1
                guard let id else {
                    result.warnings.append(ExtractionWarning(line: table.line, "a prompt table in standard \(standard.id) could not be tied to a key question; skipped"))
                    continue
                }
                for row in table.rows {
                    guard let label = PromptWording.promptLabel(for: row.text) else {
                        result.warnings.append(ExtractionWarning(line: row.line, "prompt wording '\(row.text.prefix(70))' under \(id) not recognised; skipped"))
                        continue
                    }
                    if let listed = result.framework.keyQuestion(id)?.prompts, !listed.isEmpty, !listed.contains(label) {
                        result.warnings.append(ExtractionWarning(line: row.line,
                            "prompt \(label) is printed under \(id), where framework \(result.framework.id) lists no such prompt; kept as printed"))
                    }
                    result.prompts.append(PromptResult(service: result.service, keyQuestion: id, prompt: label, relevant: row.relevant,
                                                       yes: row.yes, percent: row.percent, line: row.line, basis: .table))
                    checkRow(row, tableCases: table.cases, label: "prompt \(label) under \(id)", keyQuestion: false, into: &result)
                }
            }
        }
        return candidates
    }

    /// Cross-checks of one prompt or key-question row by ``PublishedCountCheck`` (the checks
    /// ``SummaryDataset/promptFindings(service:)`` makes on `prompts.csv`), with the
    /// case count of the row's own table heading as the cases its relevant ones are drawn from.
    /// A prompt gets every check; a key-question row only the table-heading one, since
    /// ``ConsistencyChecker`` makes the others on the extracted rows.
    static func checkRow(_ row: CountTable.Row, tableCases: Int?, label: String, keyQuestion: Bool, into result: inout ExtractionResult) {
        let failures = PublishedCountCheck.failures(relevant: row.relevant, yes: keyQuestion ? nil : row.yes,
                                                    percent: keyQuestion ? nil : row.percent.map { PrintedPercent(whole: $0) },
                                                    cases: tableCases)
        for failure in failures {
            let message = switch failure {
            case let .yesExceedsRelevant(yes, relevant): "\(label): \(yes) yes of \(relevant) relevant cases"
            case let .relevantExceedsCases(relevant, cases): "\(label): \(relevant) relevant cases, but the table covers \(cases) cases"
            case let .percentMismatch(printed, yes, relevant):
                "\(label): printed \(printed) but \(yes)/\(relevant) = \(NumberFormatting.fixed(Double(yes) * 100 / Double(relevant), 1))%"
            }
            result.findings.append(ExtractionFinding(code: failure.code, severity: failure.severity, line: row.line, message))
        }
    }
}
