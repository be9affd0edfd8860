/// Reads the key-question results from a report in any layout: the pipeline sections →
/// question spans → identified questions → figure groups → resolved results.
///
/// 1. Sections (``ReportSections``) say which standard each line belongs to.
/// 2. A question span is the text up to a `?` (wrapped over up to four lines; blank lines and
///    page furniture between its lines are already gone from the body).
/// 3. The span is a key question when it starts with a framework key-question id ("2.1.3."),
///    or, without an id, when exactly one key question's wording cue of the section's standard
///    matches its last sentence (``Framework/keyQuestion(in:wording:)``). A span with another
///    id ("1.4.1.") is never read by wording.
/// 4. Its figures are the first figure group (``FigureGroup``) after the `?`: on the same line,
///    in the following cells or lines that hold only figures (HTML cells become lines), or — in
///    two-column layouts where the figure sits beside the question's first line — at the end
///    of a line of the span itself. A span followed by text has no figures (a prompt table's
///    heading repeats its key question without figures).
/// 5. The first span with figures gives the result; a later one with different figures is a
///    warning naming both lines, and is not used.
struct KeyQuestionReader {
    let framework: Framework
    /// The framework's key-question ids, for the printed-id test on every question line.
    let keyQuestionIDs: Set<String>
    /// Each case-based standard's key questions, looked up once per question line.
    let questionsOfStandard: [String: [Framework.KeyQuestion]]

    init(framework: Framework) {
        self.framework = framework
        keyQuestionIDs = Set(framework.keyQuestionIDs)
        var questions: [String: [Framework.KeyQuestion]] = [:]
        for standard in framework.standards where !standard.keyQuestions.isEmpty { questions[standard.id] = standard.keyQuestions }
        questionsOfStandard = questions
    }

    /// The key questions of `standard` whose cues the lower-cased sentence matches.
    func matches(in standard: String, _ lastSentence: String) -> [Framework.WordingMatch] {
        guard let questions = questionsOfStandard[standard] else { return [] }
        return Framework.matches(questions, normalisedWording: lastSentence.lowercased())
    }

    /// A key question read from the report, before resolution.
    struct Occurrence {
        let keyQuestion: String
        let figures: FigureGroup
        /// The case count of the nearest table heading "Of the N cases" above it in its section.
        let tableCases: Int?
        /// The wording edition whose cue identified it (`nil` when identified by id).
        let wording: String?
    }

    /// Results in framework order, wording editions seen, and warnings.
    func read(_ body: [ReportLine], sections: ReportSections) -> (results: [ExtractedKeyQuestion], wordings: [String], warnings: [ExtractionWarning]) {
        var warnings: [ExtractionWarning] = []
        let occurrences = self.occurrences(body, sections: sections, warnings: &warnings)
        var chosen: [String: Occurrence] = [:]
        var wordings: [String: Int] = [:]
        for occurrence in occurrences {
            if let wording = occurrence.wording { wordings[wording, default: 0] += 1 }
            if let first = chosen[occurrence.keyQuestion] {
                let a = first.figures, b = occurrence.figures
                if a.relevant != b.relevant || a.yes != b.yes || a.percent != b.percent {
                    warnings.append(ExtractionWarning(line: b.line,
                        "key question \(occurrence.keyQuestion) is printed again with \(Self.describe(b)); the first figures (\(Self.describe(a)), line \(a.line)) are kept"))
                }
                continue
            }
            chosen[occurrence.keyQuestion] = occurrence
        }
        let results = framework.keyQuestionIDs.compactMap { id -> ExtractedKeyQuestion? in
            guard let occurrence = chosen[id] else { return nil }
            let figures = occurrence.figures
            return ExtractedKeyQuestion(keyQuestion: id, relevant: figures.relevant, yes: figures.yes, percent: figures.percent,
                                        tableCases: occurrence.tableCases, line: figures.line, notApplicable: figures.isNotApplicable)
        }
        let editions = wordings.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        return (results, editions, warnings)
    }

    /// "7 yes of 12 relevant", "64%", "N/A".
    static func describe(_ figures: FigureGroup) -> String {
        var parts: [String] = []
        if let yes = figures.yes, let relevant = figures.relevant { parts.append("\(yes) yes of \(relevant) relevant") }
        if let percent = figures.percent { parts.append("\(percent)%") }
        return parts.isEmpty ? "N/A" : parts.joined(separator: ", ")
    }

    /// Every identified key question with figures, in document order.
    func occurrences(_ body: [ReportLine], sections: ReportSections, warnings: inout [ExtractionWarning]) -> [Occurrence] {
        var out: [Occurrence] = []
        var tableCases: Int?
        var tableStandard: String?
        for index in body.indices {
            let line = body[index]
            let standard = sections.standardOfLine[index]
            if standard != tableStandard { tableCases = nil; tableStandard = standard }
            if let cases = CountTable.tableStart(line.words) { tableCases = cases }
            guard line.text.has(byte: "?"), let mark = line.words.lastIndex(where: { $0.contains(Character("?")) }) else { continue }
            // A question inside an organisational standard's section (no key questions) is none of ours.
            guard standard.map({ questionsOfStandard[$0] != nil }) ?? true else { continue }
            let span = questionSpan(body, endingAt: index, mark: mark)
            guard let identified = identify(span.lastSentence, idWord: span.idWord, standard: standard) else {
                if span.idWord == nil, let standard, matches(in: standard, span.lastSentence).count > 1 {
                    warnings.append(ExtractionWarning(line: line.number,
                        "question '\(span.lastSentence.prefix(70))' matches the wording of several key questions of \(standard); not used"))
                }
                continue
            }
            guard let figures = figuresAfter(body, index: index, mark: mark) ?? span.besideFigures else { continue }
            out.append(Occurrence(keyQuestion: identified.id, figures: figures, tableCases: tableCases, wording: identified.wording))
        }
        return out
    }

