import Foundation
import Testing
@testable import YJStat

/// The library writes no command-line wording: its texts name parameters with
/// ``Parameter/mention``, which a library user reads in the library's words
/// (``Parameter/libraryWording(_:)``) and the command line as its flags.
@Suite("Parameter wording")
struct ParameterWordingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Datasets/examples")

    /// String literals in library code that may say a flag, by file and the flag, with the reason.
    static let allowed: [(file: String, flag: String, reason: String)] = [
        ("LinearAlgebra/LinearAlgebraError.swift", "--traits", "a flag of `swift build` (the package's LAPACKE trait), not of yjstat"),
    ]

    // MARK: the scan

    @Test func noStringLiteralInTheLibraryWritesACommandLineFlag() throws {
        let folder = Self.root.appendingPathComponent("Sources/YJStat")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 100, "the scan found \(files.count) files under \(folder.path)")
        var found: [String] = []
        for url in files {
            let name = String(url.path.dropFirst(folder.path.count + 1))
            for literal in SwiftLiterals.strings(in: try String(contentsOf: url, encoding: .utf8)) {
                guard let match = literal.text.firstMatch(of: /--[a-z][a-z-]*/) else { continue }
                if Self.allowed.contains(where: { $0.file == name && String(match.output).hasPrefix($0.flag) }) { continue }
                found.append("\(name):\(literal.line): \(literal.text)")
            }
        }
        #expect(found.isEmpty, "library text writes a flag; mention the parameter (Parameter.mention) instead:\n\(found.joined(separator: "\n"))")
    }

    @Test func theScannerSeesLiteralsInsideInterpolationsAndSkipsComments() {
        let source = #"""
        // a comment "--comment"
        /// a doc comment "--doc"
        let a = "plain --one" // trailing "--trailing"
        let b = "x \(flag ? "--two" : "y") z"
        let c = """
            multi --three
            """
        /* block "--block" */
        let d = #"raw --four"#
        let e = "escaped \" --five"
        let f = "funnel-\(id)-domain"
        """#
        let texts = SwiftLiterals.strings(in: source).map(\.text).joined(separator: "|")
        for word in ["--one", "--two", "--three", "--four", "--five"] { #expect(texts.contains(word), "\(word) in \(texts)") }
        for word in ["--comment", "--doc", "--trailing", "--block", "--domain"] { #expect(!texts.contains(word), "\(word) in \(texts)") }
        #expect(SwiftLiterals.strings(in: source).first { $0.text.contains("--two") }?.line == 4)
        #expect(SwiftLiterals.strings(in: "let a = \"\"\"\n    one \\\n    two\n    \"\"\"\nlet b = \"three\"\n").last?.line == 5)
    }

    // MARK: library renderings

    /// `text` mentions `parameter`, and in the library's words says `` `name` `` followed by `then`.
    func expectLibraryWording(_ text: String, _ parameter: Parameter, then: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(text.contains(parameter.mention), "no \(parameter.mention) in \(text)", sourceLocation: sourceLocation)
        let words = Parameter.libraryWording(text)
        #expect(words.contains("`\(parameter.rawValue)`\(then)"), "\(words)", sourceLocation: sourceLocation)
        #expect(!words.contains("\u{27EA}") && !words.contains("\u{27EB}"), "\(words)", sourceLocation: sourceLocation)
        #expect(words.firstMatch(of: /--[a-z]/) == nil, "\(words)", sourceLocation: sourceLocation)
    }

    static func counts(_ name: String) throws -> CSVTable { try CSVReader.read(contentsOf: examples.appendingPathComponent(name)) }

    @Test func disclosureMethodsAndNotesMentionReferenceAndTheSuppressionReport() throws {
        let table = try CountsTable(csv: try Self.counts("counts.csv"), options: CountsTable.Options(unknownLabel: "Unknown"))
        let report = try DisproportionalityAnalysis.run(table, options: DisproportionalityOptions(reference: .rest, suppressBelow: 5))
        expectLibraryWording(report.methods.joined(separator: "\n"), .reference, then: " rest every reference count gives it away")
        expectLibraryWording(report.readerWarnings.joined(separator: "\n"), .suppressionReport, then: " lists them and why")
    }

    @Test func boardPackWithoutNationalUnknownOrSuppressionMentionsThem() throws {
        let text = "group,population,arrest,court\nWhite,1000,40,10\nBlack,200,20,6\n"
        let pack = try BoardPack.build(counts: try CSVReader.parse(text, source: "t.csv"), countsOptions: CountsTable.Options(),
                                       options: BoardPackOptions())
        let markdown = pack.markdown()
        expectLibraryWording(markdown, .suppressBelow, then: " given)")
        expectLibraryWording(markdown, .national, then: " FILE, a counts table in the same form")
        expectLibraryWording(markdown, .unknownLabel, then: " NAME)")
        expectLibraryWording(markdown, .html, then: " FILE.)")
        let html = pack.html()
        #expect(html.contains(Parameter.national.mention) && html.contains(Parameter.unknownLabel.mention))
    }

    @Test func representationMethodsMentionTheTotals() {
        let methods = Representation.methods.joined(separator: "\n")
        expectLibraryWording(methods, .serviceTotal, then: "):")
        expectLibraryWording(methods, .comparatorTotal, then: " as well):")
    }

    @Test func aggregationSummaryMentionsTheFilter() throws {
        let scanner = StreamingCSVScanner(keyColumns: ["stage"], filters: [ColumnFilter(column: "year", value: "2023")])
        let result = try scanner.aggregate(bytes: Array("stage,year\narrest,2023\ncourt,2022\n".utf8), source: "r.csv")
        #expect(Parameter.libraryWording(result.summaryLine) == "r.csv: 2 rows read; 1 counted in 1 groups; 1 excluded by `filter`; 0 skipped as malformed")
        expectLibraryWording(result.summaryLine, .filter, then: "; 0 skipped")
    }

    @Test func yearMismatchWarningMentionsTheFilterWithItsValue() throws {
        let population = try ServicePopulation(csv: try CSVReader.parse("service,group,population\nleeds,White,100\n", source: "p.csv"))
        let warning = try #require(population.yearMismatchWarning(["2022", "2023"], recordsSource: "r.csv", yearColumn: "year"))
        expectLibraryWording(warning, .filter, then: " year=2023 (or a range, `filter` year=2022..2023,")
    }

    @Test func referenceWithoutRatesMentionsPer() throws {
        let reference = try CSVReader.parse("age,foo\n10,1\n", source: "ref.csv")
        let error = try #require(throws: InputError.self) { try StandardisationInput.readReference(reference, strata: ["age"], per: 100_000) }
        expectLibraryWording(error.message, .per, then: ")")
        #expect(error.description.contains("a 'rate' column (per `per`)"), "\(error)")
    }

    @Test func missingPopulationStageMentionsThePopulationFile() throws {
        let error = try #require(throws: InputError.self) {
            try CountsTable(csv: try Self.counts("counts.csv"), options: CountsTable.Options(populationStage: "nothere", unknownLabel: "Unknown"))
        }
        expectLibraryWording(error.message, .populationFile, then: " FILE does)")
        expectLibraryWording(error.message, .populationStage, then: ", or add")
    }

    @Test func aCSVCellBeginningWithAMentionIsNeutralised() {
        let cell = "\(Parameter.filter.mention) year=2023"
        #expect(CSVWriter.neutralised(cell) == "'" + cell)
        #expect(CSVWriter.neutralised("by \(Parameter.filter.mention)") == "by \(Parameter.filter.mention)")
    }
}

/// The string literals of Swift source, outside comments: each literal's text (each
/// interpolation written as "…", its own literals listed separately) and the line it starts on.
enum SwiftLiterals {
    struct Literal {
        var text: String
        var line: Int
    }

    private enum Frame {
        /// Code, `depth` open parentheses deep (inside an interpolation: closed by the `)` at depth 0).
        case code(depth: Int, interpolation: Bool)
        /// A string literal, multi-line or not, with `hashes` `#` signs (raw), begun on `line`;
        /// its text so far is the innermost of `texts`.
        case string(multiline: Bool, hashes: Int, line: Int)
    }

    static func strings(in source: String) -> [Literal] {
        let s = Array(source.unicodeScalars)
        var i = 0, line = 1
        var stack: [Frame] = [.code(depth: 0, interpolation: false)]
        var texts: [String] = []
        var out: [Literal] = []
        func at(_ k: Int, _ text: String) -> Bool {
            var j = k
            for scalar in text.unicodeScalars {
                guard j < s.count, s[j] == scalar else { return false }
                j += 1
            }
            return true
        }
        while i < s.count {
            let c = s[i]
            switch stack[stack.count - 1] {
            case let .code(depth, interpolation):
                if c == "/", at(i, "//") {
                    while i < s.count, s[i] != "\n" { i += 1 }
                    continue
                }
                if c == "/", at(i, "/*") {
                    i += 2
                    while i < s.count, !at(i, "*/") { if s[i] == "\n" { line += 1 }; i += 1 }
                    i += 2
                    continue
                }
                var hashes = 0
                while i + hashes < s.count, s[i + hashes] == "#" { hashes += 1 }
                if i + hashes < s.count, s[i + hashes] == "\"" {
                    let multiline = at(i + hashes, "\"\"\"")
                    stack.append(.string(multiline: multiline, hashes: hashes, line: line))
                    texts.append("")
                    i += hashes + (multiline ? 3 : 1)
                    continue
                }
                if c == "(" { stack[stack.count - 1] = .code(depth: depth + 1, interpolation: interpolation) }
                if c == ")" {
                    if depth == 0, interpolation { stack.removeLast(); i += 1; continue }
                    stack[stack.count - 1] = .code(depth: max(0, depth - 1), interpolation: interpolation)
                }
                if c == "\n" { line += 1 }
                i += max(1, hashes)
            case let .string(multiline, hashes, start):
                if c == "\"", at(i, (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)) {
                    stack.removeLast()
                    out.append(Literal(text: texts.removeLast(), line: start))
                    i += (multiline ? 3 : 1) + hashes
                    continue
                }
                if c == "\\", at(i + 1, String(repeating: "#", count: hashes)) {
                    let next = i + 1 + hashes
                    if next < s.count, s[next] == "(" {
                        // The interpolated value stands as "…", so "a-\(x)-b" is not read as "a--b".
                        texts[texts.count - 1].unicodeScalars.append("\u{2026}")
                        stack.append(.code(depth: 0, interpolation: true))
                        i = next + 1
                        continue
                    }
                    if next < s.count {
                        if s[next] == "\n" { line += 1 }
                        texts[texts.count - 1].unicodeScalars.append(s[next])
                    }
                    i = next + 1
                    continue
                }
                if c == "\n" { line += 1 }
                texts[texts.count - 1].unicodeScalars.append(c)
                i += 1
            }
        }
        return out
    }
}
