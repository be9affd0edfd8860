import Foundation
import Testing

/// Issue 18, item 4: `representation --svg FILE` draws the representation ratios with their
/// intervals, one bar per comparison, and never over an input or the `--output` file.
@Suite("yjstat representation --svg")
struct RepresentationSVGTests {
    @Test func demographicsChartHasABarAndALabelPerComparison() throws {
        let folder = try temporaryFolder()
        let svg = folder.appendingPathComponent("charts/representation.svg")
        try FileManager.default.createDirectory(at: svg.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try runCLI(["representation", "--demographics", "Datasets/demographics.csv", "--svg", svg.path], in: repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg") || text.hasPrefix("<?xml"))
        #expect(text.contains("Representation ratios: demographics.csv"))
        #expect(text.contains("Ratio to comparator (log scale)"))
        // One value label "r (lo–hi)" per comparison: the rows the CSV gives.
        let csv = try runCLI(["representation", "--demographics", "Datasets/demographics.csv", "--format", "csv"], in: repositoryRoot)
        let comparisons = csv.stdout.split(whereSeparator: \.isNewline).count - 1
        let valueLabels = text.components(separatedBy: "–").count - 1
        #expect(comparisons > 10)
        #expect(valueLabels >= comparisons, "\(valueLabels) interval labels for \(comparisons) comparisons")
        #expect(text.contains("brent 10-14 (national)"))
    }

    @Test func onePairDrawsOneBar() throws {
        let svg = try temporaryFolder().appendingPathComponent("one.svg")
        let result = try runCLI(["representation", "--service-percent", "20", "--comparator-percent", "12", "--total", "45",
                                 "--comparator-total", "1800", "--svg", svg.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains("service against comparator"))
        #expect(text.contains("1.67 (0.88–3.16)"), "the sampling interval the text prints")
    }

    @Test func theChartNeverReplacesAnInputOrTheOutput() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("demographics.csv")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Datasets/demographics.csv"), to: input)
        let before = try Data(contentsOf: input)
        let overInput = try runCLI(["representation", "--demographics", input.path, "--svg", input.path])
        #expect(overInput.status == 2 && overInput.stderr.contains("refusing to write output over an input file"), "\(overInput.stderr)")
        #expect(try Data(contentsOf: input) == before)
        let same = folder.appendingPathComponent("x.txt")
        let overOutput = try runCLI(["representation", "--service-percent", "20", "--comparator-percent", "12",
                                     "--output", same.path, "--svg", same.path])
        #expect(overOutput.status == 2 && overOutput.stderr.contains("--svg and --output name the same file"), "\(overOutput.stderr)")
    }
}
