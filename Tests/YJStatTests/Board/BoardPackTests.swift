import Foundation
import Testing
@testable import YJStat

/// The board pack: numbers against independent oracles and against `disproportionality`, the
/// sections and their HTML structure, the zero-reference rule, disclosure control and bad input.
@Suite("Board pack")
struct BoardPackTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Datasets/examples")

    static func csv(_ name: String) throws -> CSVTable { try CSVReader.read(contentsOf: examples.appendingPathComponent(name)) }

    static func pack(_ name: String, unknown: String? = "Unknown", national: String? = nil, suppress: Int? = nil,
                     labels: BoardLabels = BoardLabels()) throws -> BoardPack {
        try BoardPack.build(counts: try csv(name), countsOptions: CountsTable.Options(unknownLabel: unknown),
                            national: try national.map(csv),
                            options: BoardPackOptions(analysis: DisproportionalityOptions(suppressBelow: suppress), labels: labels))
    }

    /// Packs several tests read, built once (each build runs the analysis a dozen times).
    static let byYear: BoardPack? = try? pack("counts_by_year.csv", national: "national_counts.csv")
    static let byYearSuppressed: BoardPack? = try? pack("counts_by_year.csv", national: "national_counts.csv", suppress: 5)
    static let counts: BoardPack? = try? pack("counts.csv")

    static func parse(_ text: String, source: String = "test.csv") throws -> CSVTable { try CSVReader.parse(text, source: source) }

    // MARK: oracles

    @Test func localAgainstNationalMatchesThePoissonInteractionModel() throws {
        let fixture = try #require(BoardFixture.shared)
        let pack = try #require(Self.byYear)
        let national = try #require(pack.national)
        #expect(fixture.national.count == 24)
        for expected in fixture.national {
            let item = try #require(national.first { $0.group == expected.group && $0.stage == expected.stage })
            let c = try #require(item.comparison, "\(expected.group) \(expected.stage): \(item.reason ?? "")")
            #expect(isClose(c.ratio.estimate, expected.ratio, relative: 1e-9), "\(expected.group) \(expected.stage)")
            // statsmodels' IRLS stops on a deviance change, so its standard errors agree to about 1e-7.
            #expect(isClose(c.ratio.lower, expected.lower, relative: 1e-6))
            #expect(isClose(c.ratio.upper, expected.upper, relative: 1e-6))
            #expect(isClose(c.pValue, expected.p, relative: 1e-7, absolute: 1e-12))
        }
        // Other at custody has a zero count locally: no comparison, said in words.
        let other = try #require(national.first { $0.group == "Other" && $0.stage == "custody" })
        #expect(other.comparison == nil)
        #expect(other.reason?.contains("count of zero") == true)
    }

    @Test func latestYearAgainstEarlierYearsMatchesThePoissonInteractionModel() throws {
        let fixture = try #require(BoardFixture.shared)
        let pack = try #require(Self.byYear)
        let trend = try #require(pack.trend)
        #expect(trend.years == ["2021", "2022", "2023", "2024"])
        #expect(trend.earlierYears == "2021–2023")
        #expect(pack.year == fixture.latestYear)
        for expected in fixture.trend {
            let test = try #require(trend.tests.first { $0.group == expected.group && $0.stage == expected.stage })
            let c = try #require(test.comparison, "\(expected.group) \(expected.stage): \(test.reason ?? "")")
            #expect(isClose(c.ratio.estimate, expected.ratio, relative: 1e-9), "\(expected.group) \(expected.stage)")
            // statsmodels' IRLS stops on a deviance change, so its standard errors agree to about 1e-7.
            #expect(isClose(c.ratio.lower, expected.lower, relative: 1e-6))
            #expect(isClose(c.ratio.upper, expected.upper, relative: 1e-6))
            #expect(isClose(c.pValue, expected.p, relative: 1e-7, absolute: 1e-12))
        }
        // The worked case: Black arrests, 2.63 in 2024 against 1.95 pooled, p = 0.014, in the headline.
        #expect(pack.headline.contains { $0.kind == .trend && $0.text.contains("Black children was 2.63 in 2024 against 1.95 in 2021–2023 pooled") })
    }

    @Test func trendRatesHaveGarwoodIntervals() throws {
        let fixture = try #require(BoardFixture.shared)
        let pack = try #require(Self.byYear)
        let trend = try #require(pack.trend)
        for expected in fixture.rates {
            let point = try #require(trend.points.first { $0.year == expected.year && $0.row.group == expected.group && $0.row.stage == expected.stage })
            let rate = try #require(point.rate)
            #expect(point.row.count == expected.count)
            #expect(isClose(rate.estimate, expected.rate, relative: 1e-12))
            #expect(isClose(rate.lower, expected.lower, relative: 1e-9))
            #expect(isClose(rate.upper, expected.upper, relative: 1e-9))
        }
    }

    /// Issue 18, item 2: "5 Black children in custody and no White child" — never an infinite ratio.
    @Test func zeroReferenceCountGivesTheNewcombeRateDifferenceNotAnInfiniteRatio() throws {
        let fixture = try #require(BoardFixture.shared)
        let pack = try Self.pack("zero_cells.csv", unknown: nil)
        let expected = try #require(fixture.newcombe.first)
        let d = try #require(pack.zeroReference.first { $0.group == expected.group && $0.stage == expected.stage })
        #expect(d.count == expected.count && d.base == expected.base)
        #expect(isClose(d.perThousand.estimate, expected.differencePer1000, relative: 1e-12))
        #expect(isClose(d.perThousand.lower, expected.lowerPer1000, relative: 1e-9))
        #expect(isClose(d.perThousand.upper, expected.upperPer1000, relative: 1e-9))
        let line = try #require(pack.headline.first { $0.kind == .zeroReference })
        #expect(line.text == "2 Black children in custody and no White child: a rate ratio cannot be estimated; the difference in rates is 6.7 per 1,000 children (95% Newcombe interval 1.7 to 24.0).")
        for text in [pack.html(), pack.markdown()] {
            #expect(!text.contains("∞"))
            #expect(!text.lowercased().contains("infinite"))
            #expect(text.contains("not estimable (no White child)"))
        }
        // Mixed and Asian have no child in custody either: undefined, said in words, no headline.
        #expect(!pack.headline.contains { $0.text.contains("Mixed children in custody") })
        #expect(pack.markdown().contains("undefined (no child in either group)"))
    }

    // MARK: the same numbers as disproportionality

    /// Every number of the RRI table equals the `disproportionality` CSV on the same input.
    @Test func rriTableNumbersEqualTheDisproportionalityCSV() throws {
        for suppress in [nil, 5] as [Int?] {
            let pack = try Self.pack("counts.csv", suppress: suppress)
            let table = try CountsTable(csv: try Self.csv("counts.csv"), options: CountsTable.Options(unknownLabel: "Unknown"))
            let report = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(suppressBelow: suppress))
            let csv = try CSVReader.parse(CSVWriter.render(rows: report.resultRows()), source: "disproportionality.csv")
            let html = pack.html()
            let section = try #require(Self.section("rri", in: html))
            let firstTable = String(section[..<section.range(of: "</table>")!.upperBound])
            var checked = 0
            for row in csv.rows {
                let group = try row.string("group"), stage = try row.string("stage")
                let cells = try #require(Self.cells(in: firstTable, group: group, stage: stage), "\(group) \(stage)")
                let count = row.optionalString("count") ?? ""
                let hidden = row.optionalString("suppressed") != nil && Int(count) == nil
                #expect(cells["count"] == (hidden ? "hidden" : NumberFormatting.grouped(Int(count)!)), "\(group) \(stage)")
                if try row.string("is_reference") == "true" { checked += 1; continue }
                let rri = Double(try row.string("rri"))
                if hidden || rri == nil {
                    #expect(cells["rri"] == "hidden" || cells["rri"]?.hasPrefix("not") == true || cells["rri"]?.hasPrefix("undefined") == true,
                            "\(group) \(stage): \(cells["rri"] ?? "")")
                } else {
                    #expect(cells["rri"] == BoardPack.ratioText(rri!), "\(group) \(stage)")
                    #expect(cells["lower"] == BoardPack.ratioText(Double(try row.string("rri_lower"))!))
                    #expect(cells["upper"] == BoardPack.ratioText(Double(try row.string("rri_upper"))!))
                    #expect(cells["rate"] == NumberFormatting.fixed(Double(try row.string("rate"))!, 1))
                }
                checked += 1
            }
            #expect(checked == 30)
        }
    }

    // MARK: HTML structure

    @Test func htmlHasEverySectionInBoardOrderAndNoScriptOrNetwork() throws {
        let html = try #require(Self.byYear).html()
        let ids = ["headline", "representation", "rri", "national", "trend", "unknown", "methods"]
        var last = html.startIndex
        for id in ids {
            let range = try #require(html.range(of: "<section id=\"\(id)\">"), "missing section \(id)")
            #expect(range.lowerBound > last, "section \(id) out of order")
            last = range.lowerBound
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("src=\"https:") && !html.contains("href=\"http"))
        #expect(!html.contains("<?xml"))
        // Every chart has a positive size.
        let svgs = html.components(separatedBy: "<svg").dropFirst()
        #expect(svgs.count == 4)  // population and stage-relative RRIs, local ÷ national, latest ÷ earlier years
        for svg in svgs {
            let width = try #require(Self.attribute("width", in: svg)), height = try #require(Self.attribute("height", in: svg))
            #expect(width > 0 && height > 0)
            #expect(svg.contains("class=\"reference-line\""))
        }
        #expect(html.contains("class=\"point small\""))
        #expect(html.contains("<td class=\"rri\">2.63</td>"))
    }

    @Test func markdownHasTheSameSectionsAndHeadline() throws {
        let pack = try #require(Self.byYear)
        let markdown = pack.markdown()
        for title in ["## Headline findings (2024)", "## Representation at each stage", "## Relative rate index by stage",
                      "## Local against national", "## Trend over years", "## Unknown ethnicity", "## Methods and caveats"] {
            #expect(markdown.contains(title), "missing \(title)")
        }
        for finding in pack.headline { #expect(markdown.contains(finding.text)) }
        #expect(markdown.contains("| Arrests | Black | 118 | 1,900 | 62.1 | 2.63 | 2.16 | 3.21 | clear difference |"))
        #expect(pack.headline.first?.text == "Black children were sentenced at court at 3.62 times the rate of White children (95% interval 2.44 to 5.36): 22.1% of court disposals against 7.7% of the 10–17 population.")
    }

    /// A row with nothing to note says "none": no table cell of the pack is empty.
    @Test func noTableCellIsEmpty_representationBlackArrestsHasNoNote() throws {
        for pack in [try #require(Self.byYear), try #require(Self.counts)] {
            let markdown = pack.markdown()
            #expect(!markdown.contains("|  |"))
            let html = pack.html()
            #expect(!html.contains("<td></td>") && !html.contains("\"></td>"))
        }
        #expect(try #require(Self.counts).markdown().contains("| Arrests | Black | 118 | 17.4% (14.7% to 20.4%) | 7.7% (7.4% to 8.0%) | +9.6 (+7.0 to +12.7) | none |"))
    }

    @Test func cascadeRatesEachStageOverTheNearestEarlierStageContainingIt() throws {
        let pack = try #require(Self.counts)
        #expect(pack.cascade.map(\.baseStage) == ["population", "arrest", "arrest", "arrest", "court"])
        // Custody over court is the --base previous --stages arrest,court,custody row.
        let table = try CountsTable(csv: try Self.csv("counts.csv"),
                                    options: CountsTable.Options(stages: ["arrest", "court", "custody"], unknownLabel: "Unknown"))
        let previous = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(base: .previous))
        let expected = try #require(previous.rows.first { $0.group == "Black" && $0.stage == "custody" })
        let got = try #require(pack.cascade.last?.rows.first { $0.group == "Black" })
        #expect(got.relativeRateIndex == expected.relativeRateIndex && got.rriLower == expected.rriLower && got.rriUpper == expected.rriUpper)
        #expect(pack.caveats.allSatisfy { !$0.contains("not contained") })
    }

    // MARK: disclosure control

    @Test func suppressionHidesWhatTheAnalysisHidesAndNoSmallCountInTheHeadline() throws {
        let pack = try #require(Self.byYearSuppressed)
        let table = try CountsTable(csv: try Self.csv("counts.csv"), options: CountsTable.Options(unknownLabel: "Unknown"))
        let report = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(suppressBelow: 5))
        for row in report.rows {
            let same = try #require(pack.report.rows.first { $0.group == row.group && $0.stage == row.stage })
            #expect(same.suppression == row.suppression && same.count == row.count, "\(row.group) \(row.stage)")
            if row.count == nil {
                let cascade = try #require(pack.cascade.flatMap(\.rows).first { $0.group == row.group && $0.stage == row.stage })
                #expect(cascade.count == nil && cascade.relativeRateIndex.isNaN)
            }
        }
        // No number from 1 to 4 stands as a count of children in the headline.
        for finding in pack.headline {
            for k in 1...4 {
                #expect(!finding.text.contains(" \(k) children") && !finding.text.contains(" \(k) of ") && !finding.text.hasPrefix("\(k) "),
                        "\(finding.text)")
            }
        }
        // A pooled earlier-years figure containing a hidden year's count is hidden too.
        let mixed = try #require(pack.trend?.tests.first { $0.group == "Mixed" && $0.stage == "custody" })
        #expect(mixed.earlier.count == nil && mixed.earlier.relativeRateIndex.isNaN)
        #expect(pack.headline.contains { $0.kind == .suppression })
        #expect(pack.caveats.isEmpty || pack.caveats.allSatisfy { !$0.contains(" 3 ") })
    }

    // MARK: bad input

    @Test func yearColumnWithOneYearOnlyIsAPlainCaveat() throws {
        let text = "group,year,population,arrest\nWhite,2024,1000,20\nBlack,2024,100,5\n"
        let pack = try BoardPack.build(counts: try Self.parse(text), countsOptions: CountsTable.Options(), options: BoardPackOptions())
        #expect(pack.trend == nil)
        #expect(pack.year == "2024")
        #expect(pack.caveats.contains { $0.contains("one year only (2024)") })
        #expect(pack.markdown().contains("The counts table has one year only (2024), so no trend can be shown."))
    }

    @Test func nationalFiguresMissingAStageAreACaveat() throws {
        let national = "group,population,arrest,court\nWhite,400000,8000,2000\nBlack,40000,2000,700\nAsian,50000,900,200\nMixed,30000,1000,300\nGypsy Roma Traveller,2000,90,30\nOther,10000,200,50\n"
        let pack = try BoardPack.build(counts: try Self.csv("counts.csv"), countsOptions: CountsTable.Options(unknownLabel: "Unknown"),
                                       national: try Self.parse(national, source: "national.csv"), options: BoardPackOptions())
        #expect(pack.caveats.contains { $0.contains("have no first-time entrants, out-of-court disposals, custody stage") })
        let custody = try #require(pack.national?.first { $0.group == "Black" && $0.stage == "custody" })
        #expect(custody.comparison == nil && custody.reason == "no national figures for this stage")
        #expect(pack.national?.first { $0.group == "Black" && $0.stage == "arrest" }?.comparison != nil)
    }

    @Test func nationalFiguresWithoutTheReferenceGroupSaySo() throws {
        let national = "group,population,arrest,first_time_entry,out_of_court,court,custody\nBlack,40000,2000,400,500,700,50\n"
        let pack = try BoardPack.build(counts: try Self.csv("counts.csv"), countsOptions: CountsTable.Options(unknownLabel: "Unknown"),
                                       national: try Self.parse(national, source: "national.csv"), options: BoardPackOptions())
        let black = try #require(pack.national?.first { $0.group == "Black" && $0.stage == "arrest" })
        #expect(black.reason == "no national figures for the reference group")
        #expect(pack.caveats.contains { $0.contains("no group 'White'") })
    }

    @Test func referenceGroupAbsentAtAStageIsSaidNotCrashed() throws {
        // White has no child at custody and none at court: the ratio is not estimable at both.
        let text = "group,population,arrest,court,custody\nWhite,5000,50,0,0\nBlack,500,20,6,3\n"
        let pack = try BoardPack.build(counts: try Self.parse(text), countsOptions: CountsTable.Options(), options: BoardPackOptions())
        #expect(pack.zeroReference.map(\.stage) == ["court", "custody"])
        #expect(pack.headline.contains { $0.text.hasPrefix("6 Black children sentenced at court and no White child") })
        // The cascade for custody over court has a reference base of 0: not computed, in words.
        let custody = try #require(pack.cascade.last?.rows.first { $0.group == "Black" })
        #expect(custody.status == .notComputed || custody.relativeRateIndex.isNaN || custody.relativeRateIndex.isInfinite)
        #expect(!pack.markdown().contains("∞") && !pack.html().lowercased().contains("infinite"))
    }

    @Test func unnestedStagesAreRatedOverThePopulationWithACaveat() throws {
        let text = "group,population,court,custody\nWhite,5000,10,12\nBlack,500,8,4\n"
        let pack = try BoardPack.build(counts: try Self.parse(text), countsOptions: CountsTable.Options(), options: BoardPackOptions())
        #expect(pack.cascade.map(\.baseStage) == ["population", "population"])
        #expect(pack.caveats.contains { $0.contains("custody is not contained in any earlier stage") })
    }

    @Test func labelsFileRenamesStagesAndRefusesDuplicates() throws {
        let labels = try BoardLabels(csv: try Self.parse("name,label,phrase\narrest,police arrests,arrested by the police\nOther,Any other ethnic group,\n"))
        let pack = try Self.pack("counts.csv", labels: labels)
        #expect(pack.markdown().contains("| Police arrests | Any other ethnic group |"))
        #expect(pack.headline.contains { $0.text.contains("were arrested by the police") })
        #expect(BoardLabels().label("first_time_entry") == "first-time entrants")
        #expect(BoardLabels().label("youth_diversion") == "youth diversion")
        let error = #expect(throws: InputError.self) {
            try BoardLabels(csv: try Self.parse("name,label\ncourt,Court\nCourt,Sentenced\n", source: "labels.csv"))
        }
        #expect(error?.line == 3)
        #expect(error?.message.contains("labelled twice") == true)
        #expect(throws: InputError.self) { try BoardLabels(csv: try Self.parse("stage,label\ncourt,Court\n")) }
    }

    @Test func aCountAboveItsBaseIsAnInputErrorNotACrash() throws {
        let text = "group,population,arrest\nWhite,100,200\nBlack,50,5\n"
        let error = #expect(throws: InputError.self) {
            try BoardPack.build(counts: try Self.parse(text, source: "bad.csv"), countsOptions: CountsTable.Options(), options: BoardPackOptions())
        }
        #expect(error?.file == "bad.csv")
        #expect(error?.line == 2)
    }

    // MARK: helpers

    static func section(_ id: String, in html: String) -> Substring? {
        guard let start = html.range(of: "<section id=\"\(id)\">") else { return nil }
        let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
        return html[start.upperBound..<end]
    }

    /// The cells of the row with this group and stage, by column class.
    static func cells(in html: String, group: String, stage: String) -> [String: String]? {
        let marker = "data-group=\"\(SVGDocument.escape(group))\" data-stage=\"\(SVGDocument.escape(stage))\">"
        guard let start = html.range(of: marker), let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        var out: [String: String] = [:]
        for cell in html[start.upperBound..<end.lowerBound].components(separatedBy: "<td class=\"").dropFirst() {
            guard let quote = cell.firstIndex(of: "\""), let close = cell.range(of: "</td>") else { continue }
            let key = String(cell[..<quote])
            out[key] = String(cell[cell.index(quote, offsetBy: 2)..<close.lowerBound])
        }
        return out
    }

    static func attribute(_ name: String, in svg: String) -> Double? {
        guard let range = svg.range(of: " \(name)=\"") else { return nil }
        return Double(svg[range.upperBound...].prefix { $0 != "\"" })
    }
}
