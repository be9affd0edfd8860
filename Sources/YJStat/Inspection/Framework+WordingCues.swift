/// Identifying a report's question text as one of the framework's key questions, by the wording
/// cues held in the framework file (``Framework/KeyQuestion/wordingCues``).
extension Framework {
    /// A key question whose wording cue a text matches.
    public struct WordingMatch: Sendable, Equatable {
        /// The key-question id.
        public let keyQuestion: String
        /// The wording edition of the cue that matched.
        public let wording: String
    }

    /// The key questions of a standard whose wording cues a question text matches (at most one
    /// entry per key question, the first matching cue's edition).
    ///
    /// The text is compared in lower case with runs of spaces collapsed and typographic
    /// apostrophes made plain; a cue matches when all its phrases occur in the text.
    /// - Returns: Empty when no cue matches or the standard has no key questions; more than
    ///   one entry when the text is ambiguous (the caller reports it rather than guessing).
    public func keyQuestionMatches(in standardID: String, wording text: String) -> [WordingMatch] {
        guard let standard = standard(standardID) else { return [] }
        return Self.matches(standard.keyQuestions, normalisedWording: Self.normalisedWording(text))
    }

    /// The key questions among `questions` whose cue occurs in text already lower-cased with
    /// single spaces and plain apostrophes (as ``ReportLine/lower`` is).
    static func matches(_ questions: [KeyQuestion], normalisedWording normalised: String) -> [WordingMatch] {
        var matches: [WordingMatch] = []
        for question in questions {
            if let cue = question.wordingCues.first(where: { $0.phrases.allSatisfy { normalised.has($0) } }) {
                matches.append(WordingMatch(keyQuestion: question.id, wording: cue.wording))
            }
        }
        return matches
    }

    /// The one key question of a standard that a question text asks, or `nil` when no cue or
    /// more than one key question's cue matches.
    public func keyQuestion(in standardID: String, wording text: String) -> WordingMatch? {
        let matches = keyQuestionMatches(in: standardID, wording: text)
        return matches.count == 1 ? matches[0] : nil
    }

    /// Lower case, plain apostrophes, single spaces.
    static func normalisedWording(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\u{A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(character == "\u{2019}" || character == "\u{2018}" ? "'" : character)
        }
        return out
    }
}
