/// Finds the "Contextual facts" figures: demographics of children cautioned or sentenced,
/// population, caseload by disposal, and first-time-entrant and reoffending rates.
///
/// - Demographics: a heading line starting "Age", "Race/ethnicity" (or "Ethnicity") or "Gender"
///   (or "Sex"), then rows of percentages: the service's row and the "National average" row,
///   with the categories in the framework's order (10–14, 15–17; White, Black and minority
///   ethnic, Unknown; Male, Female). A local-population share is read from a sentence saying how
///   many children "of black and minority ethnic heritage living in …" there are "(n per cent)".
/// - Population: lines "156,129 Total population …", "… youth population …", "… black and
///   minority ethnic youth population …", with the year printed beside the figure "(2019)" or,
///   failing that, from the cited source's footnote ("mid-2018", "Census 2011").
///   Label-first lines are read too ("Total population of Brent (2018): 330,795", "Population
///   aged 10-17\t30,864\t(2018)", "BAME youth population …", "Black, Asian and minority ethnic
///   population aged 10-17 …").
/// - Caseload: lines "35 Total current caseload: community sentences" and the like, or label
///   first ("Current caseload - youth conditional cautions: 9", "Caseload\tcustody\t3").
/// - Rates: "First-time entrant(s) (rate per 100,000)" or "Rate of first-time entrants", and
///   "Reoffending rates", "Proven reoffending rate" or "Reoffending rate (proven)", each followed
///   by the service's figure and the England and Wales figure, each figure before its label.
enum ContextualFactsExtractor {
    /// The demographic tables: heading words, the categories written to `demographics.csv` in
    /// their usual order, and for each category the label variants that name it in a heading
    /// across the years' layouts (lower case, matched at word starts).
    static let dimensions: [(name: DemographicShare.Dimension, headings: [String], categories: [String], keys: [[String]])] = [
        (.age, ["age"], ["10-14", "15-17"], [["10-14"], ["15-17"]]),
        (.ethnicity, ["race/ethnicity", "ethnicity", "race"], ["White", "Black and minority ethnic", "Unknown"],
         [["white"], ["black and minority ethnic", "black, asian and minority ethnic", "bame", "minority"], ["unknown", "not known"]]),
        (.sex, ["gender", "sex"], ["Male", "Female"], [["male"], ["female"]]),
    ]

    /// The first position where one of `labels` starts a word of `text`.
    static func labelPosition(_ labels: [String], in text: String) -> String.Index? {
        var best: String.Index?
        for label in labels {
            var searchStart = text.startIndex
            while let found = text.range(of: label, range: searchStart..<text.endIndex) {
                let atWordStart = found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter
                if atWordStart {
                    if best == nil || found.lowerBound < best! { best = found.lowerBound }
                    break
                }
                searchStart = found.upperBound
            }
        }
        return best
    }

    static func extract(_ document: ReportDocument, into result: inout ExtractionResult) {
        demographics(document, into: &result)
        population(document, into: &result)
        caseload(document, into: &result)
        rates(document, into: &result)
    }

    // MARK: Demographics

