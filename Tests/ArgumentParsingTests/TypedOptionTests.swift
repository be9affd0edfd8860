import ArgumentParsing
import Testing

/// Typed option declarations (issue 14): an option is declared once, with its type and default,
/// and read back typed through the declaration, so a misspelt key cannot compile.
@Suite("Typed options")
struct TypedOptionTests {
    enum Shape: String, CaseIterable, ChoiceOptionValue {
        case round, square
        case longName = "long-name"
    }

    static let level = Option<Double>("level", "C", help: "A level.", default: 0.8)
    static let count = Option<Int>("count", "n", help: "A count.")
    static let shape = Option<Shape>("shape", "shape", help: "A shape.", default: .round)
    static let name = Option<String>("name", "TEXT", help: "A name.", required: true)
    static let tag = Option<String>("tag", "TAG", help: "A tag.", repeatable: true)
    static let even = Option<Int>("even", "n", help: "An even number.") { text, option in
        let value = try Int.parse(text, option: option)
        guard value % 2 == 0 else { throw UsageError("--\(option) must be even; got \(value)") }
        return value
    }
    static let loud = Flag("loud", help: "Shout.")

    static let spec = CommandSpec(program: "tool", name: "run", abstract: "Runs.",
                                  options: [level.spec, count.spec, shape.spec, name.spec, tag.spec, even.spec, loud.spec])

    func parse(_ words: [String]) throws -> ParsedArguments {
        try ParsedArguments.parse(words + ["--name", "x"], for: Self.spec)
    }

    func usageMessage(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let error as UsageError { return error.message } catch { return "\(error)" }
    }

    @Test func valuesAreReadBackTypedWithTheirDeclaredDefaults() throws {
        let defaults = try parse([])
        #expect(try defaults.value(Self.level) == 0.8)
        #expect(try defaults.required(Self.level) == 0.8)
        #expect(try defaults.value(Self.count) == nil)
        #expect(try defaults.required(Self.shape) == .round)
        #expect(try defaults.required(Self.name) == "x")
        #expect(!defaults.wasGiven(Self.level))
        #expect(!defaults.isSet(Self.loud))
        #expect(try defaults.values(Self.tag).isEmpty)

        let given = try parse(["--level=0.95", "--count", "10_000", "--shape", "long-name", "--tag", "a", "--tag", "b", "--loud", "--even", "4"])
        #expect(try given.required(Self.level) == 0.95)
        #expect(try given.value(Self.count) == 10_000)
        #expect(try given.required(Self.shape) == .longName)
        #expect(try given.values(Self.tag) == ["a", "b"])
        #expect(try given.value(Self.even) == 4)
        #expect(given.wasGiven(Self.level))
        #expect(given.isSet(Self.loud))
    }

    @Test func badValuesAreUsageErrorsNamingTheOption() throws {
        #expect(usageMessage { _ = try parse(["--level", "high"]).value(Self.level) } == "--level must be a number; got 'high'")
        #expect(usageMessage { _ = try parse(["--level", "inf"]).value(Self.level) } == "--level must be a number; got 'inf'")
        #expect(usageMessage { _ = try parse(["--count", "1.5"]).value(Self.count) } == "--count must be a whole number; got '1.5'")
        #expect(usageMessage { _ = try parse(["--even", "3"]).value(Self.even) } == "--even must be even; got 3")
        #expect(usageMessage { _ = try parse(["--shape", "sqare"]) } == "--shape must be one of round, square, long-name; got 'sqare' (did you mean 'square'?)")
        #expect(usageMessage { _ = try ParsedArguments.parse([], for: Self.spec) } == "missing required option --name <TEXT>")
        #expect(usageMessage { _ = try parse([]).required(Self.count) } == "missing required option --count <n>")
    }

    @Test func theDeclarationWritesTheHelpDefaultAndChoicesOnce() {
        #expect(Self.level.spec.defaultValue == "0.8")
        #expect(Option<Double>("margin", "E", help: "", default: 0.05).spec.defaultValue == "0.05")
        #expect(Self.shape.spec.defaultValue == "round")
        #expect(Self.shape.spec.choices == ["round", "square", "long-name"])
        #expect(Self.count.spec.defaultValue == nil)
        #expect(Self.count.spec.choices == nil)
        #expect(Self.name.spec.isRequired)
        #expect(Self.tag.spec.isRepeatable)
        #expect(Self.loud.spec.isFlag)
        let help = HelpFormatter.help(for: Self.spec, width: 100)
        #expect(help.contains("--level <C>"))
        #expect(help.contains("A level. (default: 0.8)"))
        #expect(help.contains("A shape. (round|square|long-name) (default: round)"))
    }

    @Test func everyDefaultTextReadsBackAsTheDefault() throws {
        for value in [0.8, 0.05, 0.95, 1e-3, 0.1 + 0.2, 123_456.789, 100_000, 1e20, -2.5] {
            #expect(try Double.parse(value.optionText, option: "x") == value)
        }
        #expect(100_000.0.optionText == "100000")
        #expect((-3.0).optionText == "-3")
        #expect(1e20.optionText == "1e+20")
        for value in [0, 1, -7, Int.max] { #expect(try Int.parse(value.optionText, option: "x") == value) }
        #expect(try [String].parse(" age , sex ", option: "x") == ["age", "sex"])
        #expect(try [String].parse("age,,sex", option: "x") == ["age", "sex"])
        #expect(try [String].parse("age, ,sex", option: "x") == ["age", "", "sex"])
        #expect(["age", "sex"].optionText == "age,sex")
        for shape in Shape.allCases { #expect(try Shape.parse(shape.optionText, option: "x") == shape) }
    }
}
