import Foundation
import Testing
@testable import YJStat

/// Random counts tables through the whole board pack: it never traps, never prints an infinite
/// ratio, and with disclosure control never states a small count of children in the headline.
@Suite("Board pack on random tables")
struct BoardPackRobustnessTests {
    /// A random wide table: White and two to four other groups, an unknown group, three stages
    /// (custody nested in court, court not always nested in arrest), one to three years.
    static func table(_ random: inout SplitMix64) -> String {
        let groups = ["White", "Black", "Asian", "Mixed", "Other"].prefix(Int.random(in: 3...5, using: &random))
        let years = Int.random(in: 1...3, using: &random)
        var text = "group,year,population,arrest,court,custody\n"
        for year in 0..<years {
            for group in groups + ["Unknown"] {
                let population = group == "Unknown" ? 0 : Int.random(in: 40...6000, using: &random)
                let arrest = Int.random(in: 0...max(1, (group == "Unknown" ? 300 : population) / 8), using: &random)
                let court = Int.random(in: 0...max(0, arrest + (Bool.random(using: &random) ? 2 : 0)), using: &random)
                let custody = Int.random(in: 0...court, using: &random)
                text += "\(group),\(2020 + year),\(group == "Unknown" ? "" : String(population)),\(arrest),\(court),\(custody)\n"
            }
        }
        return text
    }

    @Test func randomTablesNeverTrapNorLeak() throws {
        var random = SplitMix64(seed: 18)
        var built = 0
        // Six tables keep the suite fast (each pack runs the analysis up to a dozen times).
        for index in 0..<6 {
            let text = Self.table(&random)
            let csv = try CSVReader.parse(text, source: "random-\(index).csv")
            for suppress in [nil, 5] as [Int?] {
                let pack: BoardPack
                do {
                    pack = try BoardPack.build(counts: csv, countsOptions: CountsTable.Options(unknownLabel: "Unknown"),
                                               options: BoardPackOptions(analysis: DisproportionalityOptions(suppressBelow: suppress)))
                } catch let error as InputError {
                    // A count above its population is refused with its place in the file.
                    #expect(error.line != nil, "\(error)")
                    continue
                }
                built += 1
                let html = pack.html(), markdown = pack.markdown()
                for output in [html, markdown] {
                    #expect(!output.contains("∞") && !output.lowercased().contains("infinite"), "table \(index)\n\(text)")
                }
                guard let k = suppress else { continue }
                for finding in pack.headline {
                    for n in 1..<k {
                        #expect(!finding.text.hasPrefix("\(n) ") && !finding.text.contains(" \(n) children") && !finding.text.contains(" \(n) of "),
                                "table \(index): \(finding.text)")
                    }
                }
            }
        }
        #expect(built >= 6, "only \(built) of 12 packs were built")
    }
}
