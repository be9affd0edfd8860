import Foundation
import Testing
@testable import YJStat

/// A small synthetic report in the 2020 layout (our own wording; figures invented), with the
/// converter damage the extractor must undo: glued footnote numbers, a rating split over two
/// lines, a page footer and a footnote block inside a table.
func syntheticReport(score: String = "21/36", courtSample: String = "six", relevant21: Int = 6) -> String {
    let ratings = [("1.1", "Governance and leadership", "Good"), ("1.2", "Staff", "Good"),
                   ("1.3", "Partnerships and services", "Requires improvement"), ("1.4", "Information and facilities", "Good"),
                   ("2.1", "Assessment", "Requires improvement"), ("2.2", "Planning", "Good"),
                   ("2.3", "Implementation and delivery", "Good"), ("2.4", "Reviewing", "Good"),
                   ("3.1", "Assessment", "Good"), ("3.2", "Planning", "Outstanding"),
                   ("3.3", "Implementation and delivery", "Inadequate"), ("3.4", "Joint working", "Good")]
    var text = """
     Ratings

    Testshire Youth Offending Service Score \(score)

    Overall rating Good

    """
    for (id, name, rating) in ratings { text += "\(id) \(name) \(rating) \n \n" }
    text += """
    Population information

    98,765 Total population Testshire (2019)2

    8,100 Total youth population (10–17 years) in Testshire (2019)2

    Demographics of children cautioned or sentenced

    Age 10–14 years 15–17 years

    Testshire YOS 30% 70%

    National average 23% 77%

    Gender Male Female

    Testshire YOS 80% 20%

    National average 85% 15%

    12 Total current caseload: community sentences

    4 Total current caseload: youth conditional caution

     2.1. Assessment


    Short description of the standard.

    Requires
    improvement9

    Our rating10 for assessment uses these key questions:

    Of the 6 cases inspected Relevant
    cases

    Number
    ‘Yes’

    Does assessment look at support for the child’s
    desistance?11 \(relevant21) 5

    Inspection of youth offending services: Testshire YOS 12

    Does assessment look at how to keep the child
    safe? 6 3
                                                    
    9 The ratings panel used professional discretion to uplift the rating from Inadequate.
    10 Rated by the lowest key question.
    11 Footnote text.
     Does assessment look at how to keep other
    people safe?

    6 4

    Some narrative after the table.

    Annexe 1: Methodology

    We examined \(courtSample) court disposals. We examined four out-of-court disposals.

    """
    return text
}

@Suite("Report extractor")
struct ReportExtractorTests {
    @Test func syntheticReportIsReadDespiteConverterDamage() throws {
        let result = ReportExtractor.extract(text: syntheticReport(), source: "testshire.txt")
        #expect(result.service == "testshire")
        #expect(result.inspection.name?.value == "Testshire Youth Offending Service")
        #expect(result.inspection.score?.value == 21)
        #expect(result.inspection.overallRating?.value == .good)
        #expect(result.inspection.courtSample?.value == 6)
        #expect(result.inspection.outOfCourtSample?.value == 4)
        #expect(result.ratings.count == 12)
        let questions = result.keyQuestions.map { "\($0.keyQuestion)=\($0.yes.map(String.init) ?? "-")/\($0.relevant.map(String.init) ?? "-")" }
        #expect(questions == ["2.1.1=5/6", "2.1.2=3/6", "2.1.3=4/6"])
        #expect(result.keyQuestions.first?.line == 71) // "desistance?11 6 5"
        let discretion = try #require(result.discretion.first)
        #expect(discretion.standard == "2.1")
        #expect(discretion.footnote == 9)
        #expect(discretion.ruleRating == .requiresImprovement) // 3/6 = 50%: the counts, not the footnote's "from"
        #expect(result.findings.contains { $0.code == .discretionSourceDisagrees })
        #expect(result.population.map(\.value) == [98_765, 8_100])
        #expect(result.population.map(\.year) == [2019, 2019])
        #expect(result.demographics.map(\.category) == ["10-14", "15-17", "Male", "Female"])
        #expect(result.caseload.map(\.disposal) == [.communitySentence, .youthConditionalCaution])
        #expect(!result.findings.contains { $0.severity == .error }, "\(result.findings)")
    }

