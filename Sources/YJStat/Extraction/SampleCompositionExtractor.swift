/// Finds the inspected cases by disposal type, which reports state in the narrative of the
/// court and out-of-court sections ("We inspected one custodial sentence case, one youth
/// rehabilitation order and two referral orders"; "These consisted of three youth conditional
/// cautions, one youth caution and one community resolution").
///
/// In each domain section (from "2. Court disposals" or "3. Out-of-court disposals" to the next
/// domain heading or annex), a sentence qualifies when it gives counts (digits or words)
/// directly before disposal names of that domain, each disposal once, and the counts add up to
/// the domain's sample size. When several sentences qualify, the one with the most disposal
/// types is kept if the others agree with it (a "community sentence" count equals its youth
/// rehabilitation and referral orders); otherwise the sentences disagree and none is kept.
/// Sentences whose counts do not add up to the sample, or disagreements, become warnings.
enum SampleCompositionExtractor {
    /// Disposal names as word sequences (lower case, singular and plural), with their slug and
    /// whether they are court disposals. Longer names come first.
    static let disposals: [(words: [String], slug: String, court: Bool)] = [
        (["youth", "conditional", "caution"], "youth-conditional-caution", false),
        (["youth", "rehabilitation", "order"], "youth-rehabilitation-order", true),
        (["custodial", "sentence"], "custodial-sentence", true),
        (["referral", "order"], "referral-order", true),
        (["community", "sentence"], "community-sentence", true),
        (["youth", "caution"], "youth-caution", false),
        (["community", "resolution"], "community-resolution", false),
        (["ycc"], "youth-conditional-caution", false),
        (["yro"], "youth-rehabilitation-order", true),
    ]

    /// Court disposal types that a report may sum up as "community sentences".
    static let communityOrders: Set<String> = ["youth-rehabilitation-order", "referral-order"]

    static func extract(_ document: ReportDocument, into result: inout ExtractionResult) {
        let body = document.body
        let headings = body.indices.filter { NarrativePromptExtractor.isDomainHeading(body[$0]) || body[$0].lower.hasPrefix("annex") }
        let keyQuestionIDs = Set(result.framework.keyQuestionIDs)
        for court in [true, false] {
            let sample = court ? result.inspection.courtSample?.value : result.inspection.outOfCourtSample?.value
            let domainName = court ? "court" : "out_of_court"
            var candidates: [[SampleCompositionCount]] = []
            for (position, start) in headings.enumerated() where body[start].lower.hasPrefix(court ? "2. court" : "3. out-of-court") {
                let end = position + 1 < headings.count ? headings[position + 1] : body.count
                guard start + 1 < end else { continue }
                for paragraph in NarrativeText(lines: body[(start + 1)..<end], keyQuestionIDs: keyQuestionIDs, keep: namesADisposal).paragraphs {
                    for sentence in paragraph {
                        let rows = composition(of: sentence, court: court, service: result.service)
                        guard !rows.isEmpty else { continue }
                        let total = rows.reduce(0) { $0 + $1.count }
                        guard let sample else {
                            result.warnings.append(ExtractionWarning(line: rows[0].line,
                                "\(domainName) cases by disposal type found, but no \(domainName) sample size to check them against; not extracted"))
                            continue
                        }
                        guard total == sample else {
                            result.warnings.append(ExtractionWarning(line: rows[0].line,
                                "\(domainName) cases by disposal type add up to \(total), not the sample of \(sample); not extracted"))
                            continue
                        }
                        if !candidates.contains(rows) { candidates.append(rows) }
                    }
                }
            }
            guard let finest = candidates.max(by: { $0.count < $1.count }) else { continue }
            let agree = candidates.allSatisfy { $0 == finest || coarsens($0, finest) }
            guard agree, candidates.filter({ $0.count == finest.count }).count == 1 else {
                result.warnings.append(ExtractionWarning(line: finest[0].line,
                    "the report gives \(domainName) cases by disposal type in \(candidates.count) ways that disagree; none extracted"))
                continue
            }
            result.sampleComposition.append(contentsOf: finest)
        }
    }

    /// Whether a paragraph may name a disposal: every word of some disposal name occurs in the
    /// lower-cased text of its lines (a superset of the word-by-word match of
    /// ``disposal(at:in:)``); paragraphs that cannot are not split into words.
    static func namesADisposal(_ lines: ArraySlice<ReportLine>) -> Bool {
        disposals.contains { entry in entry.words.allSatisfy { word in lines.contains { $0.lower.has(word) } } }
    }

    /// The disposal counts a sentence gives for one domain; empty unless every disposal named
    /// has a count and each is named once.
    static func composition(of sentence: NarrativeText.Sentence, court: Bool, service: String) -> [SampleCompositionCount] {
        let words = sentence.words
        var rows: [SampleCompositionCount] = []
        var named = 0
        var index = 0
        while index < words.count {
            guard let match = disposal(at: index, in: words) else { index += 1; continue }
            named += 1
            if match.court == court, index > 0, let count = NumberWords.value(Substring(words[index - 1].core)),
               !rows.contains(where: { $0.disposal == match.slug }) {
                rows.append(SampleCompositionCount(service: service, domain: court ? .court : .outOfCourt, disposal: match.slug, count: count,
                                                   line: words[index - 1].line))
            }
            index += match.length
        }
        return rows.count == named ? rows : []
    }

    /// The disposal named at a word, if any, and how many words the name takes.
    static func disposal(at index: Int, in words: [NarrativeText.Word]) -> (slug: String, court: Bool, length: Int)? {
        let first = words[index].core.utf8.first
        guard first == UInt8(ascii: "y") || first == UInt8(ascii: "c") || first == UInt8(ascii: "r") else { return nil }
        for entry in disposals where index + entry.words.count <= words.count {
            let matches = entry.words.enumerated().allSatisfy { offset, word in
                let core = words[index + offset].core
                return core == word || (offset == entry.words.count - 1 && core == word + "s")
            }
            if matches { return (entry.slug, entry.court, entry.words.count) }
        }
        return nil
    }

    /// Whether `coarse` is `fine` with youth rehabilitation and referral orders summed up as
    /// community sentences.
    static func coarsens(_ coarse: [SampleCompositionCount], _ fine: [SampleCompositionCount]) -> Bool {
        var merged: [String: Int] = [:]
        for row in fine { merged[communityOrders.contains(row.disposal) ? "community-sentence" : row.disposal, default: 0] += row.count }
        var stated: [String: Int] = [:]
        for row in coarse { stated[row.disposal, default: 0] += row.count }
        return merged == stated
    }
}
