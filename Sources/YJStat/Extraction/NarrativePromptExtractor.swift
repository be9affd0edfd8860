/// Reads prompt results from the narrative of a case-based standard's section, for reports that
/// print no prompt tables (2019-style reports state some prompt results only in prose).
///
/// For each figure in a sentence (``NarrativeFigure``) under a standard's section heading:
/// 1. Sentences about one kind of disposal only ("YCC", "triage", "referral order" …) describe a
///    subgroup, not the sample: their figures become warnings.
/// 2. The figure's clause is the text from the clause start (`;`, `:`), or the end of the
///    previous figure, up to the figure; when that names no prompt it runs on to the clause end.
///    A clause that names nothing but says "this" takes the previous clause or sentence.
/// 3. The clause is matched against the prompt vocabulary (``NarrativePromptVocabulary``),
///    limited to the key questions of the standard. When the labels found sit under several key
///    questions, the theme (desistance / safety and wellbeing / other people) of the clause, the
///    sentence, or else the nearest earlier sentence of the paragraph that names exactly one
///    theme decides. Anything still ambiguous is a warning.
/// 4. Counts: `N of M` is N yes of M relevant; `In M cases … In N of these` is N of M. When the
///    clause (or, for a figure in brackets, the bracket) is negative ("not", "insufficient" …)
///    the count is of failures and yes is M − N. A negative percentage is a warning.
/// 5. A figure that names no prompt but restates its key question's printed result (same theme,
///    same value) is passed over silently; any other unplaced figure is a warning. A count with no
///    total ("in 4 cases", "all but one") that names a prompt is a warning.
///
/// Standards whose prompts were read from tables are skipped: tables are what the report prints.
enum NarrativePromptExtractor {
    /// Words that make a clause negative.
    static let negations: Set<String> = ["not", "insufficient", "insufficiently", "never", "failed", "no", "without", "lacked", "neither"]

    /// Phrases that tie a sentence to one kind of disposal.
    static let subgroupPhrases = ["ycc", "triage", "youth conditional caution", "youth caution", "community resolution",
                                  "referral order", "youth rehabilitation order", "custodial"]

    /// Proportions in words, which are not figures.
    static let verbalProportions: Set<String> = ["half", "third", "thirds", "quarter", "quarters", "two-thirds", "three-quarters",
                                                 "one-third", "one-quarter"]

    static func extract(_ document: ReportDocument, mentions: [StandardRatingsExtractor.Mention], into result: inout ExtractionResult) {
        let body = document.body
        var boundaries = mentions.map(\.index)
        for (index, line) in body.enumerated() where line.lower.hasPrefix("annex") || isDomainHeading(line) { boundaries.append(index) }
        boundaries.sort()
        let tabled = Set(result.prompts.map { String($0.keyQuestion.prefix(3)) })
        let keyQuestionIDs = Set(result.framework.keyQuestionIDs)
        var found: [PromptResult] = []
        for standard in result.framework.standards where !standard.keyQuestions.isEmpty && !tabled.contains(standard.id) {
            var seen: Set<Int> = []
            for mention in mentions where mention.standard == standard.id && !seen.contains(mention.index) {
                seen.insert(mention.index)
                var end = boundaries.first { $0 > mention.index } ?? body.count
                if let heading = ((mention.index + 1)..<end).first(where: { isStandaloneHeading(body, $0) }) { end = heading }
                guard mention.index + 1 < end else { continue }
                let text = NarrativeText(lines: body[(mention.index + 1)..<end], keyQuestionIDs: keyQuestionIDs)
                for paragraph in text.paragraphs {
                    read(paragraph, standard: standard.id, found: &found, result: &result)
                }
            }
        }
        result.prompts.append(contentsOf: found)
    }

    /// Whether a line is a short heading standing alone ("Recommendations", "Summary"): at most
    /// four words, capitalised, no closing punctuation, with a skipped line before and after it.
    /// A standard's section ends there (on a ratings page, the last standard's range would
    /// otherwise run on into the next part of the report).
    static func isStandaloneHeading(_ body: [ReportLine], _ index: Int) -> Bool {
        let line = body[index]
        guard (1...4).contains(line.words.count), line.text.first?.isUppercase == true, line.text.last?.isLetter == true else { return false }
        let alone = (index == 0 || body[index - 1].number < line.number - 1) && (index + 1 == body.count || body[index + 1].number > line.number + 1)
        return alone
    }

    /// Whether a line is a domain heading ("2. Court disposals", "3. Out-of-court disposals").
    static func isDomainHeading(_ line: ReportLine) -> Bool {
        line.lower.hasPrefix("2. court disposals") || line.lower.hasPrefix("3. out-of-court disposals")
    }