    @Test func scoreThatDisagreesWithTheRatingsIsAFinding() {
        let result = ReportExtractor.extract(text: syntheticReport(score: "25/36"), source: "t.txt")
        #expect(result.inspection.score?.value == 25)
        #expect(result.findings.contains { $0.code == .scoreMismatch && $0.line == 3 })
    }

    @Test func moreRelevantCasesThanTheSampleIsAFinding() {
        let result = ReportExtractor.extract(text: syntheticReport(courtSample: "five", relevant21: 6), source: "t.txt")
        #expect(result.inspection.courtSample?.value == 5)
        #expect(result.findings.contains { $0.code == .relevantExceedsSample })
        #expect(result.findings.contains { $0.code == .sampleDisagrees }) // table heading says 6
    }

    @Test func yesAboveRelevantIsAFinding() {
        let result = ReportExtractor.extract(text: syntheticReport(relevant21: 4), source: "t.txt")
        #expect(result.keyQuestions.first?.relevant == 4)
        #expect(result.findings.contains { $0.code == .yesExceedsRelevant })
    }

    @Test func percentTablesAndHTMLFragmentsAreRead() {
        let text = """
        Service: Sampleton Youth Offending Service
        Overall rating
        Requires improvement
        <p>2.1. Assessment</p> <p>Description.</p>\t<p>Requires improvement</p>
        2.1.1. Does assessment support desistance?\t86%
        2.1.2. Does assessment keep the child safe?
        79%
        <p>2.1.3. Does assessment keep other people safe?</p>\t<p>66%</p>
        2.2.1. Does planning focus on desistance? 4 3 75%
        """
        let result = ReportExtractor.extract(text: text, source: "s.txt")
        #expect(result.service == "sampleton")
        #expect(result.inspection.overallRating?.value == .requiresImprovement)
        #expect(result.ratings.first?.standard == "2.1")
        #expect(result.ratings.first?.rating == .requiresImprovement)
        #expect(result.keyQuestions.map(\.percent) == [86, 79, 66, 75])
        #expect(result.keyQuestions.map(\.line) == [5, 7, 8, 9])
    }

    @Test func ratingsThatDisagreeBetweenSummaryAndSectionAreAFinding() {
        let text = "2.2 Planning Good\n\n2.2. Planning\nPlanning description. Outstanding\nOur rating for planning\n"
        let result = ReportExtractor.extract(text: text, source: "x.txt")
        #expect(result.ratings.first?.rating == .good)
        #expect(result.findings.contains { $0.code == .ratingDisagrees && $0.line == 4 })
    }
}

@Suite("Report text normalisation")
struct ReportNormalizerTests {
    @Test func htmlTabsQuotesDashesAndSuperscripts() {
        let lines = ReportNormalizer.lines(of: "<p>a &amp; b</p> <p>c</p>\tGood\nBrent YOS \u{00B3}\r\n‘x’ 10–14\u{00A0}y\n")
        #expect(lines.map(\.text) == ["a & b", "c", "Good", "Brent YOS", "'x' 10-14 y"])
        #expect(lines.map(\.number) == [1, 1, 1, 2, 3])
        #expect(lines[3].footnoteMarks == [3])
    }

    /// The byte fast path for plain lines gives exactly the lines the general path gives, and
    /// declines the lines it cannot read (HTML, superscripts, unusual spaces and marks).
    @Test func plainLineFastPathMatchesTheGeneralPath() throws {
        var rng = SplitMix64(seed: 15_2026)
        let pieces = ["a", "b", " ", " ", "Z", "9", "_", ".", "?", "%", "/", "&", "'", "\"", "-", ";", "(", "\t",
                      "\u{2019}", "\u{2018}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}", "\u{2022}", "é", "\u{1F600}"]
        let declined = ["<", "`", "\u{00B3}", "\u{00A0}", "\u{00AD}", "\u{2026}", "\u{FB01}", "\u{200B}", "\u{0007}", "\u{2212}"]
        var lines: [String] = ["", " ", "  x", " x y ", String(repeating: "_", count: 12), String(repeating: " ", count: 25),
                               String(repeating: "_ ", count: 11), "a  b   c", " Next page", " \tx", "\t\t", "a\t\tb ",
                               String(repeating: "\u{2014}", count: 10), String(repeating: "\u{2014} ", count: 12)]
        for _ in 0..<600 {
            let length = Int.random(in: 0...40, using: &rng)
            lines.append((0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined())
        }
        var scratch: [UInt8] = []
        for (offset, raw) in lines.enumerated() {
            var copy = raw
            let fast = try #require(copy.withUTF8 { ReportNormalizer.plainLine($0, number: offset + 1, scratch: &scratch) },
                                    "line \(raw.debugDescription)")
            let general = ReportNormalizer.normalise(raw, number: offset + 1)
            #expect([fast] == general, "line \(raw.debugDescription)")
        }
        for mark in declined {
            var line = "Does it \(mark) work? 4 3"
            #expect(line.withUTF8 { ReportNormalizer.plainLine($0, number: 1, scratch: &scratch) } == nil, "\(mark.debugDescription)")
        }
    }

