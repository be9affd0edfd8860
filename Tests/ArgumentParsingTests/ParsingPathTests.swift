import Testing
@testable import ArgumentParsing

/// Every parsing path of ``ParsedArguments`` and the layout of ``HelpFormatter`` (issue 14):
/// inline values, `--`, repeats, suggestions, choices, required options and positionals,
/// `--version`, and help wrapped to a width.
@Suite("Parsing paths and help layout")
struct ParsingPathTests {
    let spec = CommandSpec(program: "tool", name: "demo", abstract: "Demonstrate every path of the parser for the tests that check it.",
                           discussion: """
                           A first paragraph that is written on lines much longer than a narrow terminal allows, so it must be joined and wrapped again.

                           Kept as written.

                             yjstat demo --count 3 --mode exact --tag a --tag b --tag c --tag d
                           """,
                           examples: ["tool demo --count 3"],
                           options: [
                               .value("count", "n", help: "A count.", required: true),
                               .value("level", "c", help: "A level, with a description long enough to wrap at a width of sixty characters.",
                                      default: "0.95"),
                               .value("mode", "m", help: "A mode.", choices: ["fast", "exact"]),
                               .value("tag", "t", help: "Tags.", repeatable: true),
                               .flag("verbose", help: "More output."),
                           ],
                           positionals: [PositionalSpec("FILE", help: "Input.", required: true), PositionalSpec("OUT", help: "Output.", required: false)])

    func parse(_ words: [String]) throws -> ParsedArguments { try ParsedArguments.parse(words, for: spec) }

    @Test func inlineValuesMayHoldEqualsSignsAndBeEmpty() throws {
        let parsed = try parse(["in.csv", "--count=3", "--tag=a=b", "--tag="])
        #expect(try parsed.int("count") == 3)
        #expect(parsed.strings("tag") == ["a=b", ""])
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try parse(["--count", "1", "--", "--verbose", "-x"])
        #expect(parsed.positionals == ["--verbose", "-x"])
        #expect(!parsed.flag("verbose"))
    }

    @Test func aSingleDashAndNegativeNumbersArePositionalsOrValues() throws {
        let parsed = try parse(["-", "--count", "-12", "--level", "-0.5"])
        #expect(parsed.positionals == ["-"])
        #expect(try parsed.int("count") == -12)
        #expect(try parsed.double("level") == -0.5)
    }

    @Test func aRepeatableOptionKeepsEveryValueInOrderAndOthersRefuseASecond() throws {
        let parsed = try parse(["f", "--count", "1", "--tag", "x", "--tag=y", "--tag", "z"])
        #expect(parsed.strings("tag") == ["x", "y", "z"])
        #expect(parsed.string("tag") == "z")
        #expect(throws: UsageError("--mode given more than once")) { try parse(["f", "--count", "1", "--mode", "fast", "--mode=exact"]) }
    }

    @Test func defaultsAreReadBackButDoNotCountAsGiven() throws {
        let parsed = try parse(["f", "--count", "1"])
        #expect(parsed.string("level") == "0.95" && !parsed.has("level"))
        #expect(parsed.string("mode") == nil && !parsed.has("mode"))
        #expect(parsed.strings("tag").isEmpty)
    }

    @Test func requiredOptionsAndPositionalsAreNamed() {
        #expect(throws: UsageError("missing required option --count <n>")) { try parse(["f"]) }
        #expect(throws: UsageError("missing argument FILE")) { try parse(["--count", "1"]) }
        #expect(throws: UsageError("unexpected argument 'c'")) { try parse(["a", "b", "c", "--count", "1"]) }
    }

    @Test func helpAndVersionSkipTheChecks() throws {
        #expect(try parse(["--help"]).wantsHelp)
        #expect(try parse(["-h", "--mode", "slow"]).wantsHelp, "help wins over a bad choice")
        let version = try parse(["--version"])
        #expect(version.wantsVersion && !version.wantsHelp)
    }

    @Test func aCommandMayDeclareItsOwnVersionOption() throws {
        let own = CommandSpec(program: "tool", name: "pin", abstract: "Pin.", options: [.value("version", "v", help: "A version.")])
        let parsed = try ParsedArguments.parse(["--version", "2"], for: own)
        #expect(!parsed.wantsVersion && parsed.string("version") == "2")
    }

