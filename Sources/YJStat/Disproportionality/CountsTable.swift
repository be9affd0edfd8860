/// Counts of children by group (usually ethnic group) at each stage of the youth justice system,
/// optionally split into strata (for example sex × age band), with one stage holding the
/// population base.
///
/// Read from CSV in either form:
///
/// - **long**: columns `group`, `stage`, `count` (plus any stratum columns), one row per cell;
/// - **wide**: a `group` column (plus stratum columns) and one column per stage.
///
/// The form is chosen by the header: `stage` and `count` columns mean long form. Every problem
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

    /// Reads a counts table from parsed CSV.
    ///
    /// - Throws: ``InputError`` naming file:line:column for every problem listed in the type's
    ///   description.
    public init(csv: CSVTable, options: Options = Options()) throws {
        let headerError = { (message: String) in InputError(file: csv.source, line: csv.headerLine, message: message) }
        try csv.requireColumns(["group"] + options.strata)
        let isLong = csv.hasColumn("stage") && csv.hasColumn("count")
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
            guard let value else { return }
            if value < 0 { throw row.error(column, "negative count \(value) for group '\(group)' at stage '\(stage)'") }
            counts[key] = value
            locations[key] = location
        }

        for row in csv.rows {
            let group = try row.string("group")
            let stratum = try options.strata.map { try row.string($0) }
            if !seenGroups.contains(group) { seenGroups.insert(group); groups.append(group); firstRowOfGroup[group] = row.line }
            if !seenStrata.contains(stratum) { seenStrata.insert(stratum); strata.append(stratum) }
            if isLong {
                let stage = try row.string("stage")
                if !seenStages.contains(stage) { seenStages.insert(stage); stageOrder.append(stage) }
                try record(row, group: group, stage: stage, stratum: stratum, column: "count", value: try row.int("count"))
            } else {
                let stageColumns = csv.header.filter { $0 != "group" && !options.strata.contains($0) }
                for stage in stageColumns {
                    if !seenStages.contains(stage) { seenStages.insert(stage); stageOrder.append(stage) }
                    try record(row, group: group, stage: stage, stratum: stratum, column: stage, value: try row.optionalInt(stage))
                }
                // A repeated wide row repeats every stage; `record` reports it at the first stage column.
            }
        }
        guard !csv.rows.isEmpty else { throw headerError("the counts table has no data rows") }
        guard seenStages.contains(options.populationStage) else {
            throw headerError("no population stage '\(options.populationStage)' (stages found: \(stageOrder.joined(separator: ", "))); name it with --population-stage")
        }
        var stages = stageOrder.filter { $0 != options.populationStage }
        if let wanted = options.stages {
            let chosen = wanted.filter { $0 != options.populationStage }
            for stage in chosen where !seenStages.contains(stage) {
                throw InputError(file: "--stages", message: "stage '\(stage)' is not in \(csv.source) (stages found: \(stages.joined(separator: ", ")))")
            }
            stages = chosen
        }
        guard !stages.isEmpty else { throw headerError("the counts table has no stage besides '\(options.populationStage)'") }
        if let unknown = options.unknownLabel, !seenGroups.contains(unknown) {
            throw InputError(file: "--unknown", message: "group '\(unknown)' is not in \(csv.source) (groups: \(groups.joined(separator: ", ")))")
        }
        // Completeness: every group × stratum needs a population (except unknown) and every stage.
        for group in groups {
            for stratum in strata {
                let line = firstRowOfGroup[group]
                let groupColumn = csv.columnIndex("group").map { $0 + 1 }
                let where_ = stratum.isEmpty ? "" : " in stratum \(stratum.joined(separator: "/"))"
                if group != options.unknownLabel, counts[Key(group: group, stage: options.populationStage, stratum: stratum)] == nil {
                    throw InputError(file: csv.source, line: line, column: groupColumn,
                                     message: "missing population ('\(options.populationStage)') for group '\(group)'\(where_)")
                }
                for stage in stages where counts[Key(group: group, stage: stage, stratum: stratum)] == nil {
                    throw InputError(file: csv.source, line: line, column: groupColumn,
                                     message: "missing count for group '\(group)' at stage '\(stage)'\(where_)")
                }
            }
        }
        self.init(source: csv.source, populationStage: options.populationStage, stages: stages, groups: groups,
                  strataColumns: options.strata, strata: strata, unknownLabel: options.unknownLabel,
                  counts: counts, locations: locations)
    }

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