    /// Words read off by bytes keep the punctuation flags and lower-cased core of the character rules.
    @Test(arguments: [("(Good),", "good", true, true, false, false), ("\"Safe?\"", "safe", false, false, false, true),
                      ("e.g.", "e.g", false, false, false, false), ("A.", "a", false, false, false, false),
                      ("ÉTÉ;", "été", false, false, true, false), ("[x]:", "x", true, true, true, false),
                      ("cases.", "cases", false, false, false, true), ("...", "", false, false, false, true)])
    func narrativeWordPunctuation(raw: String, core: String, opens: Bool, closes: Bool, clause: Bool, sentence: Bool) {
        let word = NarrativeText.word(raw[...], line: 1)
        #expect(word.core == core)
        #expect(word.opensBracket == opens)
        #expect(word.closesBracket == closes)
        #expect(word.endsClause == clause)
        #expect(word.endsSentence == sentence)
    }

    @Test func footnoteBlocksAndFootersAreFurniture() {
        let text = "Body 4 4\n" + String(repeating: " ", count: 40) + "\n8 A footnote\ncontinued here\n Next page\n"
            + "Inspection of youth offending services: Testshire YOS 35\n"
        let lines = ReportNormalizer.lines(of: text)
        #expect(lines.map(\.isFurniture) == [false, false, true, true, false, true])
        let index = FootnoteIndex(lines: lines)
        #expect(index.footnotes.map(\.number) == [8])
        #expect(index.footnotes.first?.text == "A footnote continued here")
    }

    @Test(arguments: [("safe?12 7 7", 7, 7), ("safe? 4 3", 4, 3), ("N/A N/A", nil, nil), ("child?24 3 3 75%", 3, 3)])
    func trailingFiguresDropGluedFootnotes(text: String, relevant: Int?, yes: Int?) throws {
        let figures = try #require(CountTable.trailingFigures(text.split(separator: " ")))
        #expect(figures.relevant == relevant)
        #expect(figures.yes == yes)
        #expect(figures.prefix.allSatisfy { !$0.contains("12") && !$0.contains("24") })
    }

    @Test func ratingWordsWithGluedFootnotes() {
        #expect(RatingText.whole(["Good20"]) == .init(rating: .good, footnote: 20, prefixWordCount: 0))
        #expect(RatingText.whole(["Requires", "improvement17"]) == .init(rating: .requiresImprovement, footnote: 17, prefixWordCount: 0))
        #expect(RatingText.whole(["Goodness"]) == nil)
        #expect(RatingText.improvementContinuation(["improvement19"]) == .some(19))
    }

    @Test(arguments: [("Kensington & Chelsea Youth Offending Service", "kensington-and-chelsea"),
                      ("North Somerset YOS", "north-somerset"), ("Royal Borough of Greenwich YOT", "greenwich"),
                      ("St. Helens Youth Justice Service", "st-helens")])
    func slugs(name: String, slug: String) {
        #expect(ServiceSlug.make(from: name) == slug)
    }

    /// Bands and the overall rating come from the framework file (no second copy in extraction):
    /// exact fractions, so 11/17 = 64.7% is Requires improvement although it prints as 65%.
    @Test func bandsUseExactFractionsFromTheFramework() {
        let framework = TestFrameworks.youth2018
        #expect(framework.band(yes: 11, relevant: 17).name == "Requires improvement")
        #expect(framework.band(yes: 13, relevant: 20).name == "Good")
        #expect(framework.band(yes: 4, relevant: 5).name == "Outstanding")
        #expect(framework.overallRating(score: 19)?.name == "Good")
        #expect(framework.overallRating(score: 37) == nil)
    }
}
