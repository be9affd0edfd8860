/// Finds the inspection-level facts: service name, publication month, score, overall rating and
/// the court and out-of-court sample sizes.
///
/// - Name: the words before "Score n/36" on the ratings page, else a "Service: …" line, else
///   "The … Youth Offending Service should:" in the recommendations.
/// - Publication month: a line that is only a month and a year ("DECEMBER 2019"), on the cover,
///   that is before the ratings.
/// - Score: "Score n/36" (n out of the framework's maximum score). Overall rating: "Overall rating" followed by a rating word on the same
///   or a following line; "Overall, … rated as …" is read as a cross-check.
/// - Samples: "We examined N court disposals / post-court cases / out-of-court disposals" (the
///   methodology annex), "We inspected N post-court cases", "a sample of N post-court cases and
///   M out-of-court disposals", with numbers in digits or words. Key-question table headings
///   ("Of the 4 cases inspected") are added by ``KeyQuestionExtractor`` as a cross-check.
enum InspectionFactsExtractor {
    /// A candidate sample size with its wording, for cross-checks.
    struct SampleCandidate {
        let court: Bool
        let size: Int
        let line: Int
        let wording: String
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    static func extract(_ document: ReportDocument, into result: inout ExtractionResult, firstRatingIndex: Int?) -> [SampleCandidate] {
        let body = document.body
        var overallCandidates: [(ExtractedRating, Int)] = []
        for (index, line) in body.enumerated() {
            let words = line.words
            guard !words.isEmpty else { continue }
            // Score and name.
            if result.inspection.score == nil, let scoreAt = words.firstIndex(where: { $0 == "Score" || $0 == "score" }),
               let score = Self.score(Array(words[(scoreAt + 1)...]), outOf: result.framework.maximumScore) {
                result.inspection.score = Located(score, line: line.number)
                let nameWords = words[..<scoreAt]
                if nameWords.contains(where: { $0.contains(where: \.isLetter) }), result.inspection.name == nil {
                    result.inspection.name = Located(nameWords.joined(separator: " "), line: line.number)
                }
            }
            // "Service: Brent Youth Offending Service".
            if result.inspection.name == nil, words.count >= 2, words[0].lowercased() == "service:" {
                result.inspection.name = Located(words.dropFirst().joined(separator: " "), line: line.number)
            }
            // Overall rating.
            if words.count >= 2, words[0].lowercased() == "overall", words[1].lowercased().hasPrefix("rating") {
                if let match = RatingText.whole(Array(words.dropFirst(2))) {
                    overallCandidates.append((match.rating, line.number))
                } else if words.count == 2, let (rating, ratingLine) = ratingOnFollowingLines(body, after: index) {
                    overallCandidates.append((rating, ratingLine))
                }
            }
            // Publication month on the cover.
            if result.inspection.published == nil, words.count == 2, index < (firstRatingIndex ?? 80),
               let month = months.firstIndex(of: words[0].lowercased()), words[1].count == 4,
               let year = Int(words[1]), (1990...2100).contains(year) {
                let monthText = month + 1 < 10 ? "0\(month + 1)" : "\(month + 1)"
                result.inspection.published = Located("\(year)-\(monthText)", line: line.number)
            }
        }
        if let first = overallCandidates.first {
            result.inspection.overallRating = Located(first.0, line: first.1)
            for other in overallCandidates.dropFirst() where other.0 != first.0 {
                result.findings.append(ExtractionFinding(code: .ratingDisagrees, severity: .error, line: other.1,
                    "the overall rating is printed as \(first.0) on line \(first.1) but as \(other.0) here"))
            }
        }
        // "Overall, X was rated as 'Good'" as a fallback and cross-check.
        if let (rating, line) = statedOverallRating(document) {
            if let published = result.inspection.overallRating {
                if published.value != rating {
                    result.findings.append(ExtractionFinding(code: .ratingDisagrees, severity: .error, line: line,
                        "the overall rating is printed as \(published.value) on line \(published.line) but the text says \(rating)"))
                }
            } else {
                result.inspection.overallRating = Located(rating, line: line)
            }
        }
        return sampleCandidates(document)
    }

