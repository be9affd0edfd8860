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

    /// The parameter written into a message ("name it with \(Parameter.populationStage.mention)"):
    /// a reader sees it in the library's words (`` `populationStage` ``, ``InputError/description``)
    /// or, from the command-line tool, as the flag that sets it.
    public var mention: String { "\u{27EA}\(rawValue)\u{27EB}" }

    /// `text` with every ``mention`` written as `name(parameter)`.
    public static func resolvingMentions(in text: String, _ name: (Parameter) -> String) -> String {
        guard text.contains("\u{27EA}") else { return text }
        return text.replacing(/\u{27EA}([^\u{27EB}]*)\u{27EB}/) { name(Parameter(rawValue: String($0.output.1))) }
    }

    /// `text` with every ``mention`` in the library's words: the parameter's name in backquotes.
    public static func libraryWording(_ text: String) -> String {
        resolvingMentions(in: text) { "`\($0.rawValue)`" }
    }

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
    /// `CountsTable.Options.populationStage`: the stage holding the population base.
    public static let populationStage: Parameter = "populationStage"
    /// The column naming the group, where the table calls it something else.
    public static let groupColumn: Parameter = "groupColumn"
    /// A model's record filter (`among`).
    public static let among: Parameter = "among"
    /// A model's terms.
    public static let terms: Parameter = "terms"
    /// A model term's reference level (TERM=LEVEL).
    public static let termReference: Parameter = "termReference"
    /// Firth's penalised likelihood for a model.
    public static let firth: Parameter = "firth"
    /// `DisproportionalityOptions.suppressBelow`: the disclosure-control threshold (counts from 1
    /// to one under it are hidden).
    public static let suppressBelow: Parameter = "suppressBelow"
    /// `DisproportionalityReport.suppressionReportRows(service:)`: every hidden cell and why it is hidden.
    public static let suppressionReport: Parameter = "suppressionReport"
    /// `BoardPack.build(counts:countsOptions:national:options:)`'s `national`: national counts in
    /// the same form as the local ones, to compare the local RRIs with.
    public static let national: Parameter = "national"
    /// `BoardPack.html()`: the board pack as an HTML page, the one that draws the charts.
    public static let html: Parameter = "html"
    /// `Representation`'s `serviceTotal`: the number of children the service percentage is of.
    public static let serviceTotal: Parameter = "serviceTotal"
    /// `Representation`'s `comparatorTotal`: the number of children the comparator percentage is of.
    public static let comparatorTotal: Parameter = "comparatorTotal"
    /// The rate base: rates are per this many units of the denominator (per 100,000 by default).
    public static let per: Parameter = "per"
    /// `DisproportionalityCountsExport`'s `population`: a population file (service, group,
    /// population, optionally year) whose rows are added to the counts as the population stage.
    public static let populationFile: Parameter = "populationFile"
}
