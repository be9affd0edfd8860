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

    /// Whether the command declares an option of this name: the way to ask before reading an
    /// option that only some commands have.
    public func declares(_ name: String) -> Bool { spec.option(named: name) != nil }
}
