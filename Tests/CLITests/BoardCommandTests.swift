import Foundation
import Testing

@Suite("yjstat board")
struct BoardCommandTests {
    static let counts = repositoryRoot.appendingPathComponent("Datasets/examples/counts.csv").path
    static let byYear = repositoryRoot.appendingPathComponent("Datasets/examples/counts_by_year.csv").path
    static let national = repositoryRoot.appendingPathComponent("Datasets/examples/national_counts.csv").path

    func write(_ text: String, name: String, in folder: URL? = nil) throws -> String {
        let url = try (folder ?? temporaryFolder()).appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func writesMarkdownToStandardOutputAndTheHTMLPageCreatingItsFolder() throws {
        let folder = try temporaryFolder()
        let html = folder.appendingPathComponent("out/board.html")
        let result = try runCLI(["board", "--counts", Self.counts, "--unknown", "Unknown", "--html", html.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("# Disproportionality board pack\n"))
        #expect(result.stdout.contains("- About 73 more Black children were arrested than the rate of White children would give (95% interval 54 to 96)."))
        let page = try String(contentsOf: html, encoding: .utf8)
        for id in ["headline", "representation", "rri", "national", "trend", "unknown", "methods"] {
            #expect(page.contains("<section id=\"\(id)\">"))
        }
        #expect(!page.contains("<script"))
    }

    @Test func trendAndNationalSectionsFromTheBundledExamples() throws {
        let result = try runCLI(["board", "--counts", Self.byYear, "--unknown", "Unknown", "--national", Self.national])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("## Headline findings (2024)"))
        #expect(result.stdout.contains("| Arrests | Black | 2.63 | 1.95 | 1.35 | 1.06 | 1.71 | 0.014 | differs beyond chance |"))
        #expect(result.stdout.contains("| Arrests | Black | 2.63 | 2.82 | 0.932 | 0.759 | 1.14 | 0.500 | within chance |"))
    }

    @Test func oneYearOnlyIsACaveatNotAnError() throws {
        let path = try write("group,year,population,arrest\nWhite,2024,1000,20\nBlack,2024,100,5\n", name: "one_year.csv")
        let result = try runCLI(["board", "--counts", path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("one year only (2024)"))
    }

    @Test func nationalMissingAStageIsACaveat() throws {
        let path = try write("group,population,arrest\nWhite,400000,8000\nBlack,40000,2000\nAsian,50000,900\nMixed,30000,1000\nGypsy Roma Traveller,2000,90\nOther,10000,200\n",
                             name: "national.csv")
        let result = try runCLI(["board", "--counts", Self.counts, "--unknown", "Unknown", "--national", path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("have no first-time entrants, out-of-court disposals, court disposals, custody stage"))
        #expect(result.stdout.contains("no national figures for this stage"))
    }

    @Test func refusesToWriteTheHTMLOverAnInput() throws {
        let folder = try temporaryFolder()
        let copy = try write(try String(contentsOfFile: Self.counts, encoding: .utf8), name: "counts.csv", in: folder)
        let before = try String(contentsOfFile: copy, encoding: .utf8)
        let result = try runCLI(["board", "--counts", copy, "--unknown", "Unknown", "--html", copy])
        #expect(result.status == 2)
        #expect(result.stderr.contains("counts.csv"))
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == before)
    }

    @Test func badInputIsAMessageWithExitTwo() throws {
        #expect(try runCLI(["board"]).status == 2)
        let missing = try runCLI(["board", "--counts", "/no/such/file.csv"])
        #expect(missing.status == 2 && missing.stderr.contains("--counts"))
        let labels = try write("name,label\ncourt,Court\ncourt,Sentenced\n", name: "labels.csv")
        let badLabels = try runCLI(["board", "--counts", Self.counts, "--unknown", "Unknown", "--labels", labels])
        #expect(badLabels.status == 2)
        #expect(badLabels.stderr.contains("labels.csv:3"), "stderr: \(badLabels.stderr)")
        let suppress = try runCLI(["board", "--counts", Self.counts, "--suppress-below", "1"])
        #expect(suppress.status == 2 && suppress.stderr.contains("--suppress-below"))
        let reference = try runCLI(["board", "--counts", Self.counts, "--unknown", "Unknown", "--reference", "Martian"])
        #expect(reference.status == 2 && reference.stderr.contains("Martian"))
    }

    @Test func suppressionLeavesNoSmallCountInTheHeadline() throws {
        let result = try runCLI(["board", "--counts", Self.byYear, "--unknown", "Unknown", "--suppress-below", "5"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let headline = try #require(result.stdout.components(separatedBy: "## Representation").first)
        for k in 1...4 { #expect(!headline.contains(" \(k) children") && !headline.contains("- \(k) ")) }
        #expect(headline.contains("Some figures are hidden for disclosure control: counts from 1 to 4"))
    }

    @Test func listedInHelp() throws {
        let result = try runCLI(["--help"])
        #expect(result.stdout.contains("board"))
        let help = try runCLI(["board", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--national"))
    }
}
