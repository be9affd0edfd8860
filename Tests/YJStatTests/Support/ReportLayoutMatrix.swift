import Foundation
@testable import YJStat

/// Generates, from the facts of a bundled report (its rows in `Datasets/inspections.csv`,
/// `ratings.csv` and `key_questions.csv`), the same content printed in many layouts, so that
/// extraction can be tested on layouts it was not written against.
///
/// The question wording is our own, built around the framework file's wording cues (the
/// reports' own sentences are not copied); the figures are the dataset's. Every layout must
/// extract to the dataset's rows exactly.
struct ReportLayoutMatrix {
    /// One service's facts, read from the bundled dataset files.
    struct Facts {
        var service: String
        var name: String
        var published: String
        var score: String
        var overall: String
        var courtSample: String
        var outOfCourtSample: String
        /// (standard, rating word) in framework order.
        var ratings: [(String, String)]
        /// (key question, relevant, yes, percent) as dataset text cells.
        var keyQuestions: [(id: String, relevant: String, yes: String, percent: String)]
        /// (dimension, category, service percent, national percent) of the contextual-facts
        /// demographics tables, as dataset text cells (national comparator rows only).
        var demographics: [(dimension: String, category: String, service: String, national: String)] = []
        /// (measure, value, year) of `population.csv`, as dataset text cells.
        var population: [(measure: String, value: String, year: String)] = []
        /// (disposal, count) of `caseload.csv`.
        var caseload: [(disposal: String, count: String)] = []
        /// (measure, service value, England and Wales value) of `rates.csv`.
        var rates: [(measure: String, service: String, comparator: String)] = []
        /// (key question, prompt label, relevant, yes) of `prompts.csv`, as dataset text cells.
        var prompts: [(keyQuestion: String, prompt: String, relevant: String, yes: String, percent: String)] = []
        /// (standard, rule rating, published rating) of `discretion.csv`.
        var discretion: [(standard: String, rule: String, published: String)] = []

        /// The place the title names: the name without "Youth Offending Service".
        var place: String {
            for tail in [" Youth Offending Service", " Youth Justice Service", " YOS", " YOT"] where name.hasSuffix(tail) {
                return String(name.dropLast(tail.count))
            }
            return name
        }
    }

    /// The layouts. Each prints the whole report; they differ in how headings, questions and
    /// figures are laid out (see ``render(_:layout:)``).
    enum Layout: String, CaseIterable, CustomStringConvertible {
        /// "2.1.1. Does … safe? 12 7" — numbered questions, figures at the end of the line.
        case numberedFiguresAtLineEnd
        /// Questions without ids under "2.1. Assessment", figures at the end of the line.
        case unnumberedFiguresAtLineEnd
        /// The figures alone on the next line, counts as "7 of 12".
        case figuresOnNextLine
        /// The question wrapped over three lines with blank lines between, counts as "7/12",
        /// percentages as "64 per cent".
        case wrappedWithBlankLines
        /// Tab-separated cells: id, question, relevant, yes (or percent).
        case tabSeparatedCells
        /// HTML table rows: `<tr><td>…?</td><td>12</td><td>7</td></tr>`.
        case htmlFragments
        /// A `pdftotext -layout` page: the question wraps in the left column, figures and
        /// ratings sit in a right-hand column on the question's first line.
        case twoColumnLayout
        /// A running header and footer between each question and its figures.
        case pageFurnitureInsideTable
        /// Unnumbered domain and standard headings ("Court disposals", "Assessment"), unnumbered
        /// questions, percentages as "64 per cent".
        case unnumberedHeadingsPerCent
        /// Capitalised headings ("COURT DISPOSALS", "ASSESSMENT"), 2018–19 wording ("the child
        /// or young person"), counts "12 7" on the next line.
        case capitalisedHeadingsOlderWording

        var description: String { rawValue }
    }

    /// The bundled dataset folder.
    static let datasets = extractionRepositoryRoot.appendingPathComponent("Datasets")

