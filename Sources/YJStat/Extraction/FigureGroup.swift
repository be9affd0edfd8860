/// A group of figures printed for one question: a count pair, a percentage, both, or "not
/// applicable", in any of the ways reports print them.
///
/// Recognised tokens (one or more words each):
/// - a count pair "12 7" (relevant then yes, the column order of the counts tables);
/// - "7 of 12" and "7/12" (yes of relevant);
/// - a percentage "64%", "64 %", "64 per cent", "64 percent";
/// - "N/A", "NA", "-" (not applicable, no figures).
///
/// Three bare numbers directly after a question mark are a footnote mark and a count pair
/// ("safe? 12 7 7" as some converters detach the mark).
struct FigureGroup: Equatable {
    /// Relevant cases, if printed.
    var relevant: Int?
    /// Cases answered yes, if printed.
    var yes: Int?
    /// The printed whole-number percentage, if printed.
    var percent: Int?
    /// Input line where the group starts.
    var line: Int

    /// Whether the group printed "not applicable" rather than figures.
    var isNotApplicable: Bool { relevant == nil && yes == nil && percent == nil }

    /// One token of a figure group.
    enum Token: Equatable {
        case number(Int)
        case ratio(yes: Int, relevant: Int)
        case percent(Int)
        case of
        case notApplicable
    }

    /// The tokens of the words, or `nil` when any word is not part of a figure group.
    static func tokens<Words: Collection>(_ words: Words) -> [Token]? where Words.Element == Substring {
        // Cheap rejection: a group's first word starts with a digit or is "N/A", "NA", "-" or
        // "of" (every other first word makes the tokens `nil` below).
        guard let firstWord = words.first else { return [] }
        if let byte = firstWord.utf8.first, !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
            guard firstWord.utf8.count <= 4, ["n/a", "na", "-", "n/a.", "of"].contains(firstWord.lowercased()) else { return nil }
        }
        var out: [Token] = []
        var iterator = Array(words)[...]
        while let word = iterator.first {
            iterator = iterator.dropFirst()
            let lower = word.lowercased()
            if lower == "n/a" || lower == "na" || lower == "-" || lower == "n/a." { out.append(.notApplicable); continue }
            if lower == "of" { out.append(.of); continue }
            if lower == "%", case .number(let value)? = out.last {
                out[out.count - 1] = .percent(value)
                continue
            }
            if lower == "per", iterator.first?.lowercased() == "cent", case .number(let value)? = out.last {
                iterator = iterator.dropFirst()
                out[out.count - 1] = .percent(value)
                continue
            }
            if lower == "percent", case .number(let value)? = out.last {
                out[out.count - 1] = .percent(value)
                continue
            }
            if let value = NumberWords.percent(word) { out.append(.percent(value)); continue }
            if let slash = word.firstIndex(of: "/") {
                let head = word[..<slash], tail = word[word.index(after: slash)...]
                guard let yes = count(head), let relevant = count(tail) else { return nil }
                out.append(.ratio(yes: yes, relevant: relevant))
                continue
            }
            guard let value = count(word) else { return nil }
            out.append(.number(value))
        }
        return out
    }

    /// A count of up to five digits.
    static func count(_ word: Substring) -> Int? {
        guard (1...5).contains(word.count), word.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(word)
    }

    /// The group the tokens make, or `nil` when they make none.
    /// - Parameter afterQuestionMark: Whether the tokens directly follow the question's `?`
    ///   (a third bare number before a pair is then a footnote mark).
    static func make(_ tokens: [Token], line: Int, afterQuestionMark: Bool) -> FigureGroup? {
        var rest = tokens[...]
        var group = FigureGroup(relevant: nil, yes: nil, percent: nil, line: line)
        if afterQuestionMark, rest.count >= 3, case .number = rest[rest.startIndex], case .number = rest[rest.startIndex + 1],
           case .number = rest[rest.startIndex + 2] {
            rest = rest.dropFirst()
        }
        guard let first = rest.first else { return nil }
        switch first {
        case .notApplicable:
            rest = rest.dropFirst()
            if case .notApplicable? = rest.first { rest = rest.dropFirst() }
            return rest.isEmpty ? group : nil
        case .percent(let value):
            group.percent = value
            rest = rest.dropFirst()
        case .ratio(let yes, let relevant):
            group.yes = yes
            group.relevant = relevant
            rest = rest.dropFirst()
        case .number(let a):
            guard rest.count >= 2 else { return nil }
            let second = rest[rest.startIndex + 1]
            if case .number(let b) = second {
                group.relevant = a
                group.yes = b
                rest = rest.dropFirst(2)
            } else if case .of = second, rest.count >= 3, case .number(let b) = rest[rest.startIndex + 2] {
                group.yes = a
                group.relevant = b
                rest = rest.dropFirst(3)
            } else {
                return nil
            }
        case .of:
            return nil
        }
        if group.percent == nil, case .percent(let value)? = rest.first {
            group.percent = value
            rest = rest.dropFirst()
        }
        return rest.isEmpty ? group : nil
    }
}
