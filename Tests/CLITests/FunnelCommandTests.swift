import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `yjstat funnel` end to end, on the bundled made-up example and on small files written here.
@Suite("yjstat funnel")
struct FunnelCommandTests {
    static let example = repositoryRoot.appendingPathComponent("Datasets/examples/services.csv").path

    static func write(_ text: String, name: String = "services.csv") throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Element names and class attributes of an SVG file, read with XMLParser (fails unless well-formed).
    static func svgElements(_ url: URL) throws -> [(name: String, classes: String)] {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [(name: String, classes: String)] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                elements.append((name, attributes["class"] ?? ""))
            }
        }
        let parser = try #require(XMLParser(contentsOf: url))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))")
        return collector.elements
    }

    @Test func csvHasTheDocumentedColumnsAndOneRowPerService() throws {
        let result = try runCLI(["funnel", "--data", Self.example, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "service,value,lower,upper,lower95,upper95,lower998,upper998,z,flag,numerator,denominator,target,phi,tau2,p_at_least,p_at_most,limits,trimmed")
        #expect(lines.count == 41)
        let flags = Set(lines.dropFirst().map { $0.split(separator: ",")[9] })
        #expect(flags.isSubset(of: ["high-99.8", "high-95", "within", "low-95", "low-99.8"]))
        #expect(flags.contains("within") && flags.count >= 3)
    }

    @Test func svgHasOnePointPerServiceAndFourLimitPaths() throws {
        let folder = try temporaryFolder()
        let svg = folder.appendingPathComponent("funnel.svg")
        let result = try runCLI(["funnel", "--data", Self.example, "--svg", svg.path, "--title", "Reoffending & co"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Funnel plot of 40 services"))
        let elements = try Self.svgElements(svg)
        #expect(elements.filter { $0.name == "circle" && $0.classes == "point" }.count == 40)
        #expect(elements.filter { $0.name == "path" && $0.classes.hasPrefix("limit ") }.count == 4)
    }

    @Test func jsonWithTargetAndOverdispersion() throws {
        let result = try runCLI(["funnel", "--data", Self.example, "--target", "40.1%", "--overdispersion", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(rows.count == 40)
        #expect(rows.allSatisfy { $0["target"] as? Double == 0.401 })
        #expect(rows.allSatisfy { ($0["phi"] as? Double).map { $0 > 0 } == true })
        #expect(rows.allSatisfy { $0["tau2"] is Double })
        for row in rows {
            let l998 = try #require(row["lower998"] as? Double), l95 = try #require(row["lower95"] as? Double)
            let u95 = try #require(row["upper95"] as? Double), u998 = try #require(row["upper998"] as? Double)
            #expect(l998 <= l95 && l95 <= 0.401 && 0.401 <= u95 && u95 <= u998)
        }
    }

    @Test func percentInputIsTurnedIntoNumerators() throws {
        let file = try Self.write("service,percent,denominator\nA,50.4%,250\nB,38.0,100\nC,41.2,500\n")
        let result = try runCLI(["funnel", "--data", file.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(result.stdout.split(separator: "\r\n").dropFirst().first)
        #expect(first.hasPrefix("A,0.504,"))
        #expect(first.contains(",126,250,"))
        let text = try runCLI(["funnel", "--data", file.path])
        #expect(text.stdout.contains("reconstructed from the percent column"))
    }

    @Test func rateFunnel() throws {
        let file = try Self.write("service,numerator,denominator\nA,57,20000\nB,30,15000\nC,80,25000\nD,12,9000\n")
        let result = try runCLI(["funnel", "--data", file.path, "--measure", "rate", "--per", "100000", "--target", "236",
                                 "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        #expect(rows.first?["value"] as? Double == 285)
        #expect(rows.first?["target"] as? Double == 236)
    }

    @Test(arguments: [
        ("service,numerator,denominator\nA,3,10\nB,0,0\n", "services.csv:3:3: denominator is 0"),
        ("service,numerator,denominator\nA,3,10\nB,12,10\n", "services.csv:3:2: numerator 12 is above the denominator 10"),
        ("service,numerator,denominator\nA,-3,10\n", "services.csv:2:2: numerator must not be negative"),
        ("service,numerator,denominator\nA,3,-10\n", "services.csv:2:3: denominator must not be negative"),
        ("service,numerator,denominator\nA,3,10\nB,4,10\nA,5,10\n", "services.csv:4:1: service 'A' appears again (first on line 2)"),
        ("service,percent,denominator\nA,120,10\n", "services.csv:2:2: percent must lie between 0 and 100"),
        ("service,numerator,denominator\nA,three,10\n", "services.csv:2:2: expected a whole number"),
        ("service,numerator,denominator\n,3,10\n", "services.csv:2:1:"),
        ("service,count,denominator\nA,3,10\n", "services.csv:1: needs a 'numerator' or a 'percent' column"),
        ("service,numerator,denominator\n", "services.csv:1: no services"),
    ])
    func badFilesExitTwoNamingFileLineColumn(text: String, message: String) throws {
        let file = try Self.write(text)
        let result = try runCLI(["funnel", "--data", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--target", "40.1"], "--target must be a proportion strictly between 0 and 1"),
        (["--per", "1000"], "--per applies only to --measure rate"),
        (["--measure", "odds"], "--measure must be one of"),
        (["--limits", "exact"], "--limits must be one of"),
        (["--trim", "0.5"], "--trim must be a fraction in [0, 0.5)"),
        (["--measure", "rate", "--overdispersion-scale", "arcsine"], "arcsine is for proportions"),
        (["--measure", "ratio"], "missing column 'observed'"),
        (["--data", "/nonexistent/services.csv"], "no such file"),
    ])
    func badOptionsExitTwo(arguments: [String], message: String) throws {
        var words = ["funnel"]
        if !arguments.contains("--data") { words += ["--data", Self.example] }
        let result = try runCLI(words + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
    }

    @Test func overdispersionNeedsThreeServicesAndPooledZeroNeedsATarget() throws {
        let two = try Self.write("service,numerator,denominator\nA,3,10\nB,4,10\n")
        let od = try runCLI(["funnel", "--data", two.path, "--overdispersion"])
        #expect(od.status == 2)
        #expect(od.stderr.contains("needs at least 3 services"))
        let zero = try Self.write("service,numerator,denominator\nA,0,10\nB,0,12\n")
        let pooled = try runCLI(["funnel", "--data", zero.path])
        #expect(pooled.status == 2)
        #expect(pooled.stderr.contains("give one"))
        let given = try runCLI(["funnel", "--data", zero.path, "--target", "5%"])
        #expect(given.status == 0, "\(given.stderr)")
    }

    @Test func neverWritesOverTheInput() throws {
        let file = try Self.write("service,numerator,denominator\nA,3,10\nB,4,10\nC,5,12\n")
        let before = try String(contentsOf: file, encoding: .utf8)
        let svg = try runCLI(["funnel", "--data", file.path, "--svg", file.path])
        #expect(svg.status != 0)
        let output = try runCLI(["funnel", "--data", file.path, "--output", file.path, "--format", "csv"])
        #expect(output.status != 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == before)
    }

    /// The case end to end: observed 182 against expected 143.68 is high-95, not high-99.8,
    /// under every exact convention; the CSV carries P(X ≥ 182).
    @Test func observed182AgainstExpected143point68IsHigh95UnderEveryExactConvention() throws {
        let file = try Self.write("service,observed,expected\nA,182,143.68\nB,40,44.5\nC,3,0.75\n", name: "ratios.csv")
        for convention in ["spiegelhalter", "first-significant", "expected-ci"] {
            let result = try runCLI(["funnel", "--data", file.path, "--measure", "ratio", "--limits", convention, "--format", "csv"])
            #expect(result.status == 0, "\(result.stderr)")
            let rows = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
            let a = try #require(rows.first { $0.hasPrefix("A,") })
            #expect(a.contains(",high-95,"), "\(convention): \(a)")
            #expect(a.contains(",143.68,"), "\(a)")
            #expect(a.contains("0.0011695919"), "\(a)")
            // No overdispersion correction was asked for: the trimmed count is "NA", not an empty cell.
            #expect(a.hasSuffix(",\(convention),NA"), "\(a)")
        }
    }

    @Test func everyConventionDrawsAWellFormedChartWhoseCaptionNamesIt() throws {
        let file = try Self.write("service,observed,expected\nA,182,143.68\nB,40,44.5\nC,0,0.05\nD,6,0.8\n", name: "ratios.csv")
        for convention in ["spiegelhalter", "first-significant", "normal", "expected-ci"] {
            let svg = try temporaryFolder().appendingPathComponent("funnel-\(convention).svg")
            let result = try runCLI(["funnel", "--data", file.path, "--measure", "ratio", "--limits", convention, "--svg", svg.path])
            #expect(result.status == 0, "\(result.stderr)")
            let elements = try Self.svgElements(svg)
            #expect(elements.filter { $0.classes == "point" }.count == 3)
            #expect(elements.filter { $0.name == "polygon" && $0.classes == "point off-scale" }.count == 1, "C: observed 0, off the log scale")
            let text = try String(contentsOf: svg, encoding: .utf8)
            #expect(!text.contains("nan") && !text.contains("inf"), "\(convention)")
            #expect(result.stdout.contains(convention == "normal" ? "Flags follow these limits" : "Flags follow the exact Poisson tail"))
        }
    }

    @Test func overdispersionOptionsAreReported() throws {
        let result = try runCLI(["funnel", "--data", Self.example, "--overdispersion-scale", "arcsine", "--trim", "0.05",
                                 "--trim-method", "truncate", "--overdispersion-model", "multiplicative", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.allSatisfy { $0["phi"] is Double && $0["trimmed"] is Int })
        let text = try runCLI(["funnel", "--data", Self.example, "--overdispersion-scale", "log", "--trim-method", "truncate"])
        #expect(text.stdout.contains("Overdispersion (additive, log scale)"))
        #expect(text.stdout.contains("truncated at 10% in each tail"))
    }

    @Test func personYearRatesAcceptFractionalPopulations() throws {
        let file = try Self.write("service,numerator,denominator\nA,12,1500.5\nB,30,2200.25\nC,2,310.75\n", name: "rates.csv")
        let result = try runCLI(["funnel", "--data", file.path, "--measure", "rate", "--per", "1000", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(",1500.5,"))
        let proportion = try runCLI(["funnel", "--data", file.path])
        #expect(proportion.status == 2)
        #expect(proportion.stderr.contains("rates.csv:2:"))
    }
}