    /// The facts of every service in the bundled datasets, in file order.
    static func bundledFacts() throws -> [Facts] {
        let inspections = try CSVReader.read(contentsOf: datasets.appendingPathComponent("inspections.csv"))
        let ratings = try CSVReader.read(contentsOf: datasets.appendingPathComponent("ratings.csv"))
        let questions = try CSVReader.read(contentsOf: datasets.appendingPathComponent("key_questions.csv"))
        let demographics = try CSVReader.read(contentsOf: datasets.appendingPathComponent("demographics.csv"))
        let population = try CSVReader.read(contentsOf: datasets.appendingPathComponent("population.csv"))
        let caseload = try CSVReader.read(contentsOf: datasets.appendingPathComponent("caseload.csv"))
        let rates = try CSVReader.read(contentsOf: datasets.appendingPathComponent("rates.csv"))
        let prompts = try CSVReader.read(contentsOf: datasets.appendingPathComponent("prompts.csv"))
        let discretion = try CSVReader.read(contentsOf: datasets.appendingPathComponent("discretion.csv"))
        func cell(_ row: CSVRow, _ column: String) -> String { row.optionalString(column) ?? "" }
        return inspections.rows.map { row in
            let service = cell(row, "service")
            return Facts(service: service, name: cell(row, "name"), published: cell(row, "published"), score: cell(row, "score"),
                         overall: cell(row, "overall_rating"), courtSample: cell(row, "court_sample"),
                         outOfCourtSample: cell(row, "ooc_sample"),
                         ratings: ratings.rows.filter { cell($0, "service") == service }.map { (cell($0, "standard"), cell($0, "rating")) },
                         keyQuestions: questions.rows.filter { cell($0, "service") == service }.map {
                             (cell($0, "key_question"), cell($0, "relevant"), cell($0, "yes"), cell($0, "percent"))
                         },
                         demographics: demographics.rows.filter { cell($0, "service") == service && cell($0, "comparator") == "national" }.map {
                             (cell($0, "dimension"), cell($0, "category"), cell($0, "service_percent"), cell($0, "comparator_percent"))
                         },
                         population: population.rows.filter { cell($0, "service") == service }.map {
                             (cell($0, "measure"), cell($0, "value"), cell($0, "year"))
                         },
                         caseload: caseload.rows.filter { cell($0, "service") == service }.map { (cell($0, "disposal"), cell($0, "count")) },
                         rates: rates.rows.filter { cell($0, "service") == service && cell($0, "comparator") == "england_wales" }.map {
                             (cell($0, "measure"), cell($0, "service_value"), cell($0, "comparator_value"))
                         },
                         prompts: prompts.rows.filter { cell($0, "service") == service }.map {
                             (cell($0, "key_question"), cell($0, "prompt"), cell($0, "relevant"), cell($0, "yes"), cell($0, "percent"))
                         },
                         discretion: discretion.rows.filter { cell($0, "service") == service }.map {
                             (cell($0, "standard"), cell($0, "rule_rating"), cell($0, "published_rating"))
                         })
        }
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// Our own wording for a key question, containing the framework's cue phrases.
    static func wording(_ id: String, olderWording: Bool) -> String {
        let parts = id.split(separator: ".")
        let standard = "\(parts[0]).\(parts[1])"
        let activity = ["1": "assessment", "2": "planning", "3": "service delivery", "4": "reviewing"][String(parts[1])] ?? "the work"
        let child = olderWording ? "the child or young person" : "the child"
        if standard == "3.4" {
            return parts[2] == "1" ? "Do the recommendations made support joint decision-making about the disposal?"
                : "Does the YOT work with the police when carrying out the disposal?"
        }
        switch parts[2] {
        case "1": return "Does \(activity) do enough to support \(olderWording ? "the child or young person's" : "the child's") desistance?"
        case "2": return "Does \(activity) do enough to keep \(child) safe?"
        default: return "Does \(activity) do enough to keep other people safe?"
        }
    }

    /// The same facts as a report inspected under the 2021 standards: 3.4 keeps its rating word
    /// but is now "Out-of-court disposal policy and provision" (judgement, no key questions), and
    /// the resettlement standard 4.1 is rated `resettlement` (not scored, so the score is
    /// unchanged); published `published`.
    static func under2021Standards(_ facts: Facts, resettlement: String, published: String = "2022-03") -> Facts {
        var out = facts
        out.published = published
        out.ratings.append(("4.1", resettlement))
        out.keyQuestions.removeAll { $0.id.hasPrefix("3.4.") }
        return out
    }

    /// The whole report in one layout.
    /// - Parameters:
    ///   - framework: The framework whose standard names, key questions and maximum score the
    ///     report prints (youth-2018 unless given).
    ///   - omitted: A key question printed without any figures (for missing-field tests).
    ///   - promptTables: Print each key question's prompts as a counts table after the standard's
    ///     key questions, the key questions themselves in a counts table ("Of the N cases
    ///     inspected", "Relevant cases", "Number 'Yes'") as 2020-style reports do. For layouts
    ///     with the counts at the end of the question's line.
    ///   - discretionFootnotes: Glue a footnote number to each rating set by professional
    ///     discretion ("Requires improvement17") and print the footnote, which names the rating
    ///     the panel changed it from.
    static func render(_ facts: Facts, layout: Layout, framework: Framework = TestFrameworks.youth2018,
                       omittingFiguresOf omitted: String? = nil, promptTables: Bool = false, discretionFootnotes: Bool = false) -> String {
        var out: [String] = []
        let older = layout == .capitalisedHeadingsOlderWording
        out += ["", "An inspection of youth offending services in", "", facts.place, ""]
        if facts.published.count == 7, let month = Int(facts.published.suffix(2)), (1...12).contains(month) {
            out += ["\(months[month - 1]) \(facts.published.prefix(4))", ""]
        }
        out += ["Ratings", ""]
        out.append(facts.score.isEmpty ? "Service: \(facts.name)" : "\(facts.name) Score \(facts.score)/\(framework.maximumScore)")
        out += ["", "Overall rating \(facts.overall)", ""]
        var footnotes: [String] = []
        for (standard, rating) in facts.ratings {
            let name = framework.standard(standard)?.name ?? ""
            if discretionFootnotes, let note = facts.discretion.first(where: { $0.standard == standard }) {
                let number = 17 + footnotes.count
                out += ["\(standard) \(name) \(rating)\(number)", ""]
                footnotes.append(superscript(number) + " The ratings panel used professional discretion: the rating of standard \(standard) was set at \(note.published) from \(note.rule).")
            } else {
                out += ["\(standard) \(name) \(rating)", ""]
            }
        }
        if !footnotes.isEmpty { out += footnotes.flatMap { [$0, ""] } }
        out += ["We inspected \(facts.courtSample) court disposals.", "", "We inspected \(facts.outOfCourtSample) out-of-court disposals.", ""]
        for domain in framework.domains where domain.standards.contains(where: { !$0.keyQuestions.isEmpty }) {
            switch layout {
            case .unnumberedHeadingsPerCent: out += [domain.name, ""]
            case .capitalisedHeadingsOlderWording: out += [domain.name.uppercased(), ""]
            default: out += ["\(domain.id). \(domain.name)", ""]
            }
            for standard in domain.standards where !standard.keyQuestions.isEmpty {
                let rating = facts.ratings.first { $0.0 == standard.id }?.1 ?? ""
                switch layout {
                case .unnumberedHeadingsPerCent: out += [standard.name, ""]
                case .capitalisedHeadingsOlderWording: out += [standard.name.uppercased(), ""]
                case .twoColumnLayout: out += [pad("\(standard.id). \(standard.name)", 72) + rating, ""]
                case .htmlFragments: out += ["<h3>\(standard.id). \(standard.name)</h3>", ""]
                default: out += ["\(standard.id). \(standard.name)", ""]
                }
                out += ["Our rating for \(standard.name.lowercased()) rests on these key questions:", ""]
                let sample = standard.domainID == "2" ? facts.courtSample : facts.outOfCourtSample
                if promptTables { out += ["Of the \(sample) cases inspected: Relevant cases Number 'Yes'", ""] }
                for question in standard.keyQuestions {
                    guard let row = facts.keyQuestions.first(where: { $0.id == question.id }) else { continue }
                    var printed = lines(for: row, text: wording(question.id, olderWording: older), layout: layout, place: facts.place)
                    if question.id == omitted {
                        let figureText = figures(row, style: 0)
                        printed = printed.compactMap { line in
                            for style in 0...3 where line == figures(row, style: style) { return nil }
                            return line.hasSuffix(" " + figureText) ? String(line.dropLast(figureText.count + 1)) : line
                        }
                    }
                    out += printed
                }
                if promptTables {
                    for question in standard.keyQuestions {
                        let rows = facts.prompts.filter { $0.keyQuestion == question.id }
                        guard !rows.isEmpty else { continue }
                        out += [wording(question.id, olderWording: older), "", "Of the \(sample) cases inspected: Relevant cases Number 'Yes'", ""]
                        for row in rows {
                            let figures = row.relevant.isEmpty ? "N/A N/A" : "\(row.relevant) \(row.yes)"
                            out += ["\(promptWording(row.prompt)) \(figures)", ""]
                        }
                    }
                }
            }
        }
        out += ["Annex 1 - Methodology", "", "This annex is our own summary.", ""]
        return out.joined(separator: "\n") + "\n"
    }

    /// The contextual-facts demographics tables in one of three label variants: heading words
    /// ("Race/ethnicity", "Ethnicity"; "Gender", "Sex"), category labels ("Black and minority
    /// ethnic", "BAME", "Black, Asian and minority ethnic"; "Unknown", "Not known") and column
    /// orders, each followed by the service's row and the national row.
    static func contextualFacts(_ facts: Facts, variant: Int) -> [String] {
        let labels: [String: [String]] = [
            "10-14": ["10-14", "10-14", "10-14"], "15-17": ["15-17", "15-17", "15-17"],
            "White": ["White", "White", "White"],
            "Black and minority ethnic": ["Black and minority ethnic", "BAME", "Black, Asian and minority ethnic"],
            "Unknown": ["Unknown", "Not known", "Not known"],
            "Male": ["Male", "Male", "Male"], "Female": ["Female", "Female", "Female"],
        ]
        let headings = ["age": ["Age", "Age", "Age"], "ethnicity": ["Race/ethnicity", "Ethnicity", "Ethnicity"], "sex": ["Gender", "Sex", "Gender"]]
        var out = ["Demographics of children cautioned or sentenced", ""]
        for dimension in ["age", "ethnicity", "sex"] {
            var rows = facts.demographics.filter { $0.dimension == dimension }
            guard !rows.isEmpty else { continue }
            if variant == 1 { rows.reverse() } else if variant == 2, rows.count == 3 { rows = [rows[1], rows[2], rows[0]] }
            let heading = ([headings[dimension]?[variant] ?? dimension] + rows.map { labels[$0.category]?[variant] ?? $0.category }).joined(separator: " ")
            out += [heading, "\(facts.name) " + rows.map { "\($0.service)%" }.joined(separator: " "),
                    "National average " + rows.map { "\($0.national)%" }.joined(separator: " "), ""]
        }
        return out
    }

    /// The number of label variants of ``contextualTables(_:variant:)``.
    static let contextualTableVariants = 3

    /// The population, caseload and rates tables in one of three label and layout variants:
    /// 0. figure first ("156,129 Total population Sampleton (2019)", "35 Total current caseload:
    ///    community sentences"), rates as a column of figures each followed by its label;
    /// 1. label first, figure last ("Total population of Sampleton (2019): 156,129", "Youth
    ///    population (aged 10 to 17) …", "BAME youth population …", "Current caseload - youth
    ///    conditional cautions: 9"), "First-time entrants (rate per 100,000)", "Proven
    ///    reoffending rate";
    /// 2. tab-separated cells ("Population, all ages\t156,129\t(2019)", "Black, Asian and minority
    ///    ethnic population aged 10-17", "Caseload\tcommunity resolution or other out-of-court
    ///    disposal\t25"), "Rate of first-time entrants (per 100,000)", "Reoffending rate (proven)",
    ///    each figure and its label on one line.
    static func contextualTables(_ facts: Facts, variant: Int) -> [String] {
        var out: [String] = []
        let populationLabels: [String: [String]] = [
            "total": ["Total population \(facts.place)", "Total population of \(facts.place)", "Population, all ages"],
            "age_10_17": ["Total youth population (10-17 years) in \(facts.place)", "Youth population (aged 10 to 17) of \(facts.place)",
                          "Population aged 10-17"],
            "age_10_17_bame": ["Total black and minority ethnic youth population in \(facts.place)", "BAME youth population of \(facts.place)",
                               "Black, Asian and minority ethnic population aged 10-17"],
        ]
        if !facts.population.isEmpty { out += ["Population information", ""] }
        for row in facts.population {
            let label = populationLabels[row.measure]?[variant] ?? row.measure
            let value = Int(row.value).map(thousands) ?? row.value
            switch variant {
            case 0: out += ["\(value) \(label) (\(row.year))", ""]
            case 1: out += ["\(label) (\(row.year)): \(value)", ""]
            default: out += ["\(label)\t\(value)\t(\(row.year))", ""]
            }
        }
        let caseloadLabels: [String: [String]] = [
            "community-sentence": ["community sentences", "community sentences", "community sentences"],
            "custody": ["in custody", "custody", "custody"],
            "licence": ["on licence", "licence", "licence"],
            "youth-caution": ["youth caution", "youth cautions", "youth caution"],
            "youth-conditional-caution": ["youth conditional caution", "youth conditional cautions", "youth conditional caution"],
            "community-resolution-or-other-out-of-court": ["community resolution or other out-of-court disposal",
                                                           "community resolutions or other out-of-court disposals",
                                                           "community resolution or other out-of-court disposal"],
        ]
        if !facts.caseload.isEmpty { out += ["Additional caseload data", ""] }
        for row in facts.caseload {
            let label = caseloadLabels[row.disposal]?[variant] ?? row.disposal
            switch variant {
            case 0: out += ["\(row.count) Total current caseload: \(label)", ""]
            case 1: out += ["Current caseload - \(label): \(row.count)", ""]
            default: out += ["Caseload\t\(label)\t\(row.count)", ""]
            }
        }
        let rateLabels: [String: [String]] = [
            "first_time_entrants_per_100000": ["First-time entrant\n(rate per 100,000)", "First-time entrants (rate per 100,000)",
                                               "Rate of first-time entrants (per 100,000)"],
            "reoffending_percent": ["Reoffending rates", "Proven reoffending rate", "Reoffending rate (proven)"],
        ]
        if !facts.rates.isEmpty { out += ["Contextual facts", ""] }
        for row in facts.rates {
            let percent = row.measure == "reoffending_percent" ? "%" : ""
            out += [rateLabels[row.measure]?[variant] ?? row.measure, ""]
            switch variant {
            case 0, 1: out += ["\(row.service)\(percent)", "", facts.name, "", "\(row.comparator)\(percent)", "", "England and", "Wales", ""]
            default: out += ["\(row.service)\(percent) \(facts.name)", "\(row.comparator)\(percent) England and Wales", ""]
            }
        }
        return out
    }

    /// Our own wording for a prompt: a question holding the phrases by which ``PromptWording``
    /// identifies the label.
    static func promptWording(_ label: String) -> String {
        let phrases = PromptWording.promptRules.first { $0.slug == label }?.phrases ?? [label]
        return "Is there evidence to " + phrases.joined(separator: " and ") + "?"
    }

    /// A number in superscript digits ("¹⁷").
    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["\u{2070}", "\u{B9}", "\u{B2}", "\u{B3}", "\u{2074}", "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}", "\u{2079}"]
        return String(String(number).map { digits[Int(String($0)) ?? 0] })
    }

