import Foundation

/// A wide ratings table: one row per service with its overall rating, score, and optionally one
/// column per standard — the shape of ratings tables scraped from inspection reports and
/// inspectorate web pages.
///
/// Columns: `service`, `overall_rating`, and `score` (`29`, `29/36`, `80.6%`) or `score_percent`
/// (`80.6`, a percentage of the maximum score) or both; optionally `framework` (the id of the
/// framework the row's inspection used, `youth-2018` or `youth-2021`) and columns named by
/// standard id (`1.1` … `3.4`, `4.1`). Each row is read with the framework a
/// ``FrameworkSelection`` gives it: the given one, or the one its `framework` cell names, else
/// youth-2018 — so one table can hold inspections of 2018–2024 under both frameworks. Other
/// columns are ignored, except a column named like a standard id that no framework in the
/// selection has, which is an input error. Blank cells are reported as findings, never guessed;
/// cells that are not blank but malformed (a score of `n/a`) are input errors.
public struct WideRatingsTable: Sendable {
    /// One service's row.
    public struct Row: Sendable, Equatable {
        /// The service as written (blank → `line N`).
        public let service: String
        /// The framework the row is read and checked with.
        public let framework: Framework
        /// The framework id the row's `framework` cell names (nil when blank or absent).
        public let namedFramework: String?
        /// The line in the file.
        public let line: Int
        /// The overall rating word, if not blank.
        public let overallWord: String?
        /// The score from `score`, if not blank.
        public let score: PublishedScore?
        /// The score from `score_percent`, if not blank.
        public let scorePercent: PrintedPercent?
        /// Standard rating words by standard id (`nil` for a blank cell), for the standard columns present.
        public let standardWords: [String: String?]
    }

    /// Where the table came from.
    public let source: String
    /// The standard ids with a column, in framework order (the standards of the selection's
    /// first framework, then those only a later one has).
    public let standardColumns: [String]
    /// The rows in file order.
    public let rows: [Row]

    /// Reads a wide ratings CSV file.
    /// - Throws: ``InputError`` for a missing file, missing columns or malformed cells.
    public static func read(contentsOf url: URL, frameworks: FrameworkSelection) throws -> WideRatingsTable {
        try WideRatingsTable(table: CSVReader.read(contentsOf: url), frameworks: frameworks)
    }

    /// Builds the table from parsed CSV, every row read with `framework`.
    /// - Throws: ``InputError`` naming file:line:column.
    public init(table: CSVTable, framework: Framework) throws {
        try self.init(table: table, frameworks: .given(framework))
    }

    /// Builds the table from parsed CSV, each row read with the framework `frameworks` gives it.
    /// - Throws: ``InputError`` naming file:line:column.
    public init(table: CSVTable, frameworks selection: FrameworkSelection) throws {
        source = table.source
        try table.requireColumns(["service", "overall_rating"])
        guard table.hasColumn("score") || table.hasColumn("score_percent") else {
            throw InputError(file: table.source, line: table.headerLine,
                             message: "missing column 'score' or 'score_percent' (found: \(table.header.joined(separator: ", ")))")
        }
        let frameworks = selection.frameworks
        for (index, name) in table.header.enumerated() where Self.looksLikeStandardID(name) && !frameworks.contains(where: { $0.standard(name) != nil }) {
            throw InputError(file: table.source, line: table.headerLine, column: index + 1,
                             message: "column '\(name)' is not a standard of framework \(frameworks.map(\.id).joined(separator: " or "))")
        }
        var columns: [String] = []
        for id in frameworks.flatMap({ $0.standards.map(\.id) }) where table.hasColumn(id) && !columns.contains(id) { columns.append(id) }
        standardColumns = columns
        rows = try table.rows.map { row in
            var score: PublishedScore?
            if let text = row.optionalString("score") {
                guard let parsed = PublishedScore(text: text) else {
                    throw row.error("score", "expected a score such as 29, 29/36 or 80.6%, found '\(text)'")
                }
                score = parsed
            }
            var percent: PrintedPercent?
            if let text = row.optionalString("score_percent") {
                guard let parsed = PrintedPercent(text: text) else {
                    throw row.error("score_percent", "expected a percentage such as 80.6, found '\(text)'")
                }
                percent = parsed
            }
            var words: [String: String?] = [:]
            for id in columns { words[id] = .some(row.optionalString(id)) }
            let named = table.hasColumn("framework") ? row.optionalString("framework") : nil
            return Row(service: row.optionalString("service") ?? "line \(row.line)",
                       framework: selection.framework(named: named), namedFramework: named, line: row.line,
                       overallWord: row.optionalString("overall_rating"), score: score, scorePercent: percent, standardWords: words)
        }
    }

