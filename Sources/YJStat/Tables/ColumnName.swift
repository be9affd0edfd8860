/// A column a command reads, with the other names analysts give it.
///
/// Header cells are matched case-, space- and punctuation-insensitively
/// (``CSVTable/normalizedColumnName(_:)``), so `Group`, `GROUP` and ` group ` are all `group`;
/// the aliases add the names spreadsheets use (`Ethnicity`, `Ethnic group`). Each command's help
/// lists the aliases of the columns it reads (``helpText``).
public struct ColumnName: Sendable, Equatable {
    /// The name the code uses.
    public var canonical: String
    /// Other accepted names.
    public var aliases: [String]

    /// Creates a column name.
    public init(_ canonical: String, aliases: [String] = []) {
        self.canonical = canonical
        self.aliases = aliases
    }

    /// The group compared (usually ethnic group).
    public static let group = ColumnName("group", aliases: ["ethnicity", "ethnic group", "ethnic_group", "ethnic origin", "ethnicity group"])
    /// A stage of the youth justice system.
    public static let stage = ColumnName("stage", aliases: ["outcome", "stage name", "outcome type"])
    /// A count of children.
    public static let count = ColumnName("count", aliases: ["n", "number", "children", "number of children"])
    /// A population base.
    public static let population = ColumnName("population", aliases: ["pop", "population 10-17", "population 10 to 17",
                                                                      "10-17 population", "population aged 10-17"])
    /// A youth justice service.
    public static let service = ColumnName("service", aliases: ["yjs", "yos", "yot", "youth justice service"])
    /// A year.
    public static let year = ColumnName("year")

    /// `group (also: ethnicity, ethnic group, …)` for help text.
    public var helpText: String {
        aliases.isEmpty ? canonical : "\(canonical) (also: \(aliases.joined(separator: ", ")))"
    }
}

extension ColumnName {
    /// The header cell a column name given on the command line refers to: the exact name, else
    /// the one cell equal to it after ``CSVTable/normalizedColumnName(_:)``; `nil` when none (or
    /// several) match.
    public static func match(_ name: String, in header: [String]) -> String? {
        if header.contains(name) { return name }
        let wanted = CSVTable.normalizedColumnName(name)
        let matches = header.filter { CSVTable.normalizedColumnName($0) == wanted }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The header cell for this column: the first of the canonical name and the aliases that
    /// ``match(_:in:)`` finds.
    public func match(in header: [String]) -> String? {
        for name in [canonical] + aliases { if let found = ColumnName.match(name, in: header) { return found } }
        return nil
    }
}
