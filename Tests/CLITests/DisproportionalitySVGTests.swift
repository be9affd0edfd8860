import Foundation
import Testing

/// `disproportionality --svg FILE`: the forest chart of the board pack for one analysis.
@Suite("yjstat disproportionality --svg")
struct DisproportionalitySVGTests {
    static let counts = repositoryRoot.appendingPathComponent("Datasets/examples/counts.csv").path

    @Test func drawsTheForestChart() throws {
        let svg = try temporaryFolder().appendingPathComponent("rri.svg")
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--svg", svg.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("class=\"reference-line\""))
        #expect(text.contains("class=\"point small\""))
        #expect(text.contains("Black") && text.contains("2.63 (2.16–3.21)"))
        // Other has no child in custody: an RRI of 0 is an off-scale marker, never a point at -∞.
        #expect(text.contains("class=\"off-scale\""))
        #expect(!text.contains("∞") && !text.lowercased().contains("infinite"))
    }

    @Test func hiddenRowsAreWordsAndNoSmallCountIsDrawn() throws {
        let svg = try temporaryFolder().appendingPathComponent("rri.svg")
        let result = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--suppress-below", "5", "--svg", svg.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains("hidden (disclosure control)"))
    }

    @Test func refusesRecordsServicesAndTheSameFileAsOutput() throws {
        let folder = try temporaryFolder()
        let same = folder.appendingPathComponent("x.svg").path
        let clash = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--svg", same, "--output", same])
        #expect(clash.status == 2 && clash.stderr.contains("--svg and --output"))
        let overInput = try runCLI(["disproportionality", "--counts", Self.counts, "--unknown", "Unknown", "--svg", Self.counts])
        #expect(overInput.status == 2)
        let services = folder.appendingPathComponent("services.csv")
        try "service,group,population,arrest\nA,White,100,5\nA,Black,50,5\n".write(to: services, atomically: true, encoding: .utf8)
        let split = try runCLI(["disproportionality", "--counts", services.path, "--svg", folder.appendingPathComponent("s.svg").path])
        #expect(split.status == 2 && split.stderr.contains("--svg draws one analysis"))
    }
}
