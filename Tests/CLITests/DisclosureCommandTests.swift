import Foundation
import YJStat
import Testing
import YJStat

/// Issue 13 through the binary, for both commands that take `--suppress-below`:
/// `disproportionality` in text, CSV, JSON and its `--svg` chart, with `--counts`, a service
/// column and `--records`, and `board` (Markdown on standard output, the HTML page with its
/// charts, the findings on standard error), each attacked by ``DisclosureAttacker``;
/// `--suppression-report`; `--round-to`.
@Suite("yjstat disclosure control")
struct DisclosureCommandTests {
    func write(_ text: String, name: String = "counts.csv") throws -> String {
        let url = try temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The issue's table with a totals row (197 children at arrest), which before gave the hidden
    /// Other count away by subtraction: the fixture the library's attack tests read too.
    static let issueTablePath = repositoryRoot.appendingPathComponent("Tests/YJStatTests/Fixtures/disclosure_issue13.csv").path
    static var issueTable: String { (try? String(contentsOfFile: issueTablePath, encoding: .utf8)) ?? "" }

    /// The whole numbers and decimals printed in a text, as written.
    static func numbers(in text: String) -> Set<String> {
        Set(text.split(whereSeparator: { !($0.isNumber || $0 == ".") }).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) })
    }

    func attack(_ table: RandomCountsTable, arguments: [String], k: Int, previous: Bool) throws -> [String] {
        let path = try write(table.csv)
        var attacker = DisclosureAttacker(groups: table.groups, stages: table.stages, unknown: "Unknown", nested: table.nested,
                                          previousBase: previous)
        for format in ["text", "csv", "json"] {
            let result = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--suppress-below", "\(k)",
                                     "--format", format] + arguments)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            switch format {
            case "csv": attacker.read(csv: result.stdout)
            case "json": try attacker.read(json: result.stdout)
            default: attacker.read(text: result.stdout + result.stderr)
            }
            attacker.read(text: result.stderr)
        }
        attacker.buildEquations()
        return attacker.leaks(counts: table.counts, threshold: k)
    }

    @Test func issueExampleWithATotalsRowResistsTheAttack() throws {
        let table = RandomCountsTable(wideCSV: Self.issueTable, nested: true)
        let path = Self.issueTablePath
        var attacker = DisclosureAttacker(groups: table.groups, stages: table.stages, unknown: "Unknown", nested: true, previousBase: false)
        for format in ["text", "csv", "json"] {
            let result = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--suppress-below", "5", "--format", format])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(!Self.numbers(in: result.stdout + result.stderr).contains("197"), "the arrest total is printed")
            if format == "csv" { attacker.read(csv: result.stdout) } else if format == "json" { try attacker.read(json: result.stdout) }
            attacker.read(text: result.stdout + "\n" + result.stderr)
        }
        attacker.buildEquations()
        #expect(attacker.leaks(counts: table.counts, threshold: 5).isEmpty)
        // Without suppression the same reader gets the hidden Other count from the totals row.
        let open = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown"])
        var reader = DisclosureAttacker(groups: table.groups, stages: table.stages, unknown: "Unknown", nested: true, previousBase: false)
        reader.read(text: open.stdout)
        reader.buildEquations()
        #expect(!reader.leaks(counts: table.counts, threshold: 5).isEmpty)
    }

    @Test func randomTablesResistTheAttackThroughTheBinary() throws {
        var rng = SplitMix64(seed: 20_261_204)
        for index in 0..<3 {
            let previous = index == 1
            let table = RandomCountsTable(using: &rng, nested: previous || Bool.random(using: &rng))
            let k = Int.random(in: 3...10, using: &rng)
            let arguments = (previous ? ["--base", "previous"] : []) + (index == 2 ? ["--reference", "rest"] : [])
            let leaks = try attack(table, arguments: arguments, k: k, previous: previous)
            #expect(leaks.isEmpty, "K \(k) \(arguments):\n\(table.csv)\(leaks.joined(separator: "\n"))")
        }
    }

    @Test func serviceColumnAndRecordsAreProtectedToo() throws {
        let counts = try write("service,group,population,arrest\nA,White,5000,80\nA,Black,900,2\nA,Asian,800,30\nA,Mixed,700,25\n")
        let result = try runCLI(["disproportionality", "--counts", counts, "--suppress-below", "5", "--format", "csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        var attacker = DisclosureAttacker(groups: ["White", "Black", "Asian", "Mixed"], stages: ["arrest"], unknown: nil, nested: true, previousBase: false)
        attacker.read(csv: result.stdout)
        attacker.buildEquations()
        #expect(attacker.leaks(counts: ["Black": [2]], threshold: 5).isEmpty)
        #expect(result.stdout.contains("A,Mixed,arrest,NA") || result.stdout.contains("A,Mixed,arrest,suppressed"), "\(result.stdout)")

        var records = "service,ethnicity,stage\n"
        for (group, n) in [("White", 80), ("Black", 2), ("Asian", 30), ("Mixed", 25)] { records += String(repeating: "A,\(group),arrest\n", count: n) }
        let recordsPath = try write(records, name: "records.csv")
        let population = try write("service,group,population\nA,White,5000\nA,Black,900\nA,Asian,800\nA,Mixed,700\n", name: "population.csv")
        let fromRecords = try runCLI(["disproportionality", "--records", recordsPath, "--population", population, "--service", "all",
                                      "--suppress-below", "5", "--format", "csv"])
        #expect(fromRecords.status == 0, "stderr: \(fromRecords.stderr)")
        var reader = DisclosureAttacker(groups: ["White", "Black", "Asian", "Mixed"], stages: ["arrest"], unknown: nil, nested: true, previousBase: false)
        reader.read(csv: fromRecords.stdout)
        reader.buildEquations()
        #expect(reader.leaks(counts: ["Black": [2]], threshold: 5).isEmpty)
    }

    @Test func suppressionReportListsHiddenCellsWithoutValues() throws {
        let path = Self.issueTablePath
        for format in ["text", "csv", "json"] {
            let result = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--suppress-below", "5",
                                     "--suppression-report", "--format", format])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let printed = Self.numbers(in: result.stdout)
            for value in ["122", "21", "17", "19", "197", "3", "4", "2", "1"] { #expect(!printed.contains(value), "\(format): \(value)") }
        }
        let csv = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--suppress-below", "5",
                              "--suppression-report", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("kind,group,stage,status,reason,explanation,threshold"))
        #expect(csv.contains("cell,Other,arrest,hidden,primary,a count under 5,5"))
        #expect(csv.contains("cell,Asian,arrest,hidden,secondary,so that Other cannot be worked out from the arrest total,5"))
        #expect(csv.contains("total,,arrest,published,,complementary cells hidden instead,5"))
        let text = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--suppress-below", "5"]).stdout
        #expect(text.contains("'Total' at arrest: the sum of the groups (figures hidden for disclosure control)"))
        #expect(text.contains("at arrest, Asian is also hidden"))
        #expect(text.contains("p_adjusted: Holm (1979) over the 7 published comparisons (the 5 hidden by disclosure control are not counted"))
    }

    @Test func roundingStatesItsMethodAndPrintsOnlyMultiples() throws {
        let path = Self.issueTablePath
        for (extra, words) in [([String](), "conventional rounding"), (["--rounding", "random", "--seed", "9"], "random rounding, seed 9")] {
            let result = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--round-to", "5"] + extra)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains(words))
            #expect(!Self.numbers(in: result.stdout).contains("197"))
            let csv = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--round-to", "5", "--format", "csv"] + extra)
            var attacker = DisclosureAttacker(groups: ["White"], stages: ["arrest"], unknown: nil, nested: false, previousBase: false)
            attacker.read(csv: csv.stdout)
            for row in attacker.rows {
                for key in ["count", "reference_count", "unknown_count"] {
                    if let n = row[key].flatMap(Int.init) { #expect(n % 5 == 0, "\(key) \(n)") }
                }
            }
        }
        let same = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--round-to", "5", "--rounding", "random", "--seed", "9"])
        let again = try runCLI(["disproportionality", "--counts", path, "--unknown", "Unknown", "--round-to", "5", "--rounding", "random", "--seed", "9"])
        #expect(same.stdout == again.stdout)
    }

    @Test(arguments: [
        (["--suppression-report"], "--suppression-report goes with --suppress-below K"),
        (["--round-to", "5", "--suppress-below", "5"], "give either --suppress-below or --round-to, not both"),
        (["--round-to", "1"], "--round-to must be at least 2"),
        (["--seed", "3"], "--seed goes with --round-to"),
        (["--round-to", "5", "--rounding", "sometimes"], "--rounding"),
    ])
    func badDisclosureOptionsExitTwo(arguments: [String], message: String) throws {
        let path = Self.issueTablePath
        let result = try runCLI(["disproportionality", "--counts", path] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    // MARK: board and --svg

    /// `board --suppress-below K`: the Markdown, the HTML page (tables, sentences, chart labels)
    /// and standard error, read together by one attacker.
    func attackBoard(_ table: RandomCountsTable, csvPath: String, k: Int, reference: String?) throws -> [String] {
        let html = try temporaryFolder().appendingPathComponent("board.html")
        let result = try runCLI(["board", "--counts", csvPath, "--unknown", "Unknown", "--suppress-below", "\(k)", "--html", html.path]
                                + (reference.map { ["--reference", $0] } ?? []))
        #expect(result.status == 0 || result.status == 1, "stderr: \(result.stderr)")
        var attacker = DisclosureAttacker(groups: table.groups, stages: table.stages, unknown: "Unknown", nested: table.nested, previousBase: false)
        attacker.reference = reference ?? "White"
        attacker.stageLabels = Dictionary(uniqueKeysWithValues: table.stages.map { ($0, BoardLabels().label($0)) })
        attacker.read(markdown: result.stdout)
        attacker.read(html: try String(contentsOf: html, encoding: .utf8))
        attacker.read(text: result.stderr)
        attacker.buildEquations()
        #expect(!attacker.printedRows.isEmpty)
        return attacker.leaks(counts: table.counts, threshold: k)
    }

    @Test func boardResistsTheAttack() throws {
        let table = RandomCountsTable(wideCSV: Self.issueTable, nested: true)
        #expect(try attackBoard(table, csvPath: Self.issueTablePath, k: 5, reference: nil).isEmpty)
        // A totals row that does not add up at a stage with a hidden cell: a finding (exit 1)
        // whose sentence on standard error gives no figure.
        let wrong = try write("group,population,arrest,custody\nWhite,20000,300,0\nBlack,2000,40,2\nAsian,3000,25,0\nUnknown,,10,0\nTotal,25000,375,3\n")
        let result = try runCLI(["board", "--counts", wrong, "--unknown", "Unknown", "--suppress-below", "5"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("finding: 'Total' at custody: not the sum of the groups (figures hidden for disclosure control)"), "\(result.stderr)")
        #expect(try attackBoard(RandomCountsTable(wideCSV: try String(contentsOfFile: wrong, encoding: .utf8), nested: true), csvPath: wrong,
                                k: 5, reference: nil).isEmpty)
        var rng = SplitMix64(seed: 20_261_207)
        for index in 0..<2 {
            let random = RandomCountsTable(using: &rng, nested: Bool.random(using: &rng))
            let k = Int.random(in: 3...10, using: &rng)
            let leaks = try attackBoard(random, csvPath: try write(random.csv), k: k, reference: index == 1 ? "rest" : nil)
            #expect(leaks.isEmpty, "K \(k):\n\(random.csv)\(leaks.joined(separator: "\n"))")
        }
    }

    @Test func forestChartResistsTheAttack() throws {
        let table = RandomCountsTable(wideCSV: Self.issueTable, nested: true)
        let svg = try temporaryFolder().appendingPathComponent("rri.svg")
        for base in ["population", "previous"] {
            let result = try runCLI(["disproportionality", "--counts", Self.issueTablePath, "--unknown", "Unknown", "--suppress-below", "5",
                                     "--base", base, "--format", "csv", "--svg", svg.path])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            var attacker = DisclosureAttacker(groups: table.groups, stages: table.stages, unknown: "Unknown", nested: true,
                                              previousBase: base == "previous")
            attacker.reference = "White"
            attacker.stageLabels = Dictionary(uniqueKeysWithValues: table.stages.map { ($0, BoardLabels().label($0)) })
            attacker.read(csv: result.stdout)
            attacker.read(svg: try String(contentsOf: svg, encoding: .utf8))
            attacker.buildEquations()
            #expect(attacker.printedRows.count >= 4)
            #expect(attacker.leaks(counts: table.counts, threshold: 5).isEmpty)
        }
    }
}
