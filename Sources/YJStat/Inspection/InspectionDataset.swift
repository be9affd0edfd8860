import Foundation

/// A directory of inspection data in yjstat's schema: `inspections.csv`, `ratings.csv` and
/// `key_questions.csv` (documented in the README (section "Inspection ratings and consistency checks")).
///
/// Reading checks form, not content: missing files, missing columns, non-numeric counts,
/// negative counts, malformed scores and percentages outside 0–100 throw an ``InputError`` naming
/// file:line:column. Whether the figures agree with each other and with the framework is the
/// ``ConsistencyChecker``'s job, which reports findings instead.
public struct InspectionDataset: Sendable {
    /// One row of `inspections.csv`: a service's inspection.
    public struct Inspection: Sendable, Equatable {
        /// Service id, a lower-case slug (`north-somerset`).
        public let service: String
        /// The service's name as published.
        public let name: String?
        /// Publication month or date as given (`2020-12`).
        public let published: String?
        /// The framework id the inspection used (`youth-2018`).
        public let framework: String?
        /// The published score, if printed.
        public let score: PublishedScore?
        /// The published overall rating word, if printed (not yet normalised).
        public let overallRating: String?
        /// Sample sizes by column name (`court_sample`, `ooc_sample`, and any other `*_sample` column).
        public let samples: [String: Int]
        /// The line in `inspections.csv`.
        public let line: Int
    }

    /// One row of `ratings.csv`: a published standard rating.
    public struct PublishedRating: Sendable, Equatable {
        /// Service id.
        public let service: String
        /// Standard id (`2.1`).
        public let standard: String
        /// The rating word as written (blank → `nil`).
        public let word: String?
        /// The line in `ratings.csv`.
        public let line: Int
    }

    /// One row of `key_questions.csv`: a key question's published result.
    public struct KeyQuestionRow: Sendable, Equatable {
        /// Service id.
        public let service: String
        /// Key question id (`2.1.3`).
        public let keyQuestion: String
        /// Relevant cases, when published.
        public let relevant: Int?
        /// Yes cases, when published.
        public let yes: Int?
        /// The printed percentage, when given.
        public let percent: PrintedPercent?
        /// The line in `key_questions.csv`.
        public let line: Int
        /// Whether the report prints the key question as not applicable ("N/A" or a dash in
        /// `relevant` and `yes`): no relevant cases, so it does not count towards its standard.
        /// Such a row has no counts and no percentage, and it is not missing.
        public var notApplicable: Bool = false
    }

    /// Whether a cell marks a figure as not applicable: `N/A`, `NA` or a dash (any case).
    public static func isNotApplicableMark(_ text: String) -> Bool {
        ["n/a", "na", "-", "\u{2013}", "\u{2014}"].contains(text.lowercased().trimmingSpaces())
    }

    /// Inspections in file order.
    public let inspections: [Inspection]
    /// Published standard ratings in file order.
    public let ratings: [PublishedRating]
    /// Key-question rows in file order.
    public let keyQuestions: [KeyQuestionRow]

    /// Creates a dataset from rows.
    public init(inspections: [Inspection], ratings: [PublishedRating], keyQuestions: [KeyQuestionRow]) {
        self.inspections = inspections
        self.ratings = ratings
        self.keyQuestions = keyQuestions
    }

    /// Every service id, in order of first appearance across the three files.
    public var services: [String] {
        var seen: Set<String> = []
        return (inspections.map(\.service) + ratings.map(\.service) + keyQuestions.map(\.service)).filter { seen.insert($0).inserted }
    }

    /// The key columns of the dataset files whose schema gives one row per key and whose row
    /// readers do not check it themselves (the other summary files' readers report a repeated
    /// key with their own located message; inspections.csv is checked by service above).
    public static let uniqueKeyColumns: [String: [String]] = [
        "ratings.csv": ["service", "standard"],
        "key_questions.csv": ["service", "key_question"],
        "prompts.csv": ["service", "key_question", "prompt"],
    ]

    /// Reads the three files from a directory.
    ///
    /// - Parameter rejectingDuplicates: Whether a duplicated key in ratings.csv or
    ///   key_questions.csv is an error (for commands that use the values); `check` leaves it
    ///   off and reports each duplicate as a finding instead.
    /// - Throws: ``InputError`` for a missing or unreadable file, a missing column, a malformed
    ///   cell, or (when rejecting) a duplicated key naming both lines.
    public static func read(directory: URL, rejectingDuplicates: Bool = false) throws -> InspectionDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: directory.path, message: "no such directory")
        }
        let ratings = try CSVReader.read(contentsOf: directory.appendingPathComponent(RatingsSchema.fileName))
        let keyQuestions = try CSVReader.read(contentsOf: directory.appendingPathComponent(KeyQuestionsSchema.fileName))
        if rejectingDuplicates {
            try ratings.requireUniqueRows(by: uniqueKeyColumns[RatingsSchema.fileName] ?? [])
            try keyQuestions.requireUniqueRows(by: uniqueKeyColumns[KeyQuestionsSchema.fileName] ?? [])
        }
        return try InspectionDataset(
            inspections: CSVReader.read(contentsOf: directory.appendingPathComponent(InspectionsSchema.fileName)),
            ratings: ratings, keyQuestions: keyQuestions)
    }

    /// Builds a dataset from parsed tables.
    /// - Throws: ``InputError`` for a missing column or a malformed cell.
    public init(inspections: CSVTable, ratings: CSVTable, keyQuestions: CSVTable) throws {
        try inspections.requireColumns(InspectionsSchema.columns)
        try ratings.requireColumns(RatingsSchema.columns)
        try keyQuestions.requireColumns(KeyQuestionsSchema.columns)
        self.inspections = try InspectionsSchema.rows(of: inspections)
        self.ratings = try RatingsSchema.rows(of: ratings)
        self.keyQuestions = try KeyQuestionsSchema.rows(of: keyQuestions)
    }
}