    static func demographics(_ document: ReportDocument, into result: inout ExtractionResult) {
        let body = document.body
        var done: Set<DemographicShare.Dimension> = []
        for (index, line) in body.enumerated() {
            let words = line.words
            guard let first = words.first, !line.text.has(byte: "%") else { continue }
            let head = first.lowercased()
            guard let dimension = dimensions.first(where: { $0.headings.contains(head) }), !done.contains(dimension.name) else { continue }
            var headerText = line.lower
            var serviceRow: ([Int], Int)?
            var nationalRow: ([Int], Int)?
            var next = index + 1
            while next < body.count && next <= index + 8 && (serviceRow == nil || nationalRow == nil) {
                let rowWords = body[next].words
                let percents = rowWords.compactMap { NumberWords.percent($0) }
                if percents.isEmpty {
                    if let w = rowWords.first, dimensions.contains(where: { $0.headings.contains(w.lowercased()) }) { break }
                    headerText += " " + body[next].lower
                    next += 1
                    continue
                }
                let label = rowWords.prefix { NumberWords.percent($0) == nil }.joined(separator: " ").lowercased()
                if label.hasPrefix("national") || label.has("england") {
                    if nationalRow == nil { nationalRow = (percents, body[next].number) }
                } else if serviceRow == nil {
                    serviceRow = (percents, body[next].number)
                }
                next += 1
            }
            guard let serviceRow, let nationalRow else { continue }
            let count = dimension.categories.count
            guard serviceRow.0.count == count, nationalRow.0.count == count else {
                result.warnings.append(ExtractionWarning(line: serviceRow.1,
                    "the \(dimension.name.rawValue) table has \(serviceRow.0.count) and \(nationalRow.0.count) percentages; expected \(count) each; skipped"))
                done.insert(dimension.name)
                continue
            }
            // The columns are in the heading's order of the category labels, whichever variant
            // it uses; a heading that does not name every category keeps the usual order.
            let positions = dimension.keys.map { labelPosition($0, in: headerText) }
            var columnOfCategory = Array(0..<count)
            if positions.allSatisfy({ $0 != nil }) {
                let order = positions.indices.sorted { positions[$0]! < positions[$1]! }
                for (column, category) in order.enumerated() { columnOfCategory[category] = column }
            } else if let missing = positions.firstIndex(where: { $0 == nil }) {
                result.warnings.append(ExtractionWarning(line: line.number,
                    "the \(dimension.name.rawValue) table heading does not name '\(dimension.categories[missing])' (looked for \(dimension.keys[missing].map { "'\($0)'" }.joined(separator: ", "))); categories taken in the usual order"))
            }
            for (offset, category) in dimension.categories.enumerated() {
                let column = columnOfCategory[offset]
                result.demographics.append(DemographicShare(service: result.service, dimension: dimension.name, category: category,
                    servicePercent: serviceRow.0[column], comparator: .national, comparatorPercent: nationalRow.0[column], line: nationalRow.1))
            }
            for (row, who) in [(serviceRow, "the service"), (nationalRow, "the national average")] {
                let sum = row.0.reduce(0, +)
                if sum != 100 {
                    let possible = abs(sum - 100) <= (count + 1) / 2
                    result.findings.append(ExtractionFinding(code: .percentagesDoNotSum, severity: possible ? .info : .warning, line: row.1,
                        "\(dimension.name.rawValue) percentages for \(who) sum to \(sum)" + (possible ? " (within rounding of whole numbers)" : "")))
                }
            }
            done.insert(dimension.name)
        }
        localPopulationShare(document, into: &result)
    }

    /// "… fewer children of black and minority ethnic heritage living in North Somerset (4 per cent) …".
    static func localPopulationShare(_ document: ReportDocument, into result: inout ExtractionResult) {
        guard let serviceShare = result.demographics.first(where: { $0.category == "Black and minority ethnic" }) else { return }
        let body = document.body
        for index in body.indices where body[index].lower.has("minority ethnic") {
            let stream = document.words(from: index, lines: 3)
            let lineWordCount = body[index].words.count
            var livingAt: Int?
            for position in 0..<max(0, stream.count - 1) where stream[position].word == "living" && stream[position + 1].word == "in" {
                if position >= lineWordCount + 12 { break }
                livingAt = position
                break
            }
            guard let livingAt else { continue }
            var cursor = livingAt + 2
            while cursor + 2 < stream.count && cursor < livingAt + 10 {
                let word = stream[cursor].word
                if word.hasPrefix("("), let value = Int(word.dropFirst()), stream[cursor + 1].word == "per",
                   stream[cursor + 2].word.hasPrefix("cent") {
                    let insertAt = (result.demographics.firstIndex { $0 == serviceShare } ?? result.demographics.count - 1) + 1
                    result.demographics.insert(DemographicShare(service: result.service, dimension: .ethnicity, category: "Black and minority ethnic",
                        servicePercent: serviceShare.servicePercent, comparator: .localPopulation, comparatorPercent: value,
                        line: stream[cursor].line), at: insertAt)
                    return
                }
                cursor += 1
            }
        }
    }

    // MARK: Population

