/// Finds the published rating of each standard of the report's framework (12 in the 2018
/// framework, 13 from 2021), and the sections of the report that
/// belong to each standard.
///
/// A standard is recognised by its id and name at the start of a line ("2.1 Assessment",
/// "2.1. Assessment", "1.1\tGovernance and leadership"). Its rating is either on the same line
/// ("2.1 Assessment Requires improvement", the ratings page) or, for a section heading, on one of
/// the lines after it, before "Our rating" or "In making a judgement" (possibly at the end of
/// the standard's description, possibly split as "Requires" / "improvement17"). The first
/// same-line rating is taken as published (the ratings page comes first); every other mention is
/// compared with it and a disagreement becomes a `rating-disagrees` finding.
enum StandardRatingsExtractor {
    /// A mention of a standard: where, and the rating given there if any.
    struct Mention {
        let standard: String
        /// Index into ``ReportDocument/body``.
        let index: Int
        let line: Int
        let rating: ExtractedRating?
        let ratingLine: Int?
        let footnote: Int?
        /// Whether the rating was on the standard's own line.
        let inline: Bool
    }

    /// Every mention of one of `framework`'s standards, in document order.
    static func mentions(_ document: ReportDocument, framework: Framework) -> [Mention] {
        let body = document.body
        var out: [Mention] = []
        for index in body.indices {
            let words = body[index].words
            guard let (standard, nameCount) = standardAtStart(words, framework: framework) else { continue }
            let rest = Array(words.dropFirst(1 + nameCount))
            let line = body[index].number
            if rest.isEmpty {
                let found = ratingAfterHeading(body, index, framework: framework)
                out.append(Mention(standard: standard, index: index, line: line, rating: found?.rating, ratingLine: found?.line,
                                   footnote: found?.footnote, inline: false))
            } else if let match = RatingText.whole(rest) {
                out.append(Mention(standard: standard, index: index, line: line, rating: match.rating, ratingLine: line,
                                   footnote: match.footnote, inline: true))
            } else if rest.count == 1, RatingText.endsWithRequires(rest), index + 1 < body.count,
                      let footnote = RatingText.improvementContinuation(body[index + 1].words) {
                out.append(Mention(standard: standard, index: index, line: line, rating: .requiresImprovement,
                                   ratingLine: line, footnote: footnote, inline: true))
            }
        }
        return out
    }

    /// The standard of `framework` whose id and name start the words, and how many name words matched.
    static func standardAtStart(_ words: [Substring], framework: Framework) -> (String, Int)? {
        guard let first = words.first else { return nil }
        var id = first
        if id.last == "." { id = id.dropLast() }
        guard id.count == 3, let standard = framework.standard(String(id)) else { return nil }
        let name = standard.name.lowercased().split(separator: " ")
        guard words.count > name.count else { return nil }
        for (offset, word) in name.enumerated() where words[1 + offset].lowercased() != word { return nil }
        return (standard.id, name.count)
    }

    /// The rating printed after a section heading, before the section's text begins.
    static func ratingAfterHeading(_ body: [ReportLine], _ index: Int, framework: Framework) -> (rating: ExtractedRating, line: Int, footnote: Int?)? {
        var next = index + 1
        while next < body.count && next <= index + 10 {
            let words = body[next].words
            let lower = body[next].lower
            if lower.hasPrefix("our rating") || lower.hasPrefix("in making a judgement") || lower.hasPrefix("of the ")
                || lower.hasPrefix("key staffing") || standardAtStart(words, framework: framework) != nil { return nil }
            if let match = RatingText.trailing(words) {
                let prefixEndsSentence = match.prefixWordCount == 0 || words[match.prefixWordCount - 1].last == "."
                if prefixEndsSentence { return (match.rating, body[next].number, match.footnote) }
            }
            if RatingText.endsWithRequires(words), next + 1 < body.count,
               let footnote = RatingText.improvementContinuation(body[next + 1].words) {
                let prefixCount = words.count - 1
                if prefixCount == 0 || words[prefixCount - 1].last == "." {
                    return (.requiresImprovement, body[next + 1].number, footnote)
                }
            }
            next += 1
        }
        return nil
    }

    /// Chooses the published rating of each standard and reports disagreements between mentions.
    static func extract(_ mentions: [Mention], into result: inout ExtractionResult) {
        for standard in result.framework.standards {
            let rated = mentions.filter { $0.standard == standard.id && $0.rating != nil }
            guard let chosen = rated.first(where: \.inline) ?? rated.first, let rating = chosen.rating else {
                result.warnings.append(ExtractionWarning(line: nil, "no rating found for standard \(standard.id) \(standard.name)"))
                continue
            }
            let footnote = chosen.footnote ?? rated.first(where: { $0.footnote != nil })?.footnote
            result.ratings.append(ExtractedStandardRating(standard: standard.id, rating: rating, footnote: footnote,
                                                          line: chosen.ratingLine ?? chosen.line))
            for other in rated where other.rating != rating {
                result.findings.append(ExtractionFinding(code: .ratingDisagrees, severity: .error, line: other.ratingLine ?? other.line,
                    "standard \(standard.id) is rated \(rating) on line \(chosen.ratingLine ?? chosen.line) but \(other.rating.map(\.description) ?? "-") here"))
            }
        }
    }
}
