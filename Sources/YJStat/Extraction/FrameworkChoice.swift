/// The framework a report was inspected under, chosen from what the report prints, with the
/// reason in words.
///
/// Evidence, strongest first:
/// 1. **The standard list.** Each candidate scores the standards the report prints as headings or
///    rating rows by the candidate's own id *and* name ("3.4 Joint working" is a youth-2018
///    standard, "4.1 Resettlement policy and provision" a youth-2021 one), less the printed
///    standards that only another candidate has. The highest score wins.
/// 2. **The inspection month.** When the standard list does not tell the candidates apart (a
///    report that prints only 1.1–3.3, or none), the fieldwork month ("Our fieldwork … took place
///    between 14 September and 18 September 2020", "Fieldwork started: August 2019") picks the
///    candidate in force then (``Framework/isInForce(inspectedIn:)``). Without it, the publication
///    month on the cover rules out candidates whose inspections began after it (a report is
///    published after its fieldwork); if several remain, the latest is taken, with a warning.
/// 3. Otherwise the oldest candidate is taken, with a warning that nothing told them apart.
///
/// The choice is never silent: ``reason`` says which evidence decided, and every step that
/// guessed adds a warning.
struct FrameworkChoice {
    /// The chosen framework.
    let framework: Framework
    /// Why it was chosen ("the report prints 13 of the 13 standards of youth-2021 (12 scored) …").
    let reason: String
    /// Guesses and printed standards the chosen framework does not have.
    let warnings: [ExtractionWarning]

    /// A standard printed at the start of a line: its id, the line, and the words after the id.
    private struct Printed {
        let id: String
        let line: Int
        let words: [Substring]
    }

    /// Chooses among `candidates` (at least one; oldest first) for `document`.
    init(_ document: ReportDocument, among candidates: [Framework]) {
        precondition(!candidates.isEmpty, "FrameworkChoice needs at least one candidate framework")
        let printed = Self.printedStandards(document)
        // Which candidates' standards (id and name) each printed line names.
        func names(_ framework: Framework, _ standard: Printed) -> Bool {
            guard let known = framework.standard(standard.id) else { return false }
            let name = known.name.lowercased().split(separator: " ")
            guard standard.words.count >= name.count else { return false }
            // Trailing punctuation and leader dots are not part of a name ("working..... 28").
            return zip(name, standard.words).allSatisfy { expected, printed in
                var word = printed.lowercased()
                while let last = word.last, last == "." || last == "," || last == ":" { word.removeLast() }
                return word == expected
            }
        }
        var matched: [[String]] = Array(repeating: [], count: candidates.count)
        var foreign: [[Printed]] = Array(repeating: [], count: candidates.count)
        for standard in printed {
            let owners = candidates.indices.filter { names(candidates[$0], standard) }
            guard !owners.isEmpty else { continue }
            for index in candidates.indices {
                if owners.contains(index) {
                    if !matched[index].contains(standard.id) { matched[index].append(standard.id) }
                } else if !foreign[index].contains(where: { $0.id == standard.id }) {
                    foreign[index].append(standard)
                }
            }
        }
        let scores = candidates.indices.map { matched[$0].count - foreign[$0].count }
        let best = scores.max() ?? 0
        let tied = candidates.indices.filter { scores[$0] == best }
        var warnings: [ExtractionWarning] = []
        var why: String
        var chosen: Int
        if tied.count == 1 {
            chosen = tied[0]
            let others = candidates.indices.filter { $0 != chosen }.map { index in
                "\(candidates[index].id): \(matched[index].count) of \(candidates[index].standards.count)"
                    + (foreign[index].isEmpty ? "" : ", and \(foreign[index].map(\.id).joined(separator: " ")) as another framework names \(foreign[index].count == 1 ? "it" : "them")")
            }
            why = others.isEmpty ? "the only framework given" : "its standards fit the printed list best (\(others.joined(separator: "; ")))"
        } else if let fieldwork = Self.fieldworkMonth(document),
                  let inForce = tied.filter({ candidates[$0].isInForce(inspectedIn: fieldwork.month) }).last {
            chosen = inForce
            why = "the standard list fits \(tied.map { candidates[$0].id }.joined(separator: " and ")) alike; fieldwork \(fieldwork.month) (line \(fieldwork.line)) falls in its period"
        } else if let published = Self.publicationMonth(document) {
            let possible = tied.filter { (candidates[$0].inspectedFrom ?? "") <= published.month }
            chosen = possible.last ?? tied[0]
            why = "the standard list fits \(tied.map { candidates[$0].id }.joined(separator: " and ")) alike; no fieldwork month printed; published \(published.month) (line \(published.line))"
            if possible.count > 1 {
                why += ", so taken as the latest in force then"
                warnings.append(ExtractionWarning(line: published.line,
                    "framework \(candidates[chosen].id) is assumed from the publication month \(published.month): the standard list does not tell \(possible.map { candidates[$0].id }.joined(separator: " and ")) apart and no fieldwork month is printed"))
            } else if possible.isEmpty {
                why += ", before every candidate's period; taken as the oldest"
                warnings.append(ExtractionWarning(line: published.line,
                    "published \(published.month), before the period of every candidate framework; read with \(candidates[chosen].id)"))
            }
        } else {
            chosen = tied[0]
            why = "nothing printed tells \(tied.map { candidates[$0].id }.joined(separator: " and ")) apart (no distinguishing standard, fieldwork or publication month); taken as the oldest"
            warnings.append(ExtractionWarning(line: nil,
                "the framework could not be told from the report (no distinguishing standard, fieldwork or publication month); read with \(candidates[chosen].id)"))
        }
        let framework = candidates[chosen]
        let scored = framework.standards.filter(\.isScored).count
        let notScored = framework.standards.filter { !$0.isScored }.map(\.id)
        reason = "the report prints \(matched[chosen].count) of the \(framework.standards.count) standards of \(framework.id) (\(scored) scored"
            + (notScored.isEmpty ? "" : "; \(notScored.joined(separator: ", ")) rated, not scored") + "): " + why
        for standard in foreign[chosen] {
            warnings.append(ExtractionWarning(line: standard.line,
                "the report prints standard \(standard.id) \(standard.words.joined(separator: " ")), which framework \(framework.id) does not have; its rating is not extracted"))
        }
        // A standard printed under the chosen framework's id with another name that no candidate
        // has (3.4 "Out-of-court disposal policy and provision" read with youth-2018 alone): its
        // rating is not read as the framework's standard.
        for standard in printed where !candidates.contains(where: { names($0, standard) })
            && framework.standard(standard.id) != nil && standard.words.count >= 3
            && !warnings.contains(where: { $0.line == standard.line }) {
            let known = framework.standard(standard.id)?.name ?? ""
            warnings.append(ExtractionWarning(line: standard.line,
                "the report prints standard \(standard.id) \(standard.words.joined(separator: " ")), but framework \(framework.id) names \(standard.id) '\(known)'; its rating is not extracted"))
        }
        // A resettlement standard no candidate has (a framework yjstat does not hold).
        for standard in printed where standard.words.first?.lowercased() == "resettlement"
            && !candidates.contains(where: { names($0, standard) })
            && !warnings.contains(where: { $0.line == standard.line }) {
            warnings.append(ExtractionWarning(line: standard.line,
                "the report prints standard \(standard.id) \(standard.words.joined(separator: " ")), which framework \(framework.id) does not have; its rating is not extracted"))
        }
        self.framework = framework
        self.warnings = warnings
    }