    /// "156,129".
    static func thousands(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + "   " : text + String(repeating: " ", count: width - text.count)
    }

    /// The figures of a row in the layout's style: counts or a percentage, as the dataset holds them.
    static func figures(_ row: (id: String, relevant: String, yes: String, percent: String), style: Int) -> String {
        var parts: [String] = []
        if row.relevant == "N/A" || row.relevant == "-" {
            // Not applicable, printed once ("N/A") in a figures cell, or as a dash.
            return row.relevant
        }
        if !row.relevant.isEmpty {
            switch style {
            case 1: parts.append("\(row.yes) of \(row.relevant)")
            case 2: parts.append("\(row.yes)/\(row.relevant)")
            default: parts.append("\(row.relevant) \(row.yes)")
            }
        } else if row.percent.isEmpty {
            parts.append("N/A")
        }
        if !row.percent.isEmpty { parts.append(style == 2 || style == 3 ? "\(row.percent) per cent" : "\(row.percent)%") }
        return parts.joined(separator: " ")
    }

    /// The lines of one key question.
    static func lines(for row: (id: String, relevant: String, yes: String, percent: String), text: String, layout: Layout, place: String) -> [String] {
        let id = row.id
        switch layout {
        case .numberedFiguresAtLineEnd:
            return ["\(id). \(text) \(figures(row, style: 0))", ""]
        case .unnumberedFiguresAtLineEnd:
            return ["\(text) \(figures(row, style: 0))", ""]
        case .figuresOnNextLine:
            return ["\(id). \(text)", figures(row, style: 1), ""]
        case .wrappedWithBlankLines:
            let words = text.split(separator: " ")
            let third = max(1, words.count / 3)
            return [words[..<third].joined(separator: " "), "", words[third..<(2 * third)].joined(separator: " "), "",
                    words[(2 * third)...].joined(separator: " "), "", figures(row, style: 2), ""]
        case .tabSeparatedCells:
            let cells = figures(row, style: 0).split(separator: " ").joined(separator: "\t")
            return ["\(id).\t\(text)\t\(cells)"]
        case .htmlFragments:
            let cells = figures(row, style: 0).split(separator: " ").map { "<td>\($0)</td>" }.joined()
            return ["<tr><td>\(id). \(text)</td>\(cells)</tr>"]
        case .twoColumnLayout:
            let words = text.split(separator: " ")
            let half = words.count / 2
            return [pad("\(id). " + words[..<half].joined(separator: " "), 72) + figures(row, style: 0),
                    "       " + words[half...].joined(separator: " "), ""]
        case .pageFurnitureInsideTable:
            return [text, "", "Inspection of youth offending services: \(place) 17", "\u{0C}", " Inspection of youth offending services: \(place) 18",
                    "", figures(row, style: 0), ""]
        case .unnumberedHeadingsPerCent:
            return [text, figures(row, style: 3), ""]
        case .capitalisedHeadingsOlderWording:
            return [text, figures(row, style: 0), ""]
        }
    }
}
