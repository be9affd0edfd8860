/// Which parts of the inspection schema an extraction found, so that a partial result says
/// plainly what is missing.
public struct ExtractionCompleteness: Sendable, Equatable, Codable {
    /// Standard ids with a published rating found, in framework order.
    public let ratingsFound: [String]
    /// Standard ids with no rating found.
    public let ratingsMissing: [String]
    /// Key-question ids with a result found.
    public let keyQuestionsFound: [String]
    /// Key-question ids with no result found.
    public let keyQuestionsMissing: [String]
    /// Whether each inspection-level item was found: `name`, `published`, `score`,
    /// `overall_rating`, `court_sample`, `ooc_sample`.
    public let inspectionItems: [String: Bool]
    /// Whether each contextual table was found: `demographics.age`, `demographics.ethnicity`,
    /// `demographics.sex`, `population`, `caseload`, `rates`.
    public let contextualTables: [String: Bool]
    /// Number of prompt rows found.
    public let promptRows: Int

    /// Whether every standard's rating (12 in the 2018 framework, 13 from 2021), the overall
    /// rating, both samples and every key question of the result's framework were found.
    public var hasCore: Bool {
        ratingsMissing.isEmpty && keyQuestionsMissing.isEmpty && inspectionItems["overall_rating"] == true
            && inspectionItems["court_sample"] == true && inspectionItems["ooc_sample"] == true
    }

    /// The inspection-level items every report of the framework prints (the score and the
    /// publication month are not printed by every report, so they are reported but not expected).
    public static let expectedInspectionItems = ["name", "overall_rating", "court_sample", "ooc_sample"]

    /// The expected fields that were not found, by name: `name`, `overall_rating`,
    /// `court_sample`, `ooc_sample`, `rating 2.1`, `key question 2.1.3`. Empty when the
    /// extraction is complete. `extract` exits 1 (2 with `--strict`) when this is not empty.
    public var missingExpected: [String] {
        Self.expectedInspectionItems.filter { inspectionItems[$0] != true }
            + ratingsMissing.map { "rating \($0)" } + keyQuestionsMissing.map { "key question \($0)" }
    }

    /// Summarises what a result holds.
    public init(_ result: ExtractionResult) {
        let rated = Set(result.ratings.map(\.standard))
        let framework = result.framework
        ratingsFound = framework.standards.map(\.id).filter { rated.contains($0) }
        ratingsMissing = framework.standards.map(\.id).filter { !rated.contains($0) }
        let asked = Set(result.keyQuestions.map(\.keyQuestion))
        keyQuestionsFound = framework.keyQuestionIDs.filter { asked.contains($0) }
        keyQuestionsMissing = framework.keyQuestionIDs.filter { !asked.contains($0) }
        let inspection = result.inspection
        inspectionItems = [
            "name": inspection.name != nil, "published": inspection.published != nil, "score": inspection.score != nil,
            "overall_rating": inspection.overallRating != nil, "court_sample": inspection.courtSample != nil,
            "ooc_sample": inspection.outOfCourtSample != nil,
        ]
        let dimensions = Set(result.demographics.map(\.dimension))
        contextualTables = [
            "demographics.age": dimensions.contains(.age), "demographics.ethnicity": dimensions.contains(.ethnicity),
            "demographics.sex": dimensions.contains(.sex), "population": !result.population.isEmpty,
            "caseload": !result.caseload.isEmpty, "rates": !result.rates.isEmpty,
        ]
        promptRows = result.prompts.count
    }
}
