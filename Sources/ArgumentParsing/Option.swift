import Foundation

/// A value an option can be read back as: parsed from its command-line text and shown as a
/// default in help.
public protocol OptionValue: Sendable {
    /// Parses the text given for `--name`.
    ///
    /// - Throws: ``UsageError`` naming `--name` when the text is not a value of this type.
    static func parse(_ text: String, option name: String) throws -> Self
    /// How a default value is written on the command line and in help.
    var optionText: String { get }
    /// The allowed values, for a type with a fixed set (shown in help, checked when parsing).
    static var choices: [String]? { get }
}

extension OptionValue {
    /// No fixed set of values.
    public static var choices: [String]? { nil }
}

extension String: OptionValue {
    /// The text as given.
    public static func parse(_ text: String, option name: String) throws -> String { text }
    /// The text itself.
    public var optionText: String { self }
}

extension Double: OptionValue {
    /// A finite decimal number (`0.95`, `1e-3`).
    public static func parse(_ text: String, option name: String) throws -> Double {
        guard let value = Double(text), value.isFinite else { throw UsageError("--\(name) must be a number; got '\(text)'") }
        return value
    }
    /// The shortest text that reads back as the same number: `0.8`, and `100000` (not
    /// `100000.0`) for a whole number below 10¹⁵.
    public var optionText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return "\(self)"
    }
}

extension Int: OptionValue {
    /// A whole number; `_` may group digits (`10_000`).
    public static func parse(_ text: String, option name: String) throws -> Int {
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw UsageError("--\(name) must be a whole number; got '\(text)'")
        }
        return value
    }
    /// The number in decimal.
    public var optionText: String { String(self) }
}

extension UInt64: OptionValue {
    /// A whole number from 0 to 2⁶⁴ − 1; `_` may group digits.
    public static func parse(_ text: String, option name: String) throws -> UInt64 {
        guard let value = UInt64(text.replacingOccurrences(of: "_", with: "")) else {
            throw UsageError("--\(name) must be a whole number from 0 to 18446744073709551615; got '\(text)'")
        }
        return value
    }
    /// The number in decimal.
    public var optionText: String { String(self) }
}

extension Array: OptionValue where Element == String {
    /// A comma-separated list (`age,sex`): the text between commas (`age,,sex` has two items),
    /// trimmed of spaces, in order; an item of spaces only is kept as an empty item, so that the
    /// command can say what is wrong with `age, ,sex`.
    public static func parse(_ text: String, option name: String) throws -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    /// The items joined by commas.
    public var optionText: String { joined(separator: ",") }
}

/// An enumeration read from an option whose choices are its raw values.
public protocol ChoiceOptionValue: OptionValue, RawRepresentable, CaseIterable where RawValue == String {}

extension ChoiceOptionValue {
    /// The case whose raw value is the text.
    public static func parse(_ text: String, option name: String) throws -> Self {
        guard let value = Self(rawValue: text) else { throw UsageError("--\(name) has no value '\(text)'") }
        return value
    }
    /// The raw value.
    public var optionText: String { rawValue }
    /// Every case's raw value, in declaration order.
    public static var choices: [String]? { allCases.map(\.rawValue) }
}

/// An option declared once, with its type, and read back typed: `arguments.value(confidence)`.
/// The declaration is the key, so a misspelt option is a compile error, and the default is
/// written once, as a value of the type (help shows it through ``OptionValue/optionText``).
///
/// Modelled on swift-argument-parser's `@Option`, without property wrappers: a command lists
/// ``spec`` among its ``CommandSpec/options`` and reads the value with
/// ``ParsedArguments/value(_:)`` or ``ParsedArguments/required(_:)``.
public struct Option<Value: OptionValue>: Sendable {
    /// The option as the parser and help see it.
    public let spec: OptionSpec
    /// The value used when the option is not given.
    public let defaultValue: Value?
    /// Reads the given text (``OptionValue/parse(_:option:)`` unless the declaration says otherwise).
    let parser: @Sendable (String, String) throws -> Value

    /// The long name without dashes.
    public var name: String { spec.name }

    /// Declares `--name VALUE`.
    ///
    /// - Parameters:
    ///   - name: The long name without dashes.
    ///   - valueName: The placeholder shown in help (`C`).
    ///   - help: One-line description.
    ///   - defaultValue: The value when not given (shown in help).
    ///   - required: Whether the option must be given.
    ///   - repeatable: Whether it may be given more than once (read all with ``ParsedArguments/values(_:)``).
    ///   - parse: A reader with further checks (a range, a count limit), called with the text and
    ///     the option's name; by default the type's own ``OptionValue/parse(_:option:)``.
    public init(_ name: String, _ valueName: String, help: String, default defaultValue: Value? = nil,
                required: Bool = false, repeatable: Bool = false,
                parse: (@Sendable (String, String) throws -> Value)? = nil) {
        spec = .value(name, valueName, help: help, default: defaultValue?.optionText, choices: Value.choices,
                      required: required, repeatable: repeatable)
        self.defaultValue = defaultValue
        parser = parse ?? { text, name in try Value.parse(text, option: name) }
    }
}

/// A flag (`--compare`) declared once and read back with ``ParsedArguments/isSet(_:)``.
public struct Flag: Sendable {
    /// The flag as the parser and help see it.
    public let spec: OptionSpec

    /// Declares `--name`.
    public init(_ name: String, help: String) { spec = .flag(name, help: help) }
}

extension ParsedArguments {
    /// The value given for `option` (the last, if repeated), or its declared default; nil when
    /// neither.
    ///
    /// - Throws: ``UsageError`` naming the option when the text is not a valid value.
    public func value<Value>(_ option: Option<Value>) throws -> Value? {
        checkDeclared(option.spec)
        guard let text = values[option.name]?.last else { return option.defaultValue }
        return try option.parser(text, option.name)
    }

    /// The value given or the default; throws naming the option when there is neither.
    public func required<Value>(_ option: Option<Value>) throws -> Value {
        guard let value = try value(option) else {
            throw UsageError("missing required option --\(option.name) <\(option.spec.valueName ?? "value")>")
        }
        return value
    }

    /// Every value given for a repeatable option, in order.
    public func values<Value>(_ option: Option<Value>) throws -> [Value] {
        checkDeclared(option.spec)
        return try (values[option.name] ?? []).map { try option.parser($0, option.name) }
    }

    /// Whether the option was given on the command line (a default does not count).
    public func wasGiven<Value>(_ option: Option<Value>) -> Bool {
        checkDeclared(option.spec)
        return values[option.name] != nil
    }

    /// Whether the flag was given.
    public func isSet(_ flag: Flag) -> Bool {
        checkDeclared(flag.spec)
        return flags.contains(flag.spec.name)
    }

    /// The declaration read back must be the one the command lists: a typed option from another
    /// command, or a second declaration of the same name that differs, fails an assertion in
    /// debug builds.
    func checkDeclared(_ option: OptionSpec) {
        assert(spec.option(named: option.name) == option,
               "\(spec.name): reads option --\(option.name), which it does not declare as read")
    }
}
