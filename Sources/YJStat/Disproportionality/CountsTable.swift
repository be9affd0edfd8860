/// Counts of children by group (usually ethnic group) at each stage of the youth justice system,
/// optionally split into strata (for example sex × age band), with one stage holding the
/// population base.
///
/// Read from CSV in either form:
///
/// - **long**: columns `group`, `stage`, `count` (plus any stratum columns), one row per cell;
/// - **wide**: a `group` column (plus stratum columns) and one column per stage.
///
/// The form is chosen by the header: `stage` and `count` columns mean long form. Column names are
/// matched ignoring case and spacing, with the aliases of ``ColumnName/group``,
/// ``ColumnName/stage``, ``ColumnName/count`` and (for a wide population column)
/// ``ColumnName/population``.
///
/// A group named as a total (``TotalRowLabel``: `Total`, `All`, `England and Wales`, …) is never
/// analysed as a group: its counts are kept in ``totalsChecks``, which compares each with the sum
/// of the groups at the same stage (and stratum), so that a table whose groups do not add up is
/// reported as a finding rather than silently analysed.
///
/// Every problem
/// is reported as an ``InputError`` naming file:line:column: a count that is not a whole number
/// or is negative, a duplicated group × stage (× stratum) cell, a group with no population (the
/// unknown-ethnicity group is exempt, as the census has no such group), a missing stage count, or
/// a `--stages` name the file does not have. A group whose population is zero is accepted; the
/// analysis reports it rather than dividing by it.
public struct CountsTable: Sendable {
    /// Where one count sits.
    public struct Key: Hashable, Sendable {
        /// Group label.
        public var group: String
        /// Stage name (the population stage included).
        public var stage: String
        /// Stratum values in the order of ``CountsTable/strataColumns`` (empty without strata).
        public var stratum: [String]
        /// Creates a key.
        public init(group: String, stage: String, stratum: [String] = []) {
            self.group = group; self.stage = stage; self.stratum = stratum
        }
    }

    /// Where a count came from, for error messages.
    public struct Location: Sendable, Equatable {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int?
    }

    /// How the table is read.
    public struct Options: Sendable {
        /// The stage holding the population base (`--population-stage`), default `population`.
        public var populationStage: String
        /// Stage order and selection (`--stages`); nil means the order of first appearance.
        public var stages: [String]?
        /// Stratum columns (`--strata`).
        public var strata: [String]
        /// The label of the unknown-ethnicity group (`--unknown`), exempt from needing a population.
        public var unknownLabel: String?
        /// Creates options.
        public init(populationStage: String = "population", stages: [String]? = nil, strata: [String] = [],
                    unknownLabel: String? = nil) {
            self.populationStage = populationStage
            self.stages = stages
            self.strata = strata
            self.unknownLabel = unknownLabel
        }
    }

    /// The file name, for messages.
    public let source: String
    /// The population stage's name.
    public let populationStage: String
    /// The stages after the population, in order.
    public let stages: [String]
    /// Groups in order of first appearance.
    public let groups: [String]
    /// Stratum column names.
    public let strataColumns: [String]
    /// Distinct strata in order of first appearance (one empty stratum without strata columns).
    public let strata: [[String]]
    /// The unknown-ethnicity label, if any.
    public let unknownLabel: String?
    /// Each totals row's count compared with the sum of the groups, by stage (population first)
    /// and stratum; empty when the file has no totals rows.
    public internal(set) var totalsChecks: [TotalsCheck] = []
    let counts: [Key: Int]
    let locations: [Key: Location]

    /// The count in a cell, or nil when the file has none.
    public func count(group: String, stage: String, stratum: [String] = []) -> Int? {
        counts[Key(group: group, stage: stage, stratum: stratum)]
    }

    /// The population of a group in a stratum, or nil when the file has none.
    public func population(group: String, stratum: [String] = []) -> Int? {
        count(group: group, stage: populationStage, stratum: stratum)
    }

    /// Where a cell came from in the file.
    public func location(group: String, stage: String, stratum: [String] = []) -> Location? {
        locations[Key(group: group, stage: stage, stratum: stratum)]
    }

    /// Groups other than the unknown-ethnicity group.
    public var knownGroups: [String] { groups.filter { $0 != unknownLabel } }

    /// The error for a cell, located in the file.
    public func error(group: String, stage: String, stratum: [String] = [], _ message: String) -> InputError {
        let location = locations[Key(group: group, stage: stage, stratum: stratum)]
        return InputError(file: source, line: location?.line, column: location?.column, message: message)
    }

