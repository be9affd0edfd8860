/// Words for the stage and group names of a counts table, as a board paper shows them.
///
/// Each name has a heading form ("first-time entrants") and a phrase that follows "children" in
/// a sentence ("5 Black children in custody", "Black children were arrested at …"). The usual
/// youth-justice stage names have built-in words; any other name is shown with its underscores
/// as spaces. A labels file (`--labels FILE`: columns `name`, `label` and optionally `phrase`)
/// overrides or adds names, for stages and groups alike.
public struct BoardLabels: Sendable, Equatable {
    /// One name's words.
    public struct Words: Sendable, Equatable {
        /// Heading form, for tables and charts ("first-time entrants").
        public var label: String
        /// Sentence form after "children" ("entering the youth justice system for the first time").
        public var phrase: String
        /// Creates the words.
        public init(label: String, phrase: String) { self.label = label; self.phrase = phrase }
    }

    /// Names given by the user (from a labels file), keyed by the normalised name.
    public private(set) var custom: [String: Words] = [:]

    /// The built-in words, keyed by normalised name (``CSVTable/normalizedColumnName(_:)``).
    static let builtIn: [String: Words] = {
        var words: [String: Words] = [:]
        func add(_ names: [String], _ label: String, _ phrase: String) {
            for name in names { words[CSVTable.normalizedColumnName(name)] = Words(label: label, phrase: phrase) }
        }
        add(["population", "population 10-17", "10-17 population"], "10–17 population", "in the 10–17 population")
        add(["arrest", "arrests", "arrested"], "arrests", "arrested")
        add(["stop and search", "stop_search"], "stop and search", "stopped and searched")
        add(["first_time_entry", "first_time_entrants", "first time entrants", "fte"], "first-time entrants",
            "entering the youth justice system for the first time")
        add(["out_of_court", "out_of_court_disposal", "out_of_court_disposals", "ooc", "ocd"], "out-of-court disposals",
            "given an out-of-court disposal")
        add(["youth_caution", "youth_cautions"], "youth cautions", "given a youth caution")
        add(["court", "court_disposal", "court_disposals", "sentenced"], "court disposals", "sentenced at court")
        add(["remand", "remanded", "custodial_remand"], "remand", "remanded in custody")
        add(["custody", "custodial_sentence", "custodial_sentences"], "custody", "in custody")
        add(["reoffending", "reoffended", "proven_reoffending"], "proven reoffending", "reoffending")
        return words
    }()

    /// Labels with the built-in words only.
    public init() {}

    /// Reads a labels file: columns `name` and `label`, and optionally `phrase`.
    ///
    /// - Throws: ``InputError`` naming file:line for a missing column, an empty name or label, or
    ///   a name given twice.
    public init(csv: CSVTable) throws {
        try csv.requireColumns(["name", "label"])
        var firstLine: [String: Int] = [:]
        for row in csv.rows {
            let name = try row.string("name"), label = try row.string("label")
            guard !name.isEmpty else { throw row.error("name", "empty name") }
            guard !label.isEmpty else { throw row.error("label", "empty label for '\(name)'") }
            let key = CSVTable.normalizedColumnName(name)
            if let previous = firstLine[key] { throw row.error("name", "'\(name)' is labelled twice (first on line \(previous))") }
            firstLine[key] = row.line
            let phrase = csv.hasColumn("phrase") ? (row.optionalString("phrase") ?? "") : ""
            custom[key] = Words(label: label, phrase: phrase.isEmpty ? "at \(label)" : phrase)
        }
    }

    /// The words for a name: the labels file's, the built-in ones, or the name with spaces.
    public func words(_ name: String) -> Words {
        let key = CSVTable.normalizedColumnName(name)
        if let given = custom[key] ?? Self.builtIn[key] { return given }
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        return Words(label: spaced, phrase: "at \(spaced)")
    }

    /// The heading form of a name.
    public func label(_ name: String) -> String { words(name).label }

    /// The sentence form of a stage name.
    public func phrase(_ name: String) -> String { words(name).phrase }
}
