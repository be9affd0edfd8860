/// Running prose of a report section, split into paragraphs, sentences and words, each word
/// keeping its input line.
///
/// Paragraphs end where the input skips a line (a blank line, page furniture, or a new HTML
/// block on the same input line). Sentences end at a word ending in `.`, `?` or `!` (after
/// closing quotes and brackets), except after common abbreviations. Lines that are table rows
/// or key-question rows are left out, because their figures are read by the table parsers.
struct NarrativeText {
    /// A word of running text.
    struct Word {
        /// The word as printed (normalised by ``ReportNormalizer``).
        let text: Substring
        /// The word in lower case without surrounding punctuation, quotes or brackets.
        let core: String
        /// Whether the word opens a bracket.
        let opensBracket: Bool
        /// Whether the word closes a bracket.
        let closesBracket: Bool
        /// Whether the word ends a clause (`;` or `:` after it).
        let endsClause: Bool
        /// Whether the word ends a sentence.
        let endsSentence: Bool
        /// Input line.
        let line: Int
    }

    /// A sentence: its words and the lower-cased text they make.
    struct Sentence {
        let words: [Word]

        /// Lower-cased text of words `range`, joined by spaces.
        func text(_ range: Range<Int>) -> String {
            let clamped = range.clamped(to: words.indices)
            return clamped.map { words[$0].text.lowercased() }.joined(separator: " ")
        }

        /// Lower-cased text of the whole sentence.
        var text: String { text(words.indices) }
    }

    /// Paragraphs in order, each a list of sentences.
    let paragraphs: [[Sentence]]

    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "no", "mr", "mrs", "ms", "dr", "cf", "vs"]

    /// Reads the running text of `lines` (body lines of one section, in order).
    /// - Parameter keep: Which paragraphs to read into words, given their lines; a reader that
    ///   only wants paragraphs naming certain words skips the word splitting of the others.
    ///   Paragraph boundaries do not depend on it.
    /// - Parameter keyQuestionIDs: The framework's key-question ids: a line that starts with one
    ///   is a key-question row, not prose.
    init(lines: ArraySlice<ReportLine>, keyQuestionIDs: Set<String>, keep: (ArraySlice<ReportLine>) -> Bool = { _ in true }) {
        var paragraphs: [[Sentence]] = []
        var start = lines.startIndex
        var previousLine: Int?
        func read(_ run: ArraySlice<ReportLine>) {
            guard !run.isEmpty, keep(run) else { return }
            var sentences: [Sentence] = []
            var current: [Word] = []
            for line in run {
                for raw in line.words {
                    let word = Self.word(raw, line: line.number)
                    current.append(word)
                    if word.endsSentence { sentences.append(Sentence(words: current)); current = [] }
                }
            }
            if !current.isEmpty { sentences.append(Sentence(words: current)) }
            if !sentences.isEmpty { paragraphs.append(sentences) }
        }
        for index in lines.indices {
            let line = lines[index]
            if let previousLine, line.number != previousLine + 1 {
                read(lines[start..<index])
                start = index
            }
            previousLine = line.number
            if Self.isTableLike(line, keyQuestionIDs: keyQuestionIDs) {
                read(lines[start..<index])
                start = index + 1
            }
        }
        read(lines[start..<lines.endIndex])
        self.paragraphs = paragraphs
    }

    /// Whether a line is a table row rather than prose: tab-separated cells, a line of numbers
    /// only, or a line that starts with a key-question id ("2.1.3. Does assessment …").
    static func isTableLike(_ line: ReportLine, keyQuestionIDs: Set<String>) -> Bool {
        if line.cells.count > 1 { return true }
        let words = line.words
        guard let first = words.first else { return true }
        if words.allSatisfy({ NumberWords.digits($0) != nil || NumberWords.percent($0) != nil }) { return true }
        let id = first.last == "." ? first.dropLast() : first
        return keyQuestionIDs.contains(String(id))
    }

    /// A word with its punctuation read off.
    ///
    /// Works on the word's UTF-8 bytes: every punctuation mark read off is ASCII, so trimming
    /// bytes gives the same core as trimming characters, and a core that holds no upper-case
    /// ASCII letter and no non-ASCII byte is its own lower case (no `lowercased()` call).
    static func word(_ raw: Substring, line: Int) -> Word {
        var closes = false
        var endsClause = false
        var endsSentence = false
        var opens = false
        var core = ""
        let read: Void? = raw.utf8.withContiguousStorageIfAvailable { bytes in
            var upper = bytes.count
            trailing: while upper > 0 {
                switch bytes[upper - 1] {
                case UInt8(ascii: ")"), UInt8(ascii: "]"): closes = true
                case UInt8(ascii: ";"), UInt8(ascii: ":"): endsClause = true
                case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"): endsSentence = true
                case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"): break
                default: break trailing
                }
                upper -= 1
            }
            var lower = 0
            leading: while lower < upper {
                switch bytes[lower] {
                case UInt8(ascii: "("), UInt8(ascii: "["): opens = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"): break
                default: break leading
                }
                lower += 1
            }
            let body = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
            if body.allSatisfy({ $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) {
                core = String(decoding: body, as: UTF8.self)
            } else {
                core = String(decoding: body, as: UTF8.self).lowercased()
            }
        }
        if read == nil {
            // Not contiguous (never for a split of a native string): the character-based path.
            var body = raw[...]
            while let last = body.last, Self.trailing.contains(last) {
                if last == ")" || last == "]" { closes = true }
                if last == ";" || last == ":" { endsClause = true }
                if last == "." || last == "?" || last == "!" { endsSentence = true }
                body = body.dropLast()
            }
            while let first = body.first, Self.leading.contains(first) {
                if first == "(" || first == "[" { opens = true }
                body = body.dropFirst()
            }
            core = body.lowercased()
        }
        if endsSentence, abbreviations.contains(core) || (core.count == 1 && core.first?.isLetter == true) {
            endsSentence = false
        }
        return Word(text: raw, core: core, opensBracket: opens, closesBracket: closes, endsClause: endsClause,
                    endsSentence: endsSentence, line: line)
    }

    /// Punctuation read off the end of a word.
    private static let trailing: Set<Character> = [",", ";", ":", ".", "?", "!", ")", "]", "\"", "'"]
    /// Punctuation read off the start of a word.
    private static let leading: Set<Character> = ["(", "[", "\"", "'"]
}
