/// A figure stated in a sentence of running text, as ``NarrativePromptExtractor`` reads it.
///
/// Shapes recognised (numbers in digits or words, see ``NumberWords``):
/// - `N per cent` or `N%` → ``Kind/percent(_:)``;
/// - `in the same percentage of cases` → ``Kind/samePercent`` (the percentage stated just before);
/// - `N of the M cases`, `N of M cases` (the total followed by a case noun: cases, children …), `N of the relevant M cases`, `N of the M relevant cases`
///   → ``Kind/pair(count:total:)``;
/// - `N of these` → ``Kind/ofThese(_:)`` (the total is the `In M cases` of the sentence before);
/// - `in N cases` (no total) and `all but N` (no percentage after it) → ``Kind/countOnly(_:isBase:)``.
struct NarrativeFigure {
    /// What the figure states.
    enum Kind: Equatable {
        case percent(Int)
        case samePercent
        case pair(count: Int, total: Int)
        case ofThese(Int)
        /// A count with no total; `isBase` for "in N cases", which a following "M of these" can use.
        case countOnly(Int, isBase: Bool)
    }

    let kind: Kind
    /// Index of the first and last word of the figure in its sentence.
    let start: Int
    let end: Int
    /// Input line of the figure's number.
    let line: Int

    /// Words that may follow the total of `N of M`: a count of cases, not of anything else.
    static let caseNouns: Set<String> = ["cases", "case", "children", "relevant", "young", "records"]

    /// Every figure in a sentence, in order.
    static func figures(in sentence: NarrativeText.Sentence) -> [NarrativeFigure] {
        let words = sentence.words
        var out: [NarrativeFigure] = []
        func core(_ index: Int) -> String { index < words.count ? words[index].core : "" }
        var index = 0
        while index < words.count {
            let word = words[index]
            if let value = NumberWords.percent(Substring(word.core)) {
                out.append(NarrativeFigure(kind: .percent(value), start: index, end: index, line: word.line))
                index += 1
                continue
            }
            if word.core.first?.isASCIIDigit == true, let value = NumberWords.value(Substring(word.core)),
               core(index + 1) == "per", core(index + 2) == "cent" {
                out.append(NarrativeFigure(kind: .percent(value), start: index, end: index + 2, line: word.line))
                index += 3
                continue
            }
            if word.core == "same", ["percentage", "proportion"].contains(core(index + 1)) {
                out.append(NarrativeFigure(kind: .samePercent, start: index, end: index + 1, line: word.line))
                index += 2
                continue
            }
            if word.core == "all", core(index + 1) == "but", let count = NumberWords.value(Substring(core(index + 2))) {
                let percentFollows = (index + 3...index + 5).contains { position in
                    NumberWords.percent(Substring(core(position))) != nil || (core(position + 1) == "per" && core(position + 2) == "cent")
                }
                if !percentFollows {
                    out.append(NarrativeFigure(kind: .countOnly(count, isBase: false), start: index, end: index + 2, line: words[index + 2].line))
                }
                index += 3
                continue
            }
            if core(index + 1) == "of", let count = NumberWords.value(Substring(word.core)) {
                if ["these", "them", "those"].contains(core(index + 2)) {
                    out.append(NarrativeFigure(kind: .ofThese(count), start: index, end: index + 2, line: word.line))
                    index += 3
                    continue
                }
                var next = index + 2
                if core(next) == "the" { next += 1 }
                if core(next) == "relevant" { next += 1 }
                if let total = NumberWords.value(Substring(core(next))), caseNouns.contains(core(next + 1)) {
                    out.append(NarrativeFigure(kind: .pair(count: count, total: total), start: index, end: next, line: word.line))
                    index = next + 1
                    continue
                }
            }
            if word.core == "in", let count = NumberWords.value(Substring(core(index + 1))),
               core(index + 2) == "cases" || core(index + 2) == "case", core(index + 3) != "of" {
                out.append(NarrativeFigure(kind: .countOnly(count, isBase: true), start: index, end: index + 2, line: words[index + 1].line))
                index += 3
                continue
            }
            index += 1
        }
        return out
    }
}