    /// Lines that start with a standard id ("2.1", "2.1.") followed by a capitalised word, as
    /// headings and rating rows do (2 to 8 words).
    private static func printedStandards(_ document: ReportDocument) -> [Printed] {
        var out: [Printed] = []
        for line in document.body {
            guard let first = line.words.first, line.words.count >= 2, line.words.count <= 8 else { continue }
            let id = first.hasSuffix(".") ? first.dropLast() : first
            let parts = id.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 1 && $0.allSatisfy(\.isASCIIDigit) }),
                  line.words[1].first?.isUppercase == true else { continue }
            out.append(Printed(id: String(id), line: line.number, words: Array(line.words.dropFirst())))
        }
        return out
    }

    /// The month the fieldwork took place (`YYYY-MM`) and its line: the first month name followed
    /// by a year in a sentence that mentions fieldwork (on its line or the next).
    static func fieldworkMonth(_ document: ReportDocument) -> (month: String, line: Int)? {
        for index in document.body.indices where document.body[index].lower.contains("fieldwork") {
            let stream = document.words(from: index, lines: 2)
            for (offset, item) in stream.enumerated() where offset + 1 < stream.count {
                if let month = month(item.word, year: stream[offset + 1].word) { return (month, item.line) }
            }
        }
        return nil
    }

    /// The publication month on the cover (`YYYY-MM`) and its line: a line that is only a month
    /// and a year ("DECEMBER 2019") among the first 80 body lines.
    static func publicationMonth(_ document: ReportDocument) -> (month: String, line: Int)? {
        for line in document.body.prefix(80) where line.words.count == 2 {
            if let month = month(line.words[0], year: line.words[1]) { return (month, line.number) }
        }
        return nil
    }

    /// `YYYY-MM` for a month name and a four-digit year ("September", "2020." → `2020-09`).
    private static func month(_ name: Substring, year: Substring) -> String? {
        guard let number = InspectionFactsExtractor.months.firstIndex(of: name.lowercased()) else { return nil }
        var digits = year
        while let last = digits.last, !last.isASCIIDigit { digits.removeLast() }
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits), (1990...2100).contains(value) else { return nil }
        return "\(value)-" + (number + 1 < 10 ? "0\(number + 1)" : "\(number + 1)")
    }
}