    @Test func unknownOptionsAndChoicesSuggestTheNearest() {
        #expect(throws: UsageError("unknown option '--verbos' (did you mean '--verbose'?)")) { try parse(["f", "--count", "1", "--verbos"]) }
        #expect(throws: UsageError("unknown option '--hlep' (did you mean '--help'?)")) { try parse(["--hlep"]) }
        #expect(throws: UsageError("unknown option '--zzzzzz'")) { try parse(["--zzzzzz"]) }
        #expect(throws: UsageError("--mode must be one of fast, exact; got 'quick'")) { try parse(["f", "--count", "1", "--mode", "quick"]) }
        #expect(throws: UsageError("--mode must be one of fast, exact; got 'fats' (did you mean 'fast'?)")) {
            try parse(["f", "--count", "1", "--mode=fats"])
        }
    }

    @Test func typedReadsNameTheOption() throws {
        let parsed = try parse(["f", "--count", "1_000", "--level", "inf", "--mode", "fast"])
        #expect(try parsed.int("count") == 1000)
        #expect(throws: UsageError("--level must be a number; got 'inf'")) { try parsed.double("level") }
        enum Mode: String { case fast, exact }
        #expect(try parsed.choice("mode", as: Mode.self) == .fast)
        #expect(parsed.declares("mode") && !parsed.declares("mood"))
    }

    /// A default is declared once, in the option, and read back typed: no second `?? 0.95`.
    @Test func requiredReadsTakeTheDeclaredDefaultOrNameTheOption() throws {
        let parsed = try parse(["f", "--count", "7"])
        #expect(try parsed.requiredDouble("level") == 0.95)
        #expect(try parsed.requiredInt("count") == 7)
        #expect(throws: UsageError("missing required option --mode")) { try parsed.requiredChoice("mode", as: Mode.self) }
        #expect(try ParsedArguments.parse(["f", "--count", "7", "--mode", "exact"], for: spec).requiredChoice("mode", as: Mode.self) == .exact)
        #expect(throws: UsageError("--level must be a number; got 'x'")) {
            try ParsedArguments.parse(["f", "--count", "7", "--level", "x"], for: spec).requiredDouble("level")
        }
    }

    enum Mode: String { case fast, exact }

    @Test func listsAreTrimmedAndDropEmptyItems() throws {
        let own = CommandSpec(program: "tool", name: "list", abstract: "List.", options: [.value("stages", "list", help: "Stages.")])
        #expect(try ParsedArguments.parse(["--stages", " arrest, ,court ,"], for: own).list("stages") == ["arrest", "court"])
    }

    @Test func helpIsWrappedToTheWidthWithDescriptionsUnderTheirColumn() {
        let text = HelpFormatter.help(for: spec, width: 60)
        for line in text.split(separator: "\n") where !line.contains("yjstat demo --count 3 --mode exact") {
            #expect(line.count <= 60, "\(line.count): \(line)")
        }
        #expect(text.contains("OVERVIEW: Demonstrate every path of the parser for the tests\n          that check it."))
        #expect(text.contains("USAGE: tool demo <FILE> [<OUT>] --count <n> [--level <c>]\n       [--mode <m>] [--tag <t>] [--verbose]"))
        #expect(text.contains("\nA first paragraph that is written on lines much longer than\na narrow terminal allows"), "prose is joined and wrapped")
        #expect(text.contains("\n\nKept as written.\n\n"))
        #expect(text.contains("\n  --level <c>  A level, with a description long enough to\n               wrap at a width of sixty characters.\n               (default: 0.95)\n"), "\(text)")
        #expect(text.contains("  --version    Show the version.\n"))
        let wide = HelpFormatter.help(for: spec, width: 200)
        #expect(wide.contains("  --level <c>  A level, with a description long enough to wrap at a width of sixty characters. (default: 0.95)\n"))
    }

    @Test func theOverviewIsWrappedToo() {
        let text = HelpFormatter.overview(program: "tool", abstract: "An abstract long enough that a forty column terminal has to wrap it.",
                                          commands: [spec], footer: "", width: 40)
        for line in text.split(separator: "\n") { #expect(line.count <= 40 || !line.contains(" "), "\(line)") }
        #expect(text.hasPrefix("OVERVIEW: An abstract long enough that a\n          forty column terminal has to\n"))
    }
}
