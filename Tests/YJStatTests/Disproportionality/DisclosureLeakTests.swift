import Foundation
import Testing
@testable import YJStat

/// Issue 13: no hidden count printed in the warnings or recoverable from a printed stage total,
/// and no figure hidden that the reader could compute from published ones.
@Suite("Disclosure control leaks (issue 13)")
struct DisclosureLeakTests {
    /// The issue's shape: Other 3 at arrest hidden, unknown-ethnicity counts 4 and 1 at later
    /// stages (the fixture `disclosure_issue13.csv`, with its totals row, which is not a group).
    static var issueTable: String { (try? String(contentsOf: fixtureURL("disclosure_issue13.csv"), encoding: .utf8)) ?? "" }

    static func run(_ text: String, k: Int) throws -> DisproportionalityReport {
        let table = try CountsTable(csv: CSVReader.parse(text + "\n", source: "t.csv"), options: .init(unknownLabel: "Unknown"))
        return try DisproportionalityAnalysis.run(table, options: .init(suppressBelow: k))
    }

    /// The numbers printed in a piece of text (digits with an optional decimal part).
    static func numbers(in text: String) -> [Double] {
        text.split(whereSeparator: { !($0.isNumber || $0 == ".") }).compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
    }

    @Test func issueExampleWarningsPrintNoHiddenCountNorStageTotal() throws {
        let report = try Self.run(Self.issueTable, k: 5)
        let text = report.textSummary()
        let warnings = String(text[try #require(text.range(of: "Warnings:")).lowerBound...])
        #expect(warnings.contains("Ethnicity 'Unknown': arrest 15 (stage total hidden), sentenced hidden, custody hidden."))
        #expect(!warnings.contains("4 of") && !warnings.contains("1 of"))
        // The subtraction attack: 197 (arrest, all groups) and 182 (known) must not be printed anywhere.
        let printed = Set(Self.numbers(in: text))
        for total in [197.0, 182, 108, 104] { #expect(!printed.contains(total), "stage total \(total) printed") }
        let line = try #require(text.split(separator: "\n").first { $0.contains("Ethnicity 'Unknown'") })
        #expect(!Self.numbers(in: String(line)).contains { [13.0, 12, 4, 1].contains($0) })
    }

    @Test func rriWhoseTwoRatesArePublishedIsPublished() throws {
        let report = try Self.run(Self.issueTable, k: 5)
        let black = try #require(report.rows.first { $0.group == "Black" && $0.stage == "arrest" })
        let white = try #require(report.rows.first { $0.group == "White" && $0.stage == "arrest" })
        #expect(!black.isSuppressed && !white.isSuppressed)
        #expect(black.rate.isFinite && white.rate.isFinite)
        #expect(abs(black.relativeRateIndex - (21.0 / 3000) / (122.0 / 30000)) < 1e-12)
        #expect(black.status == .ok && black.rriLower.isFinite)
        // Other's 3 is protected by hiding Asian's 17 (the smallest other count at arrest), so the
        // arrest total, and the shares that divide by it, stay published.
        #expect(black.stageShare.isFinite && black.rriUnknownUpper.isFinite)
        #expect(report.disclosure?.reason(row: "Asian", column: "arrest") == .secondary)
        #expect(report.textSummary().contains("arrest     Black  21      3000  7.0   1.72"))
    }

    /// Random tables (2–8 groups, 1–6 stages, counts 0–500, K 3–10): no count 1…K−1 is published
    /// in any row (text, CSV or JSON cells), no stage total of a stage with a hidden cell is
    /// printed in the warnings, and every RRI whose four counts and bases are published is
    /// published.
    @Test func randomTablesLeakNothingAndHideNoComputableRRI() throws {
        var rng = SplitMix64(seed: 20_261_202)
        var publishedRRIs = 0
        for _ in 0..<12 {
            let groups = ["White"] + (1..<Int.random(in: 2...8, using: &rng)).map { "G\($0)" } + ["Unknown"]
            let stages = (1...Int.random(in: 1...6, using: &rng)).map { "s\($0)" }
            let k = Int.random(in: 3...10, using: &rng)
            var csv = "group,population," + stages.joined(separator: ",") + "\n"
            var counts: [String: [Int]] = [:]
            for g in groups {
                let row = stages.map { _ in Bool.random(using: &rng) ? Int.random(in: 0...12, using: &rng) : Int.random(in: 0...500, using: &rng) }
                counts[g] = row
                csv += "\(g),\(g == "Unknown" ? "" : String(Int.random(in: 600...20_000, using: &rng))),"
                csv += row.map(String.init).joined(separator: ",") + "\n"
            }
            let report = try Self.run(csv, k: k)
            for result in report.resultRows() {
                for name in ["count", "base", "reference_count", "reference_base", "unknown_count"] {
                    if case .integer(let n)? = result[name] { #expect(!(1..<k).contains(n), "\(name) \(n) published with K \(k)") }
                }
            }
            let text = report.textSummary()
            // The line of the warnings that speaks of stage totals: at a stage with a hidden
            // cell it gives no total (and the unknown count only when that is published).
            let line = text.split(separator: "\n").first { $0.contains("Ethnicity 'Unknown'") }.map(String.init) ?? ""
            let parts = line.components(separatedBy: ": ").dropFirst().joined(separator: ": ").components(separatedBy: ", ")
            for (i, stage) in stages.enumerated() {
                let column = groups.map { counts[$0]![i] }
                guard column.contains(where: { (1..<k).contains($0) }) else { continue }
                let part = parts.first { $0.hasPrefix(stage + " ") } ?? ""
                let unknown = report.unknownByStage[i]
                #expect(part.hasPrefix(unknown.map { "\(stage) \($0) (stage total hidden)" } ?? "\(stage) hidden"), "\(part)")
                #expect(!Self.numbers(in: String(part.dropFirst(stage.count))).contains { $0 != Double(unknown ?? -1) })
            }
            for row in report.rows where !row.isReference && row.base != nil && row.base! > 0 {
                guard let c = row.count, let white = report.rows.first(where: { $0.isReference && $0.stage == row.stage }),
                      white.count != nil, c >= 0 else { continue }
                #expect(!row.isSuppressed && row.relativeRateIndex.isFinite == (white.count! > 0), "\(row.group) \(row.stage) RRI hidden")
                if !row.isSuppressed { publishedRRIs += 1 }
            }
        }
        #expect(publishedRRIs > 30)
    }
}
