/// Reading rating words where reports print them: at the end of a line, with a footnote number
/// glued on ("Good20", "improvement17"), or split over two lines ("Requires" / "improvement").
enum RatingText {
    /// A rating read from text, with the footnote number glued to it.
    struct Match: Equatable {
        let rating: ExtractedRating
        let footnote: Int?
        /// The words before the rating.
        let prefixWordCount: Int
    }

    /// Splits trailing digits off a word: "improvement17" → ("improvement", 17).
    static func splitFootnote(_ word: Substring) -> (Substring, Int?) {
        var end = word.endIndex
        while end > word.startIndex, word[word.index(before: end)].isASCIIDigit { end = word.index(before: end) }
        guard end > word.startIndex, end < word.endIndex else { return (word, nil) }
        let digits = word[end...]
        guard digits.count <= 3 else { return (word, nil) }
        return (word[..<end], Int(digits))
    }

    /// The rating at the end of a list of words, if the last one or two words are a rating word
    /// (optionally with a footnote number glued on and surrounding quotes).
    static func trailing(_ words: [Substring]) -> Match? {
        guard let last = words.last else { return nil }
        let (bare, footnote) = splitFootnote(last)
        let cleaned = bare.trimmingCharacters(inSet: "'\"")
        switch cleaned.lowercased() {
        case "good": return Match(rating: .good, footnote: footnote, prefixWordCount: words.count - 1)
        case "outstanding": return Match(rating: .outstanding, footnote: footnote, prefixWordCount: words.count - 1)
        case "inadequate": return Match(rating: .inadequate, footnote: footnote, prefixWordCount: words.count - 1)
        case "improvement":
            guard words.count >= 2, words[words.count - 2].trimmingCharacters(inSet: "'\"").lowercased() == "requires" else { return nil }
            return Match(rating: .requiresImprovement, footnote: footnote, prefixWordCount: words.count - 2)
        default: return nil
        }
    }

    /// A rating that makes up the whole of `words` (with an optional glued footnote).
    static func whole(_ words: [Substring]) -> Match? {
        guard let match = trailing(words), match.prefixWordCount == 0 else { return nil }
        return match
    }

    /// Whether the words end in "Requires" (the first half of a rating split over lines).
    static func endsWithRequires(_ words: [Substring]) -> Bool {
        words.last?.trimmingCharacters(inSet: "'\"").lowercased() == "requires"
    }

    /// Whether a line is the second half of a split rating: "improvement", maybe with a footnote.
    static func improvementContinuation(_ words: [Substring]) -> Int?? {
        guard words.count == 1 else { return nil }
        let (bare, footnote) = splitFootnote(words[0])
        guard bare.trimmingCharacters(inSet: "'\".").lowercased() == "improvement" else { return nil }
        return .some(footnote)
    }
}

extension Substring {
    /// The substring without leading and trailing characters from `set`.
    func trimmingCharacters(inSet set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
