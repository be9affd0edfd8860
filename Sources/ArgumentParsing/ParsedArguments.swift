import Foundation

/// The options, flags and positionals of one command line, with typed accessors whose errors
/// name the option.
public struct ParsedArguments: Sendable {
    /// The command this was parsed for.
    public let spec: CommandSpec
    /// Values by option name, in the order given.
    public private(set) var values: [String: [String]]
    /// Flags that were given.
    public private(set) var flags: Set<String>
    /// Positional arguments in order.
    public private(set) var positionals: [String]
    /// Whether `--help` or `-h` was given.
    public private(set) var wantsHelp: Bool
    /// Whether `--version` was given (and the command declares no option of that name).
    public private(set) var wantsVersion: Bool = false

    /// Parses `arguments` (the words after the subcommand name) against `spec`.
    ///
    /// Accepts `--name value` and `--name=value`; `--` ends options. Unknown options are
    /// rejected with the nearest valid name suggested; a value-taking option at the end of the
    /// line or followed by another `--option` is reported as missing its value. `--help` (`-h`)
    /// and `--version` skip the checks of required options and positionals.
    ///
    /// - Throws: ``UsageError``.
    public static func parse(_ arguments: [String], for spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments(spec: spec, values: [:], flags: [], positionals: [], wantsHelp: false)
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" || isNegativeNumber(word) {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            if word == "--help" || word == "-h" { parsed.wantsHelp = true; continue }
            if word == "--version", spec.option(named: "version") == nil { parsed.wantsVersion = true; continue }
            guard word.hasPrefix("--") else {
                throw UsageError("unknown option '\(word)'" + hint(for: String(word.dropFirst()), in: spec))
            }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = spec.option(named: name) else {
                throw UsageError("unknown option '--\(name)'" + hint(for: name, in: spec))
            }
            if option.isFlag {
                if inlineValue != nil { throw UsageError("--\(name) is a flag and takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !(arguments[index].hasPrefix("--") && arguments[index].count > 2) {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("missing value for --\(name) (expected \(option.valueName ?? "a value"))")
            }
            if parsed.values[name] != nil && !option.isRepeatable {
                throw UsageError("--\(name) given more than once")
            }
            parsed.values[name, default: []].append(value)
        }
        if parsed.wantsHelp || parsed.wantsVersion { return parsed }
        for option in spec.options where option.isRequired && parsed.values[option.name] == nil {
            throw UsageError("missing required option --\(option.name) <\(option.valueName ?? "value")>")
        }
        let declared = spec.positionals
        let variadic = declared.last?.isVariadic ?? false
        if !variadic && parsed.positionals.count > declared.count {
            let extra = parsed.positionals[declared.count]
            throw UsageError("unexpected argument '\(extra)'")
        }
        let required = declared.filter(\.isRequired).count
        if parsed.positionals.count < required {
            throw UsageError("missing argument \(declared[parsed.positionals.count].name)")
        }
        for option in spec.options {
            if let choices = option.choices, let given = parsed.values[option.name] {
                for value in given where !choices.contains(value) {
                    var message = "--\(option.name) must be one of \(choices.joined(separator: ", ")); got '\(value)'"
                    if let near = Suggestion.nearest(to: value, among: choices) { message += " (did you mean '\(near)'?)" }
                    throw UsageError(message)
                }
            }
        }
        return parsed
    }

    private static func hint(for name: String, in spec: CommandSpec) -> String {
        if let near = Suggestion.nearest(to: name, among: spec.options.map(\.name) + ["help"]) {
            return " (did you mean '--\(near)'?)"
        }
        return ""
    }

    private static func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-") && Double(word) != nil
    }

    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool {
        checkDeclared(name)
        return flags.contains(name)
    }

    /// Whether a value option was given.
    public func has(_ name: String) -> Bool {
        checkDeclared(name)
        return values[name] != nil
    }

    /// The last value given for an option, or its declared default.
    public func string(_ name: String) -> String? {
        checkDeclared(name)
        return values[name]?.last ?? spec.option(named: name)?.defaultValue
    }

    /// All values given for a repeatable option.
    public func strings(_ name: String) -> [String] {
        checkDeclared(name)
        return values[name] ?? []
    }

    /// Whether the command declares an option of this name: the way to ask before reading an
    /// option that only some commands have.
    public func declares(_ name: String) -> Bool { spec.option(named: name) != nil }

    /// A name read back must be one the command declares: a misspelt key (`arguments.int("yse")`)
    /// would otherwise read as "not given". A failed assertion in debug builds, so that every
    /// test reaching the read fails; release builds read it as not given.
    private func checkDeclared(_ name: String) {
        assert(declares(name), "\(spec.name): reads option --\(name), which it does not declare")
    }

    /// The value of a required option; throws naming it when absent.
    public func required(_ name: String) throws -> String {
        guard let value = string(name) else { throw UsageError("missing required option --\(name)") }
        return value
    }

    /// The option as a whole number, if given; throws naming the option if it is not one.
    public func int(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw UsageError("--\(name) must be a whole number; got '\(text)'")
        }
        return value
    }

    /// The option as a finite decimal number, if given; throws naming the option if not.
    public func double(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw UsageError("--\(name) must be a number; got '\(text)'")
        }
        return value
    }

    /// The option as a number, given or its declared default: the default is declared once, in
    /// the option's ``OptionSpec``, and read back here.
    ///
    /// - Throws: ``UsageError`` naming the option when the value is not a finite number, or when
    ///   it was not given and declares no default.
    public func requiredDouble(_ name: String) throws -> Double {
        guard let value = try double(name) else { throw UsageError("missing required option --\(name)") }
        return value
    }

    /// The option as a whole number, given or its declared default (see ``requiredDouble(_:)``).
    public func requiredInt(_ name: String) throws -> Int {
        guard let value = try int(name) else { throw UsageError("missing required option --\(name)") }
        return value
    }

    /// The option as a member of an enumeration, given or its declared default (see
    /// ``requiredDouble(_:)``).
    public func requiredChoice<Choice: RawRepresentable>(_ name: String, as type: Choice.Type = Choice.self) throws -> Choice
    where Choice.RawValue == String {
        guard let value = try choice(name, as: type) else { throw UsageError("missing required option --\(name)") }
        return value
    }

    /// A comma-separated list option (`--stages a,b,c`), trimmed, empty items dropped.
    public func list(_ name: String) -> [String]? {
        guard let text = string(name) else { return nil }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The option as a member of an enumeration whose raw values are the choices.
    public func choice<Choice: RawRepresentable>(_ name: String, as type: Choice.Type = Choice.self) throws -> Choice?
    where Choice.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = Choice(rawValue: text) else {
            throw UsageError("--\(name) has no value '\(text)'")
        }
        return value
    }
}