    static func population(_ document: ReportDocument, into result: inout ExtractionResult) {
        let body = document.body
        var sectionMarks: [Int] = []
        var seen: Set<String> = []
        for (index, line) in body.enumerated() {
            let words = line.words
            let lower = line.lower
            if lower.hasPrefix("population information") { sectionMarks = line.footnoteMarks }
            // The word checks are cheap and rule out most lines before the text is searched.
            guard words.count >= 3, let value = figureFirst(words, label: populationFigureLabels)
                    ?? labelFirst(words, labels: populationLabels, within: 14),
                  lower.has("population") else { continue }
            let measure: String
            if lower.has("minority ethnic") || lower.has("bame") { measure = "age_10_17_bame" }
            else if lower.has("youth population") || lower.has("10-17") || lower.has("10 to 17") { measure = "age_10_17" }
            else { measure = "total" }
            guard seen.insert(measure).inserted else { continue }
            var year = printedYear(in: line.text)
            if year == nil, index + 1 < body.count, NumberWords.digits(body[index + 1].words.first ?? "") == nil {
                year = printedYear(in: body[index + 1].text)
            }
            if year == nil {
                for mark in line.footnoteMarks + sectionMarks {
                    if let footnote = document.footnotes.footnote(mark, after: line.number), let found = sourceYear(in: footnote.text) {
                        year = found
                        break
                    }
                }
            }
            if year == nil {
                result.warnings.append(ExtractionWarning(line: line.number, "no reference year found for the \(measure) population figure"))
            }
            result.population.append(ExtractedPopulation(measure: measure, value: value, year: year, line: line.number))
        }
        let order = ["total", "age_10_17", "age_10_17_bame"]
        result.population.sort { (order.firstIndex(of: $0.measure) ?? 3) < (order.firstIndex(of: $1.measure) ?? 3) }
    }

    /// The word after the figure of a figure-first population line.
    static let populationFigureLabels: Set<String> = ["total"]
    /// First words of label-first population lines.
    static let populationLabels: Set<String> = ["total", "population", "population,", "youth", "bame", "black", "black,"]
    /// First words of label-first caseload lines.
    static let caseloadLabels: Set<String> = ["current", "caseload", "caseload:"]

    /// The figure of a "156,129 Total population …" line: the first word, when the next word is
    /// one of `label`.
    static func figureFirst(_ words: [Substring], label: Set<String>) -> Int? {
        guard words.count >= 2, let value = NumberWords.digits(words[0]), label.contains(words[1].lowercased()) else { return nil }
        return value
    }

    /// The figure of a label-first line ("Total population of Brent (2018): 330,795",
    /// "Population aged 10-17\t30,864\t(2018)", "Current caseload - custody: 3"): the last whole
    /// number outside brackets, on a line of at most `limit` words whose first word is one of
    /// `labels`.
    static func labelFirst(_ words: [Substring], labels: Set<String>, within limit: Int) -> Int? {
        guard words.count <= limit, let first = words.first, first.utf8.count <= 11, first.first?.isLetter == true,
              labels.contains(first.lowercased()) else { return nil }
        var depth = 0
        var value: Int?
        for word in words.dropFirst() {
            if word.hasPrefix("(") { depth += 1 }
            if depth == 0, let number = NumberWords.digits(word.hasSuffix(":") ? word.dropLast() : word) { value = number }
            if word.contains(")") { depth = max(0, depth - 1) }
        }
        return value
    }

    /// A year printed in brackets, "(2019)" (a footnote number may follow the bracket).
    static func printedYear(in text: String) -> Int? {
        var rest = text[...]
        while let open = rest.firstIndex(of: "(") {
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix(4)
            if digits.count == 4, digits.allSatisfy(\.isASCIIDigit), after.dropFirst(4).first == ")",
               let year = Int(digits), (1900...2100).contains(year) { return year }
            rest = after
        }
        return nil
    }

    /// The reference year of a cited source: "mid-2018" or "Census 2011"; `nil` otherwise.
    static func sourceYear(in text: String) -> Int? {
        let lower = text.lowercased()
        for key in ["mid-", "mid ", "census "] {
            if let range = lower.range(of: key) {
                let digits = lower[range.upperBound...].prefix(4)
                if digits.count == 4, digits.allSatisfy(\.isASCIIDigit), let year = Int(digits) { return year }
            }
        }
        return nil
    }