    /// The first "Overall, … rated as <rating>" sentence: the rating and its line.
    /// The service name as the recommendations introduce it ("The Brent Youth Offending Service
    /// should:"): a sentence in the body, so only used when it names the service of the title.
    static func nameFromRecommendations(_ document: ReportDocument) -> Located<String>? {
        for line in document.body {
            let words = line.words
            guard words.count >= 3, words[0] == "The", words.last == "should:" else { continue }
            let middle = words.dropFirst().dropLast().joined(separator: " ")
            if middle.lowercased().contains("youth offending") || middle.lowercased().contains("youth justice") {
                return Located(middle, line: line.number)
            }
        }
        return nil
    }

    static func statedOverallRating(_ document: ReportDocument) -> (ExtractedRating, Int)? {
        for index in document.body.indices {
            guard document.body[index].text.has("Overall,") else { continue }
            let count = document.body[index].words.count
            let stream = document.words(from: index, lines: 2)
            for start in 0..<count where stream[start].word == "Overall," {
                let end = min(stream.count, start + 16)
                var cursor = start + 1
                while cursor + 2 < end {
                    if stream[cursor].word == "rated", stream[cursor + 1].word == "as" || stream[cursor + 1].word == "as:" {
                        let first = String(stream[cursor + 2].word)
                        if let rating = ExtractedRating(word: first), rating != .requiresImprovement {
                            return (rating, stream[cursor + 2].line)
                        }
                        if cursor + 3 < stream.count,
                           ExtractedRating(word: first + " " + stream[cursor + 3].word) == .requiresImprovement {
                            return (.requiresImprovement, stream[cursor + 2].line)
                        }
                        break
                    }
                    cursor += 1
                }
            }
        }
        return nil
    }

    /// "29/36", "29 / 36", "29/ 36" at the start of the words, for a framework whose maximum
    /// score is `maximum` (36).
    static func score(_ words: [Substring], outOf maximum: Int) -> Int? {
        let joined = words.prefix(3).joined()
        guard let slash = joined.firstIndex(of: "/") else { return nil }
        let head = joined[..<slash]
        let maximumText = String(maximum)
        let tail = joined[joined.index(after: slash)...].prefix(maximumText.count)
        guard tail == maximumText, (1...2).contains(head.count), head.allSatisfy(\.isASCIIDigit), let value = Int(head) else { return nil }
        return value
    }

    /// A rating word alone on one of the next three body lines (or split "Requires"/"improvement").
    static func ratingOnFollowingLines(_ body: [ReportLine], after index: Int) -> (ExtractedRating, Int)? {
        var next = index + 1
        while next < body.count && next <= index + 3 {
            let words = body[next].words
            if let match = RatingText.whole(words) { return (match.rating, body[next].number) }
            if words.count == 1, RatingText.endsWithRequires(words), next + 1 < body.count,
               RatingText.improvementContinuation(body[next + 1].words) != nil {
                return (.requiresImprovement, body[next].number)
            }
            next += 1
        }
        return nil
    }

    /// Sample sizes stated in sentences.
    static func sampleCandidates(_ document: ReportDocument) -> [SampleCandidate] {
        var out: [SampleCandidate] = []
        let body = document.body
        for index in body.indices {
            let lower = body[index].lower
            guard lower.has("examined") || lower.has("inspected") || lower.has("sample of") else { continue }
            let words = body[index].words
            let stream = document.words(from: index, lines: 2)
            for position in words.indices {
                let lead = words[position].lowercased()
                guard lead == "examined" || lead == "inspected" || (lead == "of" && position > 0 && words[position - 1].lowercased() == "sample") else { continue }
                var cursor = position + 1
                while cursor + 2 < stream.count {
                    guard let size = NumberWords.value(stream[cursor].word) else { break }
                    let kind = stream[cursor + 1].word.lowercased()
                    let noun = stream[cursor + 2].word.lowercased().trimmingCharacters(in: ".,;:")
                    guard noun == "cases" || noun == "disposals" || noun == "case" || noun == "disposal" else { break }
                    let wording = "\(stream[cursor].word) \(stream[cursor + 1].word) \(stream[cursor + 2].word)"
                    if kind == "court" || kind == "post-court" {
                        out.append(SampleCandidate(court: true, size: size, line: stream[cursor].line, wording: wording))
                    } else if kind == "out-of-court" {
                        out.append(SampleCandidate(court: false, size: size, line: stream[cursor].line, wording: wording))
                    } else { break }
                    // "… 29 post-court cases and 20 out-of-court disposals".
                    if cursor + 3 < stream.count, stream[cursor + 3].word == "and" { cursor += 4 } else { break }
                }
            }
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        String(self[...].trimmingCharacters(inSet: set))
    }
}
