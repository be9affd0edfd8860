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
                           options: [count.spec, level.spec, mode.spec, tag.spec, verbose.spec],
                           positionals: [PositionalSpec("FILE", help: "Input.", required: true), PositionalSpec("OUT", help: "Output.", required: false)])

    static let count = Option<Int>("count", "n", help: "A count.", required: true)
    static let level = Option<Double>("level", "c", help: "A level, with a description long enough to wrap at a width of sixty characters.",
                                      default: 0.95)
    static let mode = Option<Mode>("mode", "m", help: "A mode.")
    static let tag = Option<String>("tag", "t", help: "Tags.", repeatable: true)
    static let verbose = Flag("verbose", help: "More output.")

    func parse(_ words: [String]) throws -> ParsedArguments { try ParsedArguments.parse(words, for: spec) }

    @Test func inlineValuesMayHoldEqualsSignsAndBeEmpty() throws {
        let parsed = try parse(["in.csv", "--count=3", "--tag=a=b", "--tag="])
        #expect(try parsed.value(Self.count) == 3)
        #expect(try parsed.values(Self.tag) == ["a=b", ""])
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try parse(["--count", "1", "--", "--verbose", "-x"])
        #expect(parsed.positionals == ["--verbose", "-x"])
        #expect(!parsed.isSet(Self.verbose))
    }

    @Test func aSingleDashAndNegativeNumbersArePositionalsOrValues() throws {
        let parsed = try parse(["-", "--count", "-12", "--level", "-0.5"])
        #expect(parsed.positionals == ["-"])
        #expect(try parsed.value(Self.count) == -12)
        #expect(try parsed.value(Self.level) == -0.5)
    }

    @Test func aRepeatableOptionKeepsEveryValueInOrderAndOthersRefuseASecond() throws {
        let parsed = try parse(["f", "--count", "1", "--tag", "x", "--tag=y", "--tag", "z"])
        #expect(try parsed.values(Self.tag) == ["x", "y", "z"])
        #expect(try parsed.value(Self.tag) == "z")
        #expect(throws: UsageError("--mode given more than once")) { try parse(["f", "--count", "1", "--mode", "fast", "--mode=exact"]) }
    }

    @Test func defaultsAreReadBackButDoNotCountAsGiven() throws {
        let parsed = try parse(["f", "--count", "1"])
        #expect(try parsed.value(Self.level) == 0.95 && !parsed.wasGiven(Self.level))
        #expect(try parsed.value(Self.mode) == nil && !parsed.wasGiven(Self.mode))
        #expect(try parsed.values(Self.tag).isEmpty)
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
        let version = Option<String>("version", "v", help: "A version.")
        let own = CommandSpec(program: "tool", name: "pin", abstract: "Pin.", options: [version.spec])
        let parsed = try ParsedArguments.parse(["--version", "2"], for: own)
        #expect(try !parsed.wantsVersion && parsed.value(version) == "2")
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
        #expect(try parsed.value(Self.count) == 1000)
        #expect(throws: UsageError("--level must be a number; got 'inf'")) { try parsed.value(Self.level) }
        #expect(try parsed.value(Self.mode) == .fast)
        #expect(parsed.declares("mode") && !parsed.declares("mood"))
    }

    /// A default is declared once, in the option, and read back typed: no second `?? 0.95`.
    @Test func requiredReadsTakeTheDeclaredDefaultOrNameTheOption() throws {
        let parsed = try parse(["f", "--count", "7"])
        #expect(try parsed.required(Self.level) == 0.95)
        #expect(try parsed.required(Self.count) == 7)
        #expect(throws: UsageError("missing required option --mode <m>")) { try parsed.required(Self.mode) }
        #expect(try ParsedArguments.parse(["f", "--count", "7", "--mode", "exact"], for: spec).required(Self.mode) == .exact)
        #expect(throws: UsageError("--level must be a number; got 'x'")) {
            try ParsedArguments.parse(["f", "--count", "7", "--level", "x"], for: spec).required(Self.level)
        }
    }

    enum Mode: String, CaseIterable, ChoiceOptionValue { case fast, exact }

    /// A list keeps an item of spaces only (as an empty item, for the command to reject with its
    /// own words) and drops a trailing comma; commands that want only names filter the empties.
    @Test func listsAreTrimmedAndKeepSpacesOnlyItemsAsEmpty() throws {
        let stages = Option<[String]>("stages", "list", help: "Stages.")
        let own = CommandSpec(program: "tool", name: "list", abstract: "List.", options: [stages.spec])
        #expect(try ParsedArguments.parse(["--stages", " arrest, ,court ,"], for: own).value(stages) == ["arrest", "", "court"])
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