    // MARK: Caseload

    static func caseload(_ document: ReportDocument, into result: inout ExtractionResult) {
        let body = document.body
        var seen: Set<CaseloadCount.Disposal> = []
        for (index, line) in body.enumerated() {
            let words = line.words
            guard words.count >= 3 else { continue }
            let figureFirst = NumberWords.digits(words[0])
            guard let count = figureFirst ?? labelFirst(words, labels: caseloadLabels, within: 12) else { continue }
            var lower = line.lower
            guard lower.has("caseload") && !lower.has("average") else { continue }
            if figureFirst != nil, index + 1 < body.count, NumberWords.digits(body[index + 1].words.first ?? "") == nil, body[index + 1].words.count <= 3 {
                lower += " " + body[index + 1].lower
            }
            let disposal: CaseloadCount.Disposal
            if lower.has("community resolution") || lower.has("other out-of-court") { disposal = .communityResolutionOrOther }
            else if lower.has("conditional caution") { disposal = .youthConditionalCaution }
            else if lower.has("youth caution") { disposal = .youthCaution }
            else if lower.has("licence") { disposal = .licence }
            else if lower.has("custody") { disposal = .custody }
            else if lower.has("community sentence") { disposal = .communitySentence }
            else {
                result.warnings.append(ExtractionWarning(line: line.number, "caseload line '\(line.text.prefix(60))' names no known disposal; skipped"))
                continue
            }
            guard seen.insert(disposal).inserted else {
                result.warnings.append(ExtractionWarning(line: line.number, "caseload for \(disposal.rawValue) printed twice; the first is kept"))
                continue
            }
            result.caseload.append(CaseloadCount(service: result.service, disposal: disposal, count: count, line: line.number))
        }
    }

    // MARK: Rates

    static func rates(_ document: ReportDocument, into result: inout ExtractionResult) {
        let body = document.body
        for (measure, prefixes) in [("first_time_entrants_per_100000", ["first-time entrant", "first time entrant", "rate of first-time entrant",
                                                                        "rate of first time entrant"]),
                                    ("reoffending_percent", ["reoffending rate", "proven reoffending", "rate of proven reoffending"])] {
            guard let start = body.firstIndex(where: { line in prefixes.contains { line.lower.hasPrefix($0) } }) else { continue }
            let stream = document.words(from: start, lines: 12)
            var depth = 0
            var figures: [(text: String, line: Int, label: String)] = []
            var skippedLabel = false
            for item in stream {
                let word = item.word
                if word.hasPrefix("(") { depth += 1 }
                defer { if word.hasSuffix(")") { depth = max(0, depth - 1) } }
                if depth > 0 || word.hasSuffix(")") { continue }
                let bare = word.hasSuffix("%") ? word.dropLast() : word
                if let first = bare.first, first.isASCIIDigit, bare.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }), skippedLabel {
                    if figures.count == 2 { break }
                    figures.append((String(bare.filter { $0 != "," }), item.line, ""))
                } else {
                    skippedLabel = true
                    if !figures.isEmpty { figures[figures.count - 1].label += " " + word.lowercased() }
                    if figures.count == 2 && word.lowercased().hasPrefix("wales") { break }
                    if figures.isEmpty == false, prefixesStartAny(word) { break }
                }
            }
            guard figures.count == 2 else {
                result.warnings.append(ExtractionWarning(line: body[start].number, "the \(measure) figures could not be read"))
                continue
            }
            var service = figures[0], comparator = figures[1]
            if service.label.has("england") && !comparator.label.has("england") { swap(&service, &comparator) }
            if !comparator.label.has("england") {
                result.warnings.append(ExtractionWarning(line: comparator.line, "the second \(measure) figure is not labelled England and Wales; taken as the comparator"))
            }
            result.rates.append(ExtractedRate(measure: measure, serviceValue: service.text, comparatorValue: comparator.text, line: service.line))
        }
    }

    private static func prefixesStartAny(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return lower.hasPrefix("reoffending") || lower.hasPrefix("first-time") || lower == "caseload" || lower == "population"
    }
}