    /// The table with strata summed away (the same table when there are no strata). Locations
    /// point at the first contributing row.
    public func collapsed() -> CountsTable {
        guard !strataColumns.isEmpty else { return self }
        var summed: [Key: Int] = [:]
        var where_: [Key: Location] = [:]
        for (key, value) in counts {
            let flat = Key(group: key.group, stage: key.stage)
            summed[flat, default: 0] += value
            if let location = locations[key], where_[flat].map({ location.line < $0.line }) ?? true { where_[flat] = location }
        }
        return CountsTable(source: source, populationStage: populationStage, stages: stages, groups: groups,
                           strataColumns: [], strata: [[]], unknownLabel: unknownLabel, counts: summed, locations: where_)
    }

    /// The sub-table of one stratum, without stratum columns.
    public func stratum(_ values: [String]) -> CountsTable {
        var picked: [Key: Int] = [:], where_: [Key: Location] = [:]
        for (key, value) in counts where key.stratum == values {
            let flat = Key(group: key.group, stage: key.stage)
            picked[flat] = value
            where_[flat] = locations[key]
        }
        return CountsTable(source: source, populationStage: populationStage, stages: stages, groups: groups,
                           strataColumns: [], strata: [[]], unknownLabel: unknownLabel, counts: picked, locations: where_)
    }

    init(source: String, populationStage: String, stages: [String], groups: [String], strataColumns: [String],
         strata: [[String]], unknownLabel: String?, counts: [Key: Int], locations: [Key: Location]) {
        self.source = source
        self.populationStage = populationStage
        self.stages = stages
        self.groups = groups
        self.strataColumns = strataColumns
        self.strata = strata
        self.unknownLabel = unknownLabel
        self.counts = counts
        self.locations = locations
    }

    /// A totals row's count at one stage compared with the sum of the groups there.
    public struct TotalsCheck: Sendable, Equatable {
        /// The totals row's label as written (`Total`, `England and Wales`).
        public var label: String
        /// What kind of total the label names.
        public var kind: TotalRowLabel
        /// The stage (the population stage included).
        public var stage: String
        /// The stratum (empty without strata).
        public var stratum: [String]
        /// The totals row's count.
        public var total: Int
        /// The sum of every group's count at the stage, the unknown group included.
        public var sumOfGroups: Int
        /// Where the totals cell is in the file.
        public var location: Location?

        /// `total − sumOfGroups`: positive when the total is larger.
        public var difference: Int { total - sumOfGroups }
        /// Whether the groups add up to the total.
        public var addsUp: Bool { total == sumOfGroups }

        /// The sentence without any number, for a stage whose figures disclosure control hides
        /// (the total, with the published counts, would give the hidden ones away).
        public var sentenceWithoutNumbers: String {
            let where_ = stratum.isEmpty ? "" : " in stratum \(stratum.joined(separator: "/"))"
            return "'\(label)' at \(stage)\(where_): " + (addsUp ? "the sum of the groups" : "not the sum of the groups")
                + " (figures hidden for disclosure control)"
        }

        /// One plain sentence: "Total at arrest: 1,200, the groups add up to 1,183 (17 fewer)".
        public var sentence: String {
            let where_ = stratum.isEmpty ? "" : " in stratum \(stratum.joined(separator: "/"))"
            if addsUp { return "'\(label)' at \(stage)\(where_): \(total), the sum of the groups" }
            let gap = abs(difference)
            return "'\(label)' at \(stage)\(where_) is \(total) but the groups add up to \(sumOfGroups) "
                + "(\(gap) \(difference > 0 ? "fewer" : "more") than the total; difference \(difference > 0 ? "+" : "")\(difference))"
        }
    }

    /// Labels an analyst might give the unknown-ethnicity group, for the `--unknown` hint.
    static let unknownLikeLabels: Set<String> = ["unknown", "not known", "not stated", "not recorded", "unrecorded", "missing",
                                                 "unknown ethnicity", "ethnicity unknown", "not given", "refused", "n/k"]