    /// The question's text, the key-question id word that opens it (if any), and figures
    /// printed beside its earlier lines (two-column layouts).
    struct Span {
        let text: String
        let lastSentence: String
        let idWord: String?
        let besideFigures: FigureGroup?
    }

    /// Joins the question ending on line `index` with up to three lines before it (stopping at a
    /// line with a `?`, a figures-only line, a table heading or a standard heading).
    func questionSpan(_ body: [ReportLine], endingAt index: Int, mark: Int) -> Span {
        var start = index
        while start > 0, index - start < 3 {
            let previous = body[start - 1]
            if previous.text.has(byte: "?") || FigureGroup.tokens(previous.words) != nil || CountTable.tableStart(previous.words) != nil
                || CountTable.isColumnHeads(previous.words) || previous.text.utf8.last == UInt8(ascii: ":") { break }
            start -= 1
        }
        let lines = Array(body[start...index])
        var words: [Substring] = []
        var besideFigures: FigureGroup?
        var spanStarted = false
        var idWord: String?
        for (offset, line) in lines.enumerated() {
            var lineWords = offset == lines.count - 1 ? Array(line.words[...mark]) : line.words
            if let id = lineWords.firstIndex(where: { Self.keyQuestionIDShape($0) }), id == 0 || lineWords[id - 1].utf8.last == UInt8(ascii: ".")
                || lineWords[id - 1].utf8.last == UInt8(ascii: ":") {
                idWord = String(lineWords[id].hasSuffix(".") ? lineWords[id].dropLast() : lineWords[id])
                spanStarted = true
                words = []
                besideFigures = nil
                lineWords = Array(lineWords[id...])
            } else if let first = lineWords.first, Self.questionOpeners.contains(first.lowercased()) {
                spanStarted = true
            }
            if spanStarted, offset < lines.count - 1, besideFigures == nil {
                // Figures at the end of a line inside the question: the right-hand column.
                for cut in stride(from: lineWords.count - 1, through: max(1, lineWords.count - 4), by: -1) {
                    // "N/A" beside the question is its figure; a dash there may be prose
                    // ("assessment -" wrapping), so a dash is only read after the question.
                    if let tokens = FigureGroup.tokens(lineWords[cut...]), let group = FigureGroup.make(tokens, line: line.number, afterQuestionMark: false),
                       !group.isNotApplicable || !lineWords[cut...].contains("-") {
                        besideFigures = group
                        lineWords = Array(lineWords[..<cut])
                        break
                    }
                }
            }
            words += lineWords
        }
        var last = words
        if let cut = words.dropLast().lastIndex(where: { word in
            let last = word.utf8.last
            return last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: ":")
        }) {
            last = Array(words[(cut + 1)...])
        }
        return Span(text: words.joined(separator: " "), lastSentence: last.joined(separator: " "), idWord: idWord, besideFigures: besideFigures)
    }

    /// Words that open a question.
    static let questionOpeners: Set<String> = ["does", "do", "is", "are", "has", "have", "was", "were", "where", "how", "to", "did", "can"]

    /// "2.1.3" or "2.1.3.": three dot-separated numbers.
    static func keyQuestionIDShape(_ word: Substring) -> Bool {
        // Cheap rejection: an id starts with a digit and is at most nine bytes ("12.12.12.").
        guard let first = word.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"), word.utf8.count <= 9 else { return false }
        let core = word.hasSuffix(".") ? word.dropLast() : word
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// The key question a span asks, by its printed id or the wording of its last sentence.
    func identify(_ lastSentence: String, idWord: String?, standard: String?) -> (id: String, wording: String?)? {
        if let idWord {
            return keyQuestionIDs.contains(idWord) ? (idWord, nil) : nil
        }
        guard let standard else { return nil }
        let found = matches(in: standard, lastSentence)
        guard found.count == 1 else { return nil }
        return (found[0].keyQuestion, found[0].wording)
    }

    /// The first figure group after the `?` of line `index`: the rest of the line, then lines
    /// that hold only figures.
    func figuresAfter(_ body: [ReportLine], index: Int, mark: Int) -> FigureGroup? {
        let words = body[index].words
        let markWord = words[mark]
        var tail = Array(words[(mark + 1)...])
        // A footnote number glued to the question mark ("safe?12 7 7") is dropped; other text
        // glued to it ("safe?64%") is read.
        if let question = markWord.lastIndex(of: "?") {
            let after = markWord[markWord.index(after: question)...]
            if !after.isEmpty && !after.allSatisfy(\.isASCIIDigit) {
                tail.insert(after, at: 0)
            }
        }
        var tokens: [FigureGroup.Token] = []
        var firstLine = body[index].number
        if !tail.isEmpty {
            guard let found = FigureGroup.tokens(tail) else { return nil }
            tokens = found
        }
        var next = index + 1
        while true {
            if !tokens.isEmpty, let group = FigureGroup.make(tokens, line: firstLine, afterQuestionMark: true) {
                // A percentage cell after a count pair belongs to the same row.
                if group.percent == nil, next < body.count, let more = FigureGroup.tokens(body[next].words), more.count == 1,
                   case .percent(let value) = more[0] {
                    var withPercent = group
                    withPercent.percent = value
                    return withPercent
                }
                return group
            }
            guard tokens.count < 4, next < body.count, next <= index + 4, let more = FigureGroup.tokens(body[next].words), !more.isEmpty else {
                return nil
            }
            if tokens.isEmpty { firstLine = body[next].number }
            tokens += more
            next += 1
        }
    }
}
