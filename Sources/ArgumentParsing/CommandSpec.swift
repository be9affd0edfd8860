/// One named option of a command: `--name VALUE` (or `--name=VALUE`), or a flag `--name`.
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes (`confidence` for `--confidence`).
    public var name: String
    /// The placeholder shown in help for the value (`C`), or `nil` for a flag that takes none.
    public var valueName: String?
    /// One-line description for help.
    public var help: String
    /// The default shown in help, if any.
    public var defaultValue: String?
    /// Allowed values, shown in help and checked when parsing (``ChoiceOptionValue``).
    public var choices: [String]?
    /// Whether the option must be given.
    public var isRequired: Bool
    /// Whether the option may be given more than once.
    public var isRepeatable: Bool

    /// Creates an option that takes a value.
    public static func value(_ name: String, _ valueName: String, help: String, default defaultValue: String? = nil,
                             choices: [String]? = nil, required: Bool = false, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, defaultValue: defaultValue, choices: choices,
                   isRequired: required, isRepeatable: repeatable)
    }

    /// Creates a flag (no value).
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, defaultValue: nil, choices: nil, isRequired: false, isRepeatable: false)
    }

    /// Whether this option is a flag that takes no value.
    public var isFlag: Bool { valueName == nil }
}

/// A positional argument of a command (such as an input file).
public struct PositionalSpec: Sendable, Equatable {
    /// The placeholder shown in help (`FILE`).
    public var name: String
    /// One-line description for help.
    public var help: String
    /// Whether at least one must be given.
    public var isRequired: Bool
    /// Whether several may be given.
    public var isVariadic: Bool

    /// Creates a positional argument.
    public init(_ name: String, help: String, required: Bool = true, variadic: Bool = false) {
        self.name = name
        self.help = help
        self.isRequired = required
        self.isVariadic = variadic
    }
}

/// Everything a command accepts, and the text of its help.
public struct CommandSpec: Sendable {
    /// The program name (`yjstat`).
    public var program: String
    /// The subcommand name (`interval`).
    public var name: String
    /// One-line summary shown in the command list.
    public var abstract: String
    /// Longer explanation shown in `--help`, after the usage line.
    public var discussion: String
    /// Worked examples shown at the end of `--help`.
    public var examples: [String]
    /// Options in help order. `--help` is always accepted and need not be listed.
    public var options: [OptionSpec]
    /// Positional arguments in order.
    public var positionals: [PositionalSpec]

    /// Creates a command specification.
    public init(program: String, name: String, abstract: String, discussion: String = "", examples: [String] = [],
                options: [OptionSpec], positionals: [PositionalSpec] = []) {
        self.program = program
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.examples = examples
        self.options = options
        self.positionals = positionals
    }

    /// The option with this long name, if declared.
    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}
