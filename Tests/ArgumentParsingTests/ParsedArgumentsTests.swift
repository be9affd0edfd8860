import Testing
@testable import ArgumentParsing

@Suite("ParsedArguments")
struct ParsedArgumentsTests {
    static let count = Option<Int>("count", "n", help: "A count.", required: true)
    static let level = Option<Double>("level", "c", help: "A level.", default: 0.95)
    static let mode = Option<Mode>("mode", "m", help: "A mode.")
    static let tag = Option<String>("tag", "t", help: "Tags.", repeatable: true)
    static let verbose = Flag("verbose", help: "More output.")
    enum Mode: String, CaseIterable, ChoiceOptionValue { case fast, exact }

    let spec = CommandSpec(program: "tool", name: "demo", abstract: "Demo.", options: [
        count.spec, level.spec, mode.spec, tag.spec, verbose.spec,
    ], positionals: [PositionalSpec("FILE", help: "Input.", required: false, variadic: true)])

    @Test func parsesValuesFlagsAndPositionals() throws {
        let parsed = try ParsedArguments.parse(["a.csv", "--count", "3", "--verbose", "--mode=exact", "--tag", "x", "--tag", "y", "b.csv"], for: spec)
        #expect(try parsed.value(Self.count) == 3)
        #expect(try parsed.value(Self.level) == 0.95)
        #expect(try parsed.value(Self.mode) == .exact)
        #expect(try parsed.values(Self.tag) == ["x", "y"])
        #expect(parsed.isSet(Self.verbose))
        #expect(parsed.positionals == ["a.csv", "b.csv"])
    }

    @Test func negativeNumbersAreValues() throws {
        let parsed = try ParsedArguments.parse(["--count", "-3"], for: spec)
        #expect(try parsed.value(Self.count) == -3)
    }

    @Test func unknownOptionSuggestsNearest() {
        #expect(throws: UsageError("unknown option '--cuont' (did you mean '--count'?)")) {
            try ParsedArguments.parse(["--cuont", "3"], for: spec)
        }
        #expect(throws: UsageError("unknown option '-x'")) { try ParsedArguments.parse(["-x"], for: spec) }
    }

    @Test func missingAndRepeatedValues() {
        #expect(throws: UsageError("missing value for --count (expected n)")) { try ParsedArguments.parse(["--count"], for: spec) }
        #expect(throws: UsageError("missing value for --count (expected n)")) { try ParsedArguments.parse(["--count", "--verbose"], for: spec) }
        #expect(throws: UsageError("--count given more than once")) { try ParsedArguments.parse(["--count", "1", "--count", "2"], for: spec) }
        #expect(throws: UsageError("missing required option --count <n>")) { try ParsedArguments.parse([], for: spec) }
        #expect(throws: UsageError("--verbose is a flag and takes no value")) { try ParsedArguments.parse(["--count", "1", "--verbose=yes"], for: spec) }
    }

    @Test func choicesAreChecked() {
        #expect(throws: UsageError("--mode must be one of fast, exact; got 'exakt' (did you mean 'exact'?)")) {
            try ParsedArguments.parse(["--count", "1", "--mode", "exakt"], for: spec)
        }
    }

    @Test func typedAccessorsNameTheFlag() throws {
        let parsed = try ParsedArguments.parse(["--count", "1.5", "--level", "high"], for: spec)
        #expect(throws: UsageError("--count must be a whole number; got '1.5'")) { try parsed.value(Self.count) }
        #expect(throws: UsageError("--level must be a number; got 'high'")) { try parsed.value(Self.level) }
    }

    @Test func helpSkipsRequiredChecks() throws {
        let parsed = try ParsedArguments.parse(["--help"], for: spec)
        #expect(parsed.wantsHelp)
    }

    @Test func helpTextListsEverything() {
        let text = HelpFormatter.help(for: spec)
        #expect(text.contains("USAGE: tool demo [<FILE> ...] --count <n> [--level <c>]"))
        #expect(text.contains("(fast|exact)"))
        #expect(text.contains("(default: 0.95)"))
        #expect(text.contains("-h, --help"))
    }

    @Test(arguments: [("confidance", "confidence"), ("metod", "method"), ("popluation", "population"), ("of", "of")])
    func suggestionFindsTypos(typo: String, expected: String) {
        #expect(Suggestion.nearest(to: typo, among: ["confidence", "method", "population", "of", "yes"]) == expected)
    }

    @Test func suggestionRejectsUnrelatedWords() {
        #expect(Suggestion.nearest(to: "banana", among: ["confidence", "method"]) == nil)
        #expect(Suggestion.distance("ab", "ba") == 1)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }
}
