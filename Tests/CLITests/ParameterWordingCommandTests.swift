import Foundation
import Testing

/// The library's texts mention parameters (`Parameter.mention`); everything a command writes —
/// standard output, the `--output` file and the files beside it, standard error — names them as
/// the command's flags, with no mention left.
@Suite("Parameter wording in command output")
struct ParameterWordingCommandTests {
    static let examples = repositoryRoot.appendingPathComponent("Datasets/examples")
    static let counts = examples.appendingPathComponent("counts.csv").path

    /// Every text the run wrote: standard output, standard error and each file in `folder`.
    static func written(_ result: CLIResult, folder: URL) throws -> [String: String] {
        var texts = ["stdout": result.stdout, "stderr": result.stderr]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for url in files where !url.hasDirectoryPath {
            texts[String(url.path.dropFirst(folder.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        return texts
    }

    /// Runs `arguments` in a new folder (after writing `files` there) and checks that each
    /// `(where, phrase)` is written there and that no output holds a mention bracket.
    func expectFlags(_ arguments: [String], files: [String: String] = [:], status: Int32 = 0,
                     _ expected: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try temporaryFolder()
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let result = try runCLI(arguments, in: folder)
        #expect(result.status == status, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        let texts = try Self.written(result, folder: folder)
        for (place, phrase) in expected {
            #expect(texts[place]?.contains(phrase) == true, "no '\(phrase)' in \(place): \(texts[place] ?? "(not written)")",
                    sourceLocation: sourceLocation)
        }
        for (place, text) in texts where text.contains("\u{27EA}") || text.contains("\u{27EB}") {
            Issue.record("a parameter mention is left in \(place): \(text)", sourceLocation: sourceLocation)
        }
    }

    static let withoutUnknown = "group,population,arrest,court\nWhite,1000,40,10\nBlack,200,20,6\n"
    static let records = "service,ethnicity,stage,year\nleeds,White,arrest,2022\nleeds,Black,arrest,2023\nleeds,White,court,2023\n"
    static let populationWithoutYear = "service,group,population\nleeds,White,1000\nleeds,Black,200\n"

    @Test func disproportionalityMethodsAndNotesOnStandardOutputInJSONAndInTheNotesFile() throws {
        let options = ["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--suppress-below", "5", "--reference", "rest"]
        let phrases = ["with --reference rest every reference count gives it away", "(--suppression-report lists them and why)"]
        try expectFlags(options, phrases.map { ("stdout", $0) })
        try expectFlags(options + ["--format", "json"], phrases.map { ("stdout", $0) })
        try expectFlags(options + ["--format", "csv", "--notes"], phrases.map { ("stdout", $0) })
        try expectFlags(options + ["--output", "d.csv", "--svg", "d.svg"], phrases.map { ("d.notes.txt", $0) })
    }

    @Test func boardPackParagraphsInMarkdownHTMLAndJSON() throws {
        let phrases = ["(no --suppress-below given)", "(yjstat board --national FILE, a counts table in the same form)",
                       "(--unknown NAME)"]
        let board = ["board", "--counts", "c.csv"]
        try expectFlags(board + ["--html", "out/board.html", "--output", "board.md"], files: ["c.csv": Self.withoutUnknown],
                        (phrases + ["in the HTML version, --html FILE.)"]).map { ("board.md", $0) } + phrases.map { ("out/board.html", $0) })
        try expectFlags(board, files: ["c.csv": Self.withoutUnknown], phrases.map { ("stdout", $0) })
        let suppressed = ["board", "--counts", Self.counts, "--unknown", "Unknown", "--suppress-below", "5"]
        try expectFlags(suppressed + ["--format", "csv", "--output", "b.csv"], [("b.notes.txt", "(--suppression-report lists them and why)")])
        try expectFlags(suppressed + ["--format", "json"],
                        [("stdout", "(--suppression-report lists them and why)"), ("stdout", "with --reference rest every")])
    }

    @Test func representationMethodsNameTheTotalsFlags() throws {
        let phrases = ["sampling (with --total):", "sampling (with --comparator-total as well):"]
        let options = ["representation", "--service-percent", "20", "--comparator-percent", "12", "--total", "45"]
        try expectFlags(options + ["--format", "json"], phrases.map { ("stdout", $0) })
        try expectFlags(options + ["--output", "r.csv", "--svg", "r.svg"], phrases.map { ("r.notes.txt", $0) })
    }

    @Test func aggregationSummaryAndYearWarningNameWhere() throws {
        let files = ["r.csv": Self.records, "p.csv": Self.populationWithoutYear]
        try expectFlags(["aggregate", "--records", "r.csv", "--by", "stage", "--where", "service=leeds"], files: files,
                        [("stdout", "0 excluded by --where;")])
        let year = "choose a year with --where year=2023 (or a range, --where year=2022..2023, with a population file that has a year column)"
        try expectFlags(["aggregate", "--records", "r.csv", "--counts-for", "disproportionality", "--population", "p.csv"], files: files,
                        [("stderr", year)])
        try expectFlags(["disproportionality", "--records", "r.csv", "--service", "leeds", "--population", "p.csv", "--format", "json"],
                        files: files, [("stderr", year)])
    }

    @Test func inputErrorsNameTheFlagsTheirHintsMention() throws {
        try expectFlags(["standardise", "--data", Self.examples.appendingPathComponent("services_by_age_sex.csv").path,
                         "--reference", "ref.csv", "--strata", "age,sex"], files: ["ref.csv": "age,sex,foo\n10-13,F,1\n"], status: 2,
                        [("stderr", "a reference needs a 'rate' column (per --per) or 'observed' and 'population' columns")])
        try expectFlags(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--population-stage", "nothere"], status: 2,
                        [("stderr", "name it with --population-stage, or add population rows (aggregate --population FILE does)")])
    }
}
