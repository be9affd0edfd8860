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

    /// Every rendering the attacker reads: text, the tidy CSV (rounded and full precision, with
    /// its notes as # lines), the wide CSV, the JSON document (tidy and wide), and the notes file
    /// written beside a CSV output (issue 18: the property holds for every format).
    static let renderings: [[String]] = [
        ["--format", "text"], ["--format", "csv"], ["--format", "csv", "--notes"], ["--format", "csv", "--precision", "full"],
        ["--format", "csv", "--wide"], ["--format", "json"], ["--format", "json", "--wide"], ["--format", "json", "--precision", "full"],
    ]

    /// Runs every rendering and feeds it to the attacker; returns the texts read (for number checks).
    @discardableResult
    func feed(_ attacker: inout DisclosureAttacker, arguments: [String]) throws -> [String] {
        var texts: [String] = []
        for rendering in Self.renderings {
            let result = try runCLI(arguments + rendering)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            switch rendering[1] {
            case "csv": attacker.read(csv: result.stdout)
            case "json": try attacker.read(json: result.stdout)
            default: break
            }
            attacker.read(text: result.stdout + "\n" + result.stderr)
            texts.append(Self.withoutPaths(result.stdout + result.stderr, arguments))
        }
        let csv = try temporaryFolder().appendingPathComponent("published.csv")
        let written = try runCLI(arguments + ["--output", csv.path])
        #expect(written.status == 0, "stderr: \(written.stderr)")
        let notes = try String(contentsOf: csv.deletingLastPathComponent().appendingPathComponent("published.notes.txt"), encoding: .utf8)
        attacker.read(csv: try String(contentsOf: csv, encoding: .utf8))
        attacker.read(text: notes)
        texts.append(Self.withoutPaths(notes, arguments))
        return texts
    }

    /// The text with the input paths (temporary folders with random digits) taken out.
    static func withoutPaths(_ text: String, _ arguments: [String]) -> String {
        arguments.filter { $0.contains("/") }.reduce(text) { $0.replacingOccurrences(of: $1, with: "FILE") }
    }

    func attack(_ table: RandomCountsTable, arguments: [String], k: Int, previous: Bool) throws -> [String] {
        let path = try write(table.csv)
        var attacker = DisclosureAttacker(groups: table.groups, stages: table.stages, unknown: "Unknown", nested: table.nested,
                                          previousBase: previous)
        try feed(&attacker, arguments: ["disproportionality", "--counts", path, "--unknown", "Unknown", "--suppress-below", "\(k)"] + arguments)
        attacker.buildEquations()
        return attacker.leaks(counts: table.counts, threshold: k)
    }

    @Test func issueExampleWithATotalsRowResistsTheAttack() throws {
        let table = RandomCountsTable(wideCSV: Self.issueTable, nested: true)
        let path = Self.issueTablePath
        var attacker = DisclosureAttacker(groups: table.groups, stages: table.stages, unknown: "Unknown", nested: true, previousBase: false)
        let texts = try feed(&attacker, arguments: ["disproportionality", "--counts", path, "--unknown", "Unknown", "--suppress-below", "5"])
        for text in texts { #expect(!Self.numbers(in: text).contains("197"), "the arrest total is printed") }
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

    /// The attacker is not blind to the tidy table: a count left out but whose rounded rate,
    /// RRI or excess is published is recovered from the interval the rounding allows.
    @Test func theAttackerReadsRoundedTidyFiguresAsIntervals() {
        let header = "group,stage,count,base,base_stage,rate_per_1000,rri,rri_lower,rri_upper,p_adjusted,excess_children,flags,method\n"
        for (row, how) in [("G1,s1,suppressed,1500,population,2,suppressed,suppressed,suppressed,suppressed,suppressed,none,katz", "rate"),
                           ("G1,s1,suppressed,1500,population,suppressed,0.213,suppressed,suppressed,suppressed,suppressed,none,katz", "rri"),
                           ("G1,s1,suppressed,1500,population,suppressed,suppressed,suppressed,suppressed,suppressed,-11.1,none,katz", "excess")] {
            var attacker = DisclosureAttacker(groups: ["White", "G1"], stages: ["s1"], unknown: nil, nested: false, previousBase: false)
            attacker.read(csv: header + "White,s1,141,15000,population,9.4,1,not computed,not computed,not computed,not computed,reference,reference\n" + row + "\n")
            attacker.buildEquations()
            #expect(!attacker.leaks(counts: ["White": [141], "G1": [3]], threshold: 5).isEmpty, "\(how)")
        }
        // A rate rounded to 1 decimal place over a large base leaves a wide interval: no leak.
        var attacker = DisclosureAttacker(groups: ["White", "G1"], stages: ["s1"], unknown: nil, nested: false, previousBase: false)
        attacker.read(csv: header + "G1,s1,suppressed,90000,population,0,suppressed,suppressed,suppressed,suppressed,suppressed,none,katz\n")
        attacker.buildEquations()
        #expect(attacker.leaks(counts: ["White": [141], "G1": [3]], threshold: 5).isEmpty)
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