    /// Reads the figures of one paragraph.
    static func read(_ paragraph: [NarrativeText.Sentence], standard: String, found: inout [PromptResult], result: inout ExtractionResult) {
        var lastPercent: Int?
        for (sentenceIndex, sentence) in paragraph.enumerated() {
            let figures = NarrativeFigure.figures(in: sentence)
            let sentenceText = sentence.text
            if figures.isEmpty {
                if sentence.words.contains(where: { verbalProportions.contains($0.core) }),
                   !NarrativePromptVocabulary.candidates(in: sentenceText, standard: standard, framework: result.framework).isEmpty, let line = sentence.words.first?.line {
                    result.warnings.append(ExtractionWarning(line: line,
                        "standard \(standard): a prompt result stated as a proportion in words is not extracted"))
                }
                continue
            }
            if let phrase = subgroupPhrases.first(where: { sentenceText.has($0) }) {
                for figure in figures {
                    if case .countOnly(_, isBase: true) = figure.kind { continue }
                    result.warnings.append(ExtractionWarning(line: figure.line,
                        "standard \(standard): a narrative figure about '\(phrase)' cases only (a subgroup of the sample) is not extracted"))
                }
                continue
            }
            for (figureIndex, figure) in figures.enumerated() {
                let previous = figureIndex > 0 ? figures[figureIndex - 1] : nil
                let next = figureIndex + 1 < figures.count ? figures[figureIndex + 1] : nil
                place(figure, previous: previous, next: next, sentence: sentence, sentenceIndex: sentenceIndex, paragraph: paragraph,
                      standard: standard, lastPercent: &lastPercent, found: &found, result: &result)
            }
        }
    }

