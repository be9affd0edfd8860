/// The name of the library parameter an error is about: a function argument (`confidence`,
/// `successes`) or an option of a reader or analysis (``stages``, ``unknownLabel``,
/// ``reference``). Errors name parameters, never command-line flags; the command-line tool maps
/// each parameter to its flag in one place (`YJStatCLI/ParameterFlags.swift`).
///
/// A string literal is a parameter (`InvalidArgumentError("trials", …)`); the options that
/// several readers share have a name here, so a misspelling is a compile error.
public struct Parameter: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The parameter's name as in the function signature or options type.
    public var rawValue: String

    /// Creates a parameter name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a parameter name from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The name itself.
    public var description: String { rawValue }

    /// `CountsTable.Options.stages`: the stages to report, in order.
    public static let stages: Parameter = "stages"
    /// `CountsTable.Options.unknownLabel`: the unknown-ethnicity group.
    public static let unknownLabel: Parameter = "unknownLabel"
    /// `DisproportionalityOptions.reference`: the reference group, or the rest.
    public static let reference: Parameter = "reference"
    /// `ColumnFilter.filters(parsing:)`: a COLUMN=VALUE or COLUMN=FIRST..LAST filter.
    public static let filter: Parameter = "filter"
    /// A confidence level in (0, 1).
    public static let confidence: Parameter = "confidence"
}