    /// The score, overall-rating and rating-word checks for every row, in row order, each row
    /// by its own framework (``Row/framework``): a rated standard that framework does not have
    /// is an `unknown-standard` error, a `framework` cell naming another framework than the one
    /// used a `framework-mismatch` warning.
    public func check() -> [Finding] {
        let file = (source as NSString).lastPathComponent
        var findings: [Finding] = []
        for row in rows {
            let framework = row.framework
            let checker = ConsistencyChecker(framework: framework)
            let place = "\(file) line \(row.line)"
            func add(_ code: FindingCode, _ severity: Finding.Severity, _ location: String, _ message: String) {
                findings.append(Finding(code: code, severity: severity, service: row.service, location: location, message: message))
            }
            if row.service == "line \(row.line)" {
                add(.invalidServiceID, .warning, "service", "the service is blank (\(place))")
            }
            if let named = row.namedFramework, named != framework.id {
                add(.frameworkMismatch, .warning, "framework", "\(place) names framework '\(named)' but the checks use '\(framework.id)'")
            }
            var ratings: [String: Rating] = [:]
            for id in standardColumns {
                guard framework.standard(id) != nil else {
                    if let word = row.standardWords[id] ?? nil {
                        add(.unknownStandard, .error, id, "standard \(id) is rated '\(word)' (\(place)) but is not in framework \(framework.id)"
                            + (row.namedFramework == nil ? "; a framework column names each row's framework" : ""))
                    }
                    continue
                }
                guard let word = row.standardWords[id] ?? nil else {
                    add(.missingRating, .warning, id, "the rating of standard \(id) is blank (\(place))")
                    continue
                }
                guard let rating = framework.rating(named: word) else {
                    add(.unknownRatingWord, .error, id, "'\(word)' (\(place)) is not a rating word; expected \(framework.ratings.map { "'\($0.name)'" }.joined(separator: ", "))")
                    continue
                }
                ratings[id] = rating
            }
            let scored = framework.standards.filter(\.isScored)
            let sum: Int? = scored.allSatisfy { ratings[$0.id] != nil } ? scored.reduce(0) { $0 + (ratings[$1.id]?.score ?? 0) } : nil
            // Some scored standards unreadable: the published score must still be reachable by
            // some rating of the missing ones (between every one at the lowest and at the highest).
            let missing = scored.filter { ratings[$0.id] == nil }
            if sum == nil, !missing.isEmpty, missing.count < scored.count, !standardColumns.isEmpty,
               let lowest = framework.ratings.first?.score, let highest = framework.ratings.last?.score {
                let partial = scored.reduce(0) { $0 + (ratings[$1.id]?.score ?? 0) }
                let reachable = (partial + lowest * missing.count)...(partial + highest * missing.count)
                var published: [Int] = []
                if case .points(let points, _)? = row.score { published = [points] }
                else if let percent = row.scorePercent { published = PublishedScore.points(fromPercent: percent, maximum: framework.maximumScore) }
                else if case .percent(let percent)? = row.score { published = PublishedScore.points(fromPercent: percent, maximum: framework.maximumScore) }
                if !published.isEmpty, !published.contains(where: reachable.contains) {
                    let ids = missing.map(\.id).joined(separator: ", ")
                    add(.scoreMismatch, .error, "score",
                        "the published score \(published.count == 1 ? String(published[0]) : "(\(published.map(String.init).joined(separator: " or ")))") cannot be reached: the \(scored.count - missing.count) readable standards sum to \(partial) and the unreadable \(ids) can add only \(lowest * missing.count) to \(highest * missing.count), so the score lies in \(reachable.lowerBound)-\(reachable.upperBound) (\(place))")
                }
            }
            var scores = [row.score, row.scorePercent.map { PublishedScore.percent($0) }].compactMap { $0 }
            if scores.count == 2 {
                // Both columns: check each, the overall rating only once (against the first).
                let second = scores.removeLast()
                let result = checker.checkScoreAndOverall(service: row.service, score: second, ratingsSum: sum, overallWord: nil, source: place)
                findings += result.findings.filter { $0.location == "score" }
                if case .points(let points, _)? = row.score, case .percent(let percent) = second,
                   !PublishedScore.points(fromPercent: percent, maximum: framework.maximumScore).contains(points) {
                    add(.scoreMismatch, .error, "score", "score \(points) and score_percent \(percent) disagree (\(place))")
                }
            }
            let result = checker.checkScoreAndOverall(service: row.service, score: scores.first, ratingsSum: sum,
                                                      overallWord: row.overallWord, source: place)
            findings += result.findings
        }
        return findings
    }

    private static func looksLikeStandardID(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
