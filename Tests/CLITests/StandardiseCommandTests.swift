import Foundation
import Testing

/// `yjstat standardise` end to end on small files written here.
@Suite("yjstat standardise")
struct StandardiseCommandTests {
    static func write(_ text: String, name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let services = """
        service,age,sex,observed,population
        North,10-13,F,2,1200
        North,10-13,M,6,1250
        North,14-17,F,9,1100
        North,14-17,M,30,1150
        South,10-13,F,0,300.5
        South,10-13,M,1,310
        South,14-17,F,2,280
        South,14-17,M,4,290

        """
    static let reference = """
        age,sex,observed,population
        10-13,F,120,100000
        10-13,M,400,104000
        14-17,F,700,98000
        14-17,M,2100,101000

        """

    @Test func indirectCSVFeedsARatioFunnel() throws {
        let data = try Self.write(Self.services, name: "services.csv")
        let reference = try Self.write(Self.reference, name: "national.csv")
        let out = try temporaryFolder().appendingPathComponent("ratios.csv")
        let result = try runCLI(["standardise", "--data", data.path, "--reference", reference.path, "--strata", "age,sex",
                                 "--format", "csv", "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "service,observed,expected,ratio,lower95,upper95,lower998,upper998,rate,rate_lower95,rate_upper95,rate_lower998,rate_upper998,population,method")
        #expect(lines.count == 3)
        // North: E = 1200·0.0012 + 1250·400/104000 + 1100·700/98000 + 1150·2100/101000.
        let strata: [(Double, Double, Double)] = [(1200, 120, 100_000), (1250, 400, 104_000), (1100, 700, 98_000), (1150, 2100, 101_000)]
        let expected = strata.reduce(0.0) { $0 + $1.0 * $1.1 / $1.2 }
        let north = lines[1].split(separator: ",").map(String.init)
        #expect(north[0] == "North" && north[1] == "47")
        #expect(abs(try #require(Double(north[2])) - expected) < 1e-9 * expected)
        let funnel = try runCLI(["funnel", "--data", out.path, "--measure", "ratio", "--format", "csv"])
        #expect(funnel.status == 0, "\(funnel.stderr)")
        #expect(funnel.stdout.contains("North,"))
    }

    @Test func directRatesWithBothIntervals() throws {
        let data = try Self.write(Self.services, name: "services.csv")
        let standard = try Self.write("age,sex,population\n10-13,F,5000\n10-13,M,5200\n14-17,F,4900\n14-17,M,5100\n", name: "standard.csv")
        for interval in ["dobson", "fay-feuer"] {
            let result = try runCLI(["standardise", "--data", data.path, "--standard", standard.path, "--strata", "age,sex",
                                     "--method", "direct", "--interval", interval, "--format", "csv"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("service,observed,population,rate,lower95,upper95,lower998,upper998,method"))
        }
    }

    @Test(arguments: [
        (["--reference", "MISSING"], "no such file"),
        (["--method", "direct"], "--reference is for indirect"),
        (["--interval", "dobson"], "--interval dobson is for direct"),
        (["--strata", "age,age"], "--strata names a column twice"),
        (["--strata", "age,band"], "missing column 'band'"),
    ])
    func badOptionsExitTwo(arguments: [String], message: String) throws {
        let data = try Self.write(Self.services, name: "services.csv")
        let reference = try Self.write(Self.reference, name: "national.csv")
        var words = ["standardise", "--data", data.path]
        if !arguments.contains("--reference") { words += ["--reference", reference.path] }
        if !arguments.contains("--strata") { words += ["--strata", "age,sex"] }
        let result = try runCLI(words + arguments.map { $0 == "MISSING" ? "/nonexistent/national.csv" : $0 })
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
    }

    @Test func aStratumMissingFromTheReferenceIsNamedByFileAndLine() throws {
        let data = try Self.write(Self.services + "South,18+,M,1,20\n", name: "services.csv")
        let reference = try Self.write(Self.reference, name: "national.csv")
        let result = try runCLI(["standardise", "--data", data.path, "--reference", reference.path, "--strata", "age,sex"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("services.csv:10"), "\(result.stderr)")
        #expect(result.stderr.contains("which the reference lacks"))
    }
}