    /// Places one figure, or explains why not.
    static func place(_ figure: NarrativeFigure, previous: NarrativeFigure?, next: NarrativeFigure?, sentence: NarrativeText.Sentence,
                      sentenceIndex: Int, paragraph: [NarrativeText.Sentence], standard: String, lastPercent: inout Int?,
                      found: inout [PromptResult], result: inout ExtractionResult) {
        let words = sentence.words
        var clauseStart = 0
        for index in 0..<figure.start where words[index].endsClause { clauseStart = index + 1 }
        var clauseEnd = words.count
        if let end = words.indices.first(where: { $0 >= figure.end && words[$0].endsClause }) { clauseEnd = end + 1 }
        let start = max(clauseStart, (previous?.end ?? -1) + 1)
        var context = sentence.text(start..<(figure.end + 1))
        var candidates = NarrativePromptVocabulary.candidates(in: context, standard: standard, framework: result.framework)
        let stop = max(min(clauseEnd, next.map { $0.start } ?? clauseEnd), figure.end + 1)
        if candidates.isEmpty {
            context = sentence.text(start..<stop)
            candidates = NarrativePromptVocabulary.candidates(in: context, standard: standard, framework: result.framework)
        }
        if candidates.isEmpty, words[start..<min(clauseEnd, words.count)].contains(where: { $0.core == "this" }) {
            let antecedent: String
            if clauseStart > 0 {
                var previousStart = 0
                for index in 0..<(clauseStart - 1) where words[index].endsClause { previousStart = index + 1 }
                antecedent = sentence.text(previousStart..<clauseStart)
            } else {
                antecedent = sentenceIndex > 0 ? paragraph[sentenceIndex - 1].text : ""
            }
            candidates = NarrativePromptVocabulary.candidates(in: antecedent, standard: standard, framework: result.framework)
        }
        // Polarity: the bracket the figure sits in, else its clause.
        var bracketStart: Int?
        for index in clauseStart...figure.start where index < words.count {
            if words[index].opensBracket { bracketStart = index }
            if words[index].closesBracket && index < figure.start { bracketStart = nil }
        }
        let polarityWords = bracketStart.map { words[$0...min(figure.end, words.count - 1)] }
            ?? words[start..<min(stop, words.count)]
        let negative = polarityWords.contains { negations.contains($0.core) }

        // The figure's values.
        var relevant: Int?
        var yes: Int?
        var percent: Int?
        var describe = ""
        switch figure.kind {
        case .percent(let value):
            percent = value
            lastPercent = value
            describe = "\(value)%"
        case .samePercent:
            guard let value = lastPercent else {
                result.warnings.append(ExtractionWarning(line: figure.line, "standard \(standard): 'the same percentage' with no percentage before it; not extracted"))
                return
            }
            percent = value
            describe = "\(value)% (the same percentage as before)"
        case .pair(let count, let total):
            guard count <= total else {
                result.warnings.append(ExtractionWarning(line: figure.line, "standard \(standard): narrative figure \(count) of \(total) has the count above the total; not extracted"))
                return
            }
            relevant = total
            yes = negative ? total - count : count
            describe = "\(count) of \(total)"
        case .ofThese(let count):
            let base = sentenceIndex > 0 ? NarrativeFigure.figures(in: paragraph[sentenceIndex - 1]).last { figure in
                if case .countOnly(_, isBase: true) = figure.kind { return true } else { return false }
            } : nil
            guard let base, case .countOnly(let total, _) = base.kind, count <= total else {
                result.warnings.append(ExtractionWarning(line: figure.line, "standard \(standard): '\(count) of these' with no case count just before it; not extracted"))
                return
            }
            relevant = total
            yes = negative ? total - count : count
            describe = "\(count) of \(total) (the cases of the sentence before)"
        case .countOnly(let count, let isBase):
            let usedByNext = isBase && sentenceIndex + 1 < paragraph.count && NarrativeFigure.figures(in: paragraph[sentenceIndex + 1]).contains {
                if case .ofThese = $0.kind { return true } else { return false }
            }
            if !candidates.isEmpty && !usedByNext {
                let labels = Set(candidates.map(\.prompt)).sorted().joined(separator: ", ")
                result.warnings.append(ExtractionWarning(line: figure.line,
                    "standard \(standard): a count (\(count)) with no stated total about \(labels); not extracted"))
            }
            return
        }
        if percent != nil && negative {
            result.warnings.append(ExtractionWarning(line: figure.line, "standard \(standard): narrative figure \(describe) is stated negatively; not extracted"))
            return
        }

        guard !candidates.isEmpty else {
            let theme = resolveTheme(context: context, sentenceIndex: sentenceIndex, paragraph: paragraph, allowEarlier: false)
            if let theme, let question = result.keyQuestions.first(where: { $0.keyQuestion == "\(standard).\(theme)" }),
               restates(question, relevant: relevant, yes: yes, percent: percent) {
                return
            }
            result.warnings.append(ExtractionWarning(line: figure.line,
                "standard \(standard): narrative figure \(describe) names no prompt the framework has; not extracted"))
            return
        }
        var chosen = candidates
        if Set(chosen.map(\.keyQuestion)).count > 1 {
            let questionThemes = Set(chosen.compactMap { $0.keyQuestion.last?.wholeNumberValue })
            if let theme = resolveTheme(context: context, sentenceIndex: sentenceIndex, paragraph: paragraph, allowEarlier: true, within: questionThemes) {
                chosen = chosen.filter { $0.keyQuestion.hasSuffix(".\(theme)") }
            }
        }
        guard Set(chosen.map(\.keyQuestion)).count == 1, Set(chosen.map(\.prompt)).count == 1, let pick = chosen.first else {
            let options = candidates.map { "\($0.keyQuestion) \($0.prompt)" }.joined(separator: ", ")
            result.warnings.append(ExtractionWarning(line: figure.line,
                "standard \(standard): narrative figure \(describe) could belong to several prompts (\(options)); not extracted"))
            return
        }
        if let existing = found.first(where: { $0.keyQuestion == pick.keyQuestion && $0.prompt == pick.prompt }) {
            if existing.relevant != relevant || existing.yes != yes || existing.percent != percent {
                result.warnings.append(ExtractionWarning(line: figure.line,
                    "standard \(standard): \(pick.keyQuestion) \(pick.prompt) is stated again as \(describe); the first figure (line \(existing.line)) is kept"))
            }
            return
        }
        found.append(PromptResult(service: result.service, keyQuestion: pick.keyQuestion, prompt: pick.prompt, relevant: relevant, yes: yes,
                                  percent: percent, line: figure.line, basis: negative ? .narrativeFailuresSubtracted : .narrative))
    }

    /// The key-question theme (1, 2 or 3) a figure's text names: its clause, then its sentence,
    /// then (when `allowEarlier`) the nearest earlier sentence of the paragraph naming any theme.
    /// A scope naming more than one of the themes in `within` is ambiguous: `nil`.
    static func resolveTheme(context: String, sentenceIndex: Int, paragraph: [NarrativeText.Sentence], allowEarlier: Bool,
                             within allowed: Set<Int> = [1, 2, 3]) -> Int? {
        var scopes = [context, paragraph[sentenceIndex].text]
        if allowEarlier { scopes += paragraph[..<sentenceIndex].reversed().map(\.text) }
        for scope in scopes {
            let themes = NarrativePromptVocabulary.themes(of: scope).intersection(allowed)
            if themes.count == 1 { return themes.first }
            if themes.count > 1 { return nil }
        }
        return nil
    }

    /// Whether a narrative figure repeats a key question's printed result.
    static func restates(_ question: ExtractedKeyQuestion, relevant: Int?, yes: Int?, percent: Int?) -> Bool {
        if let percent, question.percent == percent { return true }
        if let relevant, let yes, question.relevant == relevant, question.yes == yes { return true }
        return false
    }
}
