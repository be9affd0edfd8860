/// Finds standards whose rating the ratings panel set by professional discretion.
///
/// A discretion note is a footnote whose number is glued to a standard's rating word
/// ("improvement17", "Good20") and whose text mentions professional discretion. The rule rating
/// is the lowest key-question band of the standard from the printed counts
/// (the framework file's bands, ``Framework/band(yes:relevant:)``); when counts are missing it is the rating the
/// footnote says the standard was raised or lowered "from". When both are known and differ, a
/// `discretion-source-disagrees` finding is raised. A footnote about discretion that no rating
/// cites becomes a warning.
enum DiscretionExtractor {
    static func extract(_ document: ReportDocument, into result: inout ExtractionResult) {
        var used: Set<Int> = []
        for rating in result.ratings {
            guard let number = rating.footnote, let footnote = document.footnotes.footnote(number, after: rating.line),
                  mentionsDiscretion(footnote.text) else { continue }
            used.insert(footnote.line)
            let standard = result.framework.standard(rating.standard)
            let ids = Set(standard?.keyQuestions.map(\.id) ?? [])
            let questions = result.keyQuestions.filter { ids.contains($0.keyQuestion) }
            var lowest: (ExtractedKeyQuestion, ExtractedRating)?
            var complete = !questions.isEmpty
            for question in questions {
                guard let yes = question.yes, let relevant = question.relevant, relevant > 0, yes <= relevant,
                      let band = ExtractedRating(word: result.framework.band(yes: yes, relevant: relevant).name) else {
                    if question.relevant != nil || question.percent != nil { complete = false }
                    continue
                }
                if let current = lowest, current.1 <= band { continue }
                lowest = (question, band)
            }
            let stated = ratingChangedFrom(footnote.text)
            let ruleRating = complete ? lowest?.1 : (stated ?? lowest?.1)
            if complete, let computed = lowest?.1, let stated, stated != computed {
                result.findings.append(ExtractionFinding(code: .discretionSourceDisagrees, severity: .warning, line: footnote.line,
                    "footnote \(number) says standard \(rating.standard) was changed from \(stated), but its key-question counts give \(computed)"))
            }
            var note = "Footnote \(number): the ratings panel used professional discretion"
            if let (question, band) = lowest, let yes = question.yes, let relevant = question.relevant {
                note += "; lowest key question \(question.keyQuestion) was \(yes) of \(relevant) (\(band))"
            }
            note += "; published \(rating.rating)."
            result.discretion.append(ExtractedDiscretion(standard: rating.standard, ruleRating: ruleRating,
                                                         publishedRating: rating.rating, footnote: number, note: note, line: footnote.line))
        }
        for footnote in document.footnotes.footnotes where mentionsDiscretion(footnote.text) && !used.contains(footnote.line)
            && (footnote.text.lowercased().contains("uplift") || footnote.text.lowercased().contains("agreed a rating")
                || footnote.text.lowercased().contains("rating")) {
            result.warnings.append(ExtractionWarning(line: footnote.line,
                "footnote \(footnote.number) mentions professional discretion but no standard's rating cites it"))
        }
    }

    static func mentionsDiscretion(_ text: String) -> Bool {
        text.lowercased().contains("discretion")
    }

    /// The rating after "from" in a footnote ("… to 'Requires improvement' from Inadequate").
    static func ratingChangedFrom(_ text: String) -> ExtractedRating? {
        let words = text.split(separator: " ")
        for (index, word) in words.enumerated() where word.lowercased() == "from" && index + 1 < words.count {
            let first = String(words[index + 1])
            if let rating = ExtractedRating(word: first), rating != .requiresImprovement { return rating }
            if index + 2 < words.count, ExtractedRating(word: first + " " + words[index + 2]) == .requiresImprovement {
                return .requiresImprovement
            }
        }
        return nil
    }
}