    /// Reads a counts table from parsed CSV.
    ///
    /// - Throws: ``InputError`` naming file:line:column for every problem listed in the type's
    ///   description; ``InvalidArgumentError`` (with the file) for a stage in `options.stages`
    ///   (``Parameter/stages``) or an `options.unknownLabel` (``Parameter/unknownLabel``) the
    ///   table does not have.
    public init(csv given: CSVTable, options: Options = Options()) throws {
        var aliases: [ColumnName] = [.group, .stage, .count]
        if options.populationStage == "population" { aliases.append(.population) }
        let csv = try given.resolvingColumns(aliases)
        let headerError = { (message: String) in InputError(file: csv.source, line: csv.headerLine, message: message) }
        if !csv.hasColumn("group") {
            throw csv.missingColumnError("group", hint: "(name the group column with \(Parameter.groupColumn.mention))")
        }
        try csv.requireColumns(options.strata)
        let isLong = csv.hasColumn("stage") && csv.hasColumn("count")
        let populationForms = Set(([options.populationStage] + (options.populationStage == "population" ? ColumnName.population.aliases : []))
            .map(CSVTable.normalizedColumnName))
        /// A long-form stage value, with the population stage's other spellings mapped to it.
        func stageName(_ text: String) -> String {
            populationForms.contains(CSVTable.normalizedColumnName(text)) ? options.populationStage : text
        }
        var totals: [Key: Int] = [:], totalLocations: [Key: Location] = [:]
        var totalLabels: [String] = []
        var blanks: [Key: Location] = [:]
        var counts: [Key: Int] = [:]
        var locations: [Key: Location] = [:]
        var groups: [String] = [], seenGroups = Set<String>()
        var strata: [[String]] = [], seenStrata = Set<[String]>()
        var stageOrder: [String] = [], seenStages = Set<String>()
        var firstRowOfGroup: [String: Int] = [:]

        func record(_ row: CSVRow, group: String, stage: String, stratum: [String], column: String, value: Int?) throws {
            let key = Key(group: group, stage: stage, stratum: stratum)
            let location = Location(line: row.line, column: csv.columnIndex(column).map { $0 + 1 })
            if let previous = locations[key] {
                let where_ = stratum.isEmpty ? "" : " in stratum \(stratum.joined(separator: "/"))"
                throw row.error(column, "duplicate count for group '\(group)' at stage '\(stage)'\(where_) (first given on line \(previous.line))")
            }
            guard let value else { blanks[key] = location; return }
            if value < 0 { throw row.error(column, "negative count \(value) for group '\(group)' at stage '\(stage)'") }
            counts[key] = value
            locations[key] = location
        }

        let groupColumn = csv.columnIndex("group").map { $0 + 1 }
        // A service column (a per-service part of a larger table) is never a stage.
        let serviceColumn = ColumnName.service.match(in: csv.header)
        for row in csv.rows {
            let group = try row.string("group")
            let stratum = try options.strata.map { try row.string($0) }
            if TotalRowLabel.isTotal(group) {
                if !totalLabels.contains(group) { totalLabels.append(group) }
                let cells: [(stage: String, column: String)] = isLong
                    ? [(stageName(try row.string("stage")), "count")]
                    : csv.header.filter { $0 != "group" && !options.strata.contains($0) && $0 != serviceColumn }.map { ($0, $0) }
                for cell in cells {
                    guard let value = try row.optionalInt(cell.column) else { continue }
                    let key = Key(group: group, stage: cell.stage, stratum: stratum)
                    if totals[key] != nil { throw row.error(cell.column, "duplicate count for '\(group)' at stage '\(cell.stage)'") }
                    totals[key] = value
                    totalLocations[key] = Location(line: row.line, column: csv.columnIndex(cell.column).map { $0 + 1 })
                }
                continue
            }
            if !seenGroups.contains(group) { seenGroups.insert(group); groups.append(group); firstRowOfGroup[group] = row.line }
            if !seenStrata.contains(stratum) { seenStrata.insert(stratum); strata.append(stratum) }
            if isLong {
                let stage = stageName(try row.string("stage"))
                if !seenStages.contains(stage) { seenStages.insert(stage); stageOrder.append(stage) }
                try record(row, group: group, stage: stage, stratum: stratum, column: "count", value: try row.int("count"))
            } else {
                let stageColumns = csv.header.filter { $0 != "group" && !options.strata.contains($0) && $0 != serviceColumn }
                for stage in stageColumns {
                    if !seenStages.contains(stage) { seenStages.insert(stage); stageOrder.append(stage) }
                    try record(row, group: group, stage: stage, stratum: stratum, column: stage, value: try row.optionalInt(stage))
                }
                // A repeated wide row repeats every stage; `record` reports it at the first stage column.
            }
        }
        guard !csv.rows.isEmpty else { throw headerError("the counts table has no data rows") }
        guard !groups.isEmpty else {
            throw headerError("every row is a totals row (\(totalLabels.joined(separator: ", "))): the table has no groups to compare")
        }
        guard seenStages.contains(options.populationStage) else {
            throw headerError("no population stage '\(options.populationStage)' (stages found: \(stageOrder.joined(separator: ", "))); name it with \(Parameter.populationStage.mention), or add population rows (aggregate \(Parameter.populationFile.mention) FILE does)")
        }
        var stages = stageOrder.filter { $0 != options.populationStage }
        if let wanted = options.stages {
            let chosen = wanted.filter { $0 != options.populationStage }
            for stage in chosen where !seenStages.contains(stage) {
                throw InvalidArgumentError(.stages, file: csv.source, "stage '\(stage)' is not in the table (stages found: \(stages.joined(separator: ", ")))")
            }
            stages = chosen
        }
        guard !stages.isEmpty else { throw headerError("the counts table has no stage besides '\(options.populationStage)'") }
        if let unknown = options.unknownLabel, !seenGroups.contains(unknown) {
            throw InvalidArgumentError(.unknownLabel, file: csv.source, "group '\(unknown)' is not in the table (groups: \(groups.joined(separator: ", ")))")
        }
        // Completeness: every group × stratum needs a population (except unknown) and every stage.
        for group in groups {
            for stratum in strata {
                let line = firstRowOfGroup[group]
                let where_ = stratum.isEmpty ? "" : " in stratum \(stratum.joined(separator: "/"))"
                let populationKey = Key(group: group, stage: options.populationStage, stratum: stratum)
                if group != options.unknownLabel, counts[populationKey] == nil {
                    var message = "missing population ('\(options.populationStage)') for group '\(group)'\(where_)"
                    if blanks[populationKey] != nil { message = "blank population ('\(options.populationStage)') for group '\(group)'\(where_)" }
                    if options.unknownLabel == nil, CountsTable.unknownLikeLabels.contains(CSVTable.normalizedColumnName(group)) {
                        message += "; if '\(group)' is the unknown-ethnicity group, say so with \(Parameter.unknownLabel.mention) \(group.contains(" ") ? "'\(group)'" : group) (it needs no population)"
                    }
                    let at = blanks[populationKey]
                    throw InputError(file: csv.source, line: at?.line ?? line, column: at?.column ?? groupColumn, message: message)
                }
                for stage in stages where counts[Key(group: group, stage: stage, stratum: stratum)] == nil {
                    if let at = blanks[Key(group: group, stage: stage, stratum: stratum)] {
                        throw InputError(file: csv.source, line: at.line, column: at.column,
                                         message: "blank count for group '\(group)' at stage '\(stage)'\(where_): write 0 if there were none")
                    }
                    throw InputError(file: csv.source, line: line, column: groupColumn,
                                     message: "missing count for group '\(group)' at stage '\(stage)'\(where_)")
                }
            }
        }
        self.init(source: csv.source, populationStage: options.populationStage, stages: stages, groups: groups,
                  strataColumns: options.strata, strata: strata, unknownLabel: options.unknownLabel,
                  counts: counts, locations: locations)
        var checks: [TotalsCheck] = []
        for label in totalLabels {
            for stage in [options.populationStage] + stages {
                for stratum in strata {
                    let key = Key(group: label, stage: stage, stratum: stratum)
                    guard let total = totals[key] else { continue }
                    let sum = groups.reduce(0) { $0 + (counts[Key(group: $1, stage: stage, stratum: stratum)] ?? 0) }
                    checks.append(TotalsCheck(label: label, kind: TotalRowLabel(label: label) ?? .total, stage: stage, stratum: stratum,
                                              total: total, sumOfGroups: sum, location: totalLocations[key]))
                }
            }
        }
        totalsChecks = checks
    }

    /// The totals checks whose groups do not add up.
    public var totalsMismatches: [TotalsCheck] { totalsChecks.filter { !$0.addsUp } }

    /// Checks that no count is above its base: the population when `previous` is false, else
    /// the previous stage's count (the population for the first stage). The unknown group is
    /// checked only against previous stages, as it has no population.
    ///
    /// - Throws: ``InputError`` at the offending cell.
    public func checkBases(previous: Bool) throws {
        for stratum in strata {
            for group in groups {
                for (index, stage) in stages.enumerated() {
                    guard let value = count(group: group, stage: stage, stratum: stratum) else { continue }
                    let baseStage = previous && index > 0 ? stages[index - 1] : populationStage
                    guard let base = count(group: group, stage: baseStage, stratum: stratum) else { continue }
                    if value > base {
                        let where_ = stratum.isEmpty ? "" : " in stratum \(stratum.joined(separator: "/"))"
                        throw error(group: group, stage: stage, stratum: stratum,
                                    "count \(value) for group '\(group)' at stage '\(stage)'\(where_) is more than its base '\(baseStage)' (\(base))")
                    }
                }
            }
        }
    }
}
