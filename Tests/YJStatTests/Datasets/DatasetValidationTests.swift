import Foundation
import Testing
import YJStat

/// Validates every bundled dataset file in `Datasets/` (found from this file's path): schema,
/// types, ranges, counts against samples, rating words, scores, percentage groups, and that the
/// data dictionary documents every file, column and known exception.
///
/// The checks read the CSV text with the plain ``CSVReader`` and apply the published rules
/// directly (bands 50/65/80, I=0 … O=3, overall bands 0–6/7–18/19–30/31–36), so they do not rely on
/// the ratings engine or the summary's own reader, which have their own tests.
@Suite("Bundled datasets are valid")
struct DatasetValidationTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Datasets
        .deletingLastPathComponent()   // YJStatTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repository root
        .appendingPathComponent("Datasets")

    static let schemas: [String: [String]] = [
        "inspections.csv": ["service", "name", "published", "framework", "score", "overall_rating", "court_sample", "ooc_sample"],
        "ratings.csv": ["service", "standard", "rating"],
        "key_questions.csv": ["service", "key_question", "relevant", "yes", "percent"],
        "prompts.csv": ["service", "key_question", "prompt", "relevant", "yes", "percent"],
        "discretion.csv": ["service", "standard", "rule_rating", "published_rating", "note"],
        "demographics.csv": ["service", "dimension", "category", "service_percent", "comparator", "comparator_percent"],
        "population.csv": ["service", "measure", "value", "year"],
        "caseload.csv": ["service", "disposal", "count"],
        "rates.csv": ["service", "measure", "service_value", "comparator", "comparator_value"],
        "sample_composition.csv": ["service", "domain", "disposal", "count"],
    ]

    static let services = ["kensington-and-chelsea", "north-somerset", "brent"]
    static let ratingScores = ["Inadequate": 0, "Requires improvement": 1, "Good": 2, "Outstanding": 3]
    static let standards = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]
    static var keyQuestions: [String] {
        standards.filter { !$0.hasPrefix("1.") }.flatMap { standard in (1...(standard == "3.4" ? 2 : 3)).map { "\(standard).\($0)" } }
    }

    /// Groups of percentages that do not sum to 100, each documented in `Datasets/README.md`
    /// (key: service/dimension/column/comparator; value: the printed sum and the README text).
    static let documentedExceptions: [String: (sum: Int, readme: String)] = [
        "brent/ethnicity/comparator_percent/national": (101, "71 + 26 + 4 = 101"),
    ]

    func table(_ name: String) throws -> CSVTable {
        try CSVReader.read(contentsOf: Self.folder.appendingPathComponent(name))
    }

    // MARK: - Schema and types

    @Test(arguments: schemas.keys.sorted())
    func headerIsTheDocumentedSchema(file: String) throws {
        let table = try table(file)
        #expect(table.header == Self.schemas[file], "\(file)")
        #expect(!table.rows.isEmpty, "\(file) has no rows")
        let raw = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        #expect(!raw.contains("\r"), "\(file): LF line endings")
        #expect(raw.hasSuffix("\n"), "\(file): ends with a line break")
        for row in table.rows {
            let service = try row.string("service")
            #expect(Self.services.contains(service), "\(file):\(row.line): unknown service '\(service)'")
            for (index, field) in row.fields.enumerated() {
                #expect(field == field.trimmingCharacters(in: .whitespaces), "\(file):\(row.line):\(index + 1): stray spaces")
            }
        }
    }

    @Test func inspectionsHaveOneRowPerServiceWithValidFields() throws {
        let rows = try table("inspections.csv").rows
        #expect(try rows.map { try $0.string("service") } == Self.services)
        for row in rows {
            #expect(try row.string("framework") == "youth-2018")
            if let published = row.optionalString("published") {
                #expect(published.wholeMatch(of: /20[0-9]{2}-(0[1-9]|1[0-2])/) != nil, "line \(row.line): published '\(published)'")
            }
            #expect(Self.ratingScores[try row.string("overall_rating")] != nil, "line \(row.line)")
            #expect(try row.int("court_sample") >= 1)
            #expect(try row.int("ooc_sample") >= 1)
            if let score = try row.optionalInt("score") { #expect((0...36).contains(score)) }
        }
    }

    @Test func ratingsHaveEveryStandardOnceWithACanonicalRatingWord() throws {
        let rows = try table("ratings.csv").rows
        for service in Self.services {
            let mine = rows.filter { (try? $0.string("service")) == service }
            #expect(try mine.map { try $0.string("standard") } == Self.standards, "\(service)")
            for row in mine {
                let word = try row.string("rating")
                #expect(Self.ratingScores[word] != nil, "ratings.csv:\(row.line): '\(word)' is not a rating word")
            }
        }
    }

    // MARK: - Counts, percentages, samples

    func samples() throws -> [String: (court: Int, ooc: Int)] {
        var result: [String: (court: Int, ooc: Int)] = [:]
        for row in try table("inspections.csv").rows {
            result[try row.string("service")] = (try row.int("court_sample"), try row.int("ooc_sample"))
        }
        return result
    }

    func sampleSize(_ samples: [String: (court: Int, ooc: Int)], _ service: String, _ keyQuestion: String) throws -> Int {
        let sizes = try #require(samples[service])
        return keyQuestion.hasPrefix("2.") ? sizes.court : sizes.ooc
    }

    @Test func keyQuestionsAreCompleteAndYesWithinRelevantWithinSample() throws {
        let rows = try table("key_questions.csv").rows
        let samples = try samples()
        for service in Self.services {
            let mine = rows.filter { (try? $0.string("service")) == service }
            #expect(try mine.map { try $0.string("key_question") } == Self.keyQuestions, "\(service)")
            for row in mine {
                let question = try row.string("key_question")
                let relevant = try row.optionalInt("relevant"), yes = try row.optionalInt("yes"), percent = try row.optionalInt("percent")
                #expect((relevant == nil) == (yes == nil), "key_questions.csv:\(row.line): counts come in pairs")
                #expect(relevant != nil || percent != nil, "key_questions.csv:\(row.line): neither counts nor percent")
                if let relevant, let yes {
                    let size = try sampleSize(samples, service, question)
                    #expect(yes >= 0 && yes <= relevant, "key_questions.csv:\(row.line): yes \(yes) > relevant \(relevant)")
                    #expect(relevant <= size, "key_questions.csv:\(row.line): relevant \(relevant) above the sample of \(size)")
                }
                if let percent { #expect((0...100).contains(percent), "key_questions.csv:\(row.line)") }
            }
        }
    }

    @Test func promptsAreUnderKnownKeyQuestionsWithYesWithinRelevantWithinSample() throws {
        let rows = try table("prompts.csv").rows
        let samples = try samples()
        let slug = /[a-z0-9]+(-[a-z0-9]+)*/
        #expect(rows.count == 93 + 93 + 13)
        for row in rows {
            let service = try row.string("service"), question = try row.string("key_question")
            #expect(Self.keyQuestions.contains(question), "prompts.csv:\(row.line): unknown key question \(question)")
            #expect(try row.string("prompt").wholeMatch(of: slug) != nil, "prompts.csv:\(row.line): prompt label is not a slug")
            let relevant = try row.optionalInt("relevant"), yes = try row.optionalInt("yes"), percent = try row.optionalInt("percent")
            #expect((relevant == nil) == (yes == nil), "prompts.csv:\(row.line): counts come in pairs")
            if let relevant {
                let size = try sampleSize(samples, service, question)
                #expect(relevant >= 1 && relevant <= size, "prompts.csv:\(row.line): relevant \(relevant) of a sample of \(size)")
                if let yes { #expect(yes >= 0 && yes <= relevant, "prompts.csv:\(row.line): yes \(yes) > relevant \(relevant)") }
            }
            if let percent { #expect((0...100).contains(percent), "prompts.csv:\(row.line)") }
        }
        // The one prompt printed "N/A N/A" has neither counts nor percent; every other row has a figure.
        let empty = rows.filter { $0.optionalString("relevant") == nil && $0.optionalString("percent") == nil }
        #expect(try empty.map { "\(try $0.string("service")) \(try $0.string("key_question")) \(try $0.string("prompt"))" }
            == ["kensington-and-chelsea 3.3.3 protects-actual-potential-victims"])
    }

    @Test func sampleCompositionAddsUpToTheSamples() throws {
        let rows = try table("sample_composition.csv").rows
        let samples = try samples()
        for service in ["kensington-and-chelsea", "north-somerset"] {
            let sizes = try #require(samples[service])
            func total(_ domain: String) throws -> Int {
                try rows.filter { try $0.string("service") == service && $0.string("domain") == domain }.reduce(0) { $0 + (try $1.int("count")) }
            }
            #expect(try total("court") == sizes.court, "\(service) court")
            #expect(try total("out_of_court") == sizes.ooc, "\(service) out of court")
        }
        #expect(try rows.allSatisfy { try ["court", "out_of_court"].contains($0.string("domain")) && $0.int("count") >= 1 })
        #expect(try !rows.contains { try $0.string("service") == "brent" }, "Brent prints no breakdown")
    }

    // MARK: - Ratings, scores and discretion

    /// Band of yes/relevant by the exact fraction: 100·yes compared with 50, 65, 80 times relevant.
    static func band(yes: Int, relevant: Int) -> String {
        if 100 * yes >= 80 * relevant { return "Outstanding" }
        if 100 * yes >= 65 * relevant { return "Good" }
        if 100 * yes >= 50 * relevant { return "Requires improvement" }
        return "Inadequate"
    }

    static func overall(score: Int) -> String {
        switch score {
        case ...6: return "Inadequate"
        case 7...18: return "Requires improvement"
        case 19...30: return "Good"
        default: return "Outstanding"
        }
    }

    @Test func scoreIsTheSumOfTheRatingsAndTheOverallRatingItsBand() throws {
        let ratings = try table("ratings.csv").rows
        var sums: [String: Int] = [:]
        for row in ratings { sums[try row.string("service"), default: 0] += try #require(Self.ratingScores[try row.string("rating")]) }
        #expect(sums == ["kensington-and-chelsea": 29, "north-somerset": 26, "brent": 21])
        for row in try table("inspections.csv").rows {
            let service = try row.string("service")
            let sum = try #require(sums[service])
            if let score = try row.optionalInt("score") { #expect(score == sum, "\(service): score \(score), ratings add up to \(sum)") }
            #expect(try row.string("overall_rating") == Self.overall(score: sum), "\(service)")
        }
        #expect(try table("inspections.csv").rows.map { $0.optionalString("score") } == ["29", "26", nil])
    }

    @Test func discretionRowsMatchTheCountsAndThePublishedRatings() throws {
        let keyQuestions = try table("key_questions.csv").rows
        let ratings = try table("ratings.csv").rows
        let rows = try table("discretion.csv").rows
        #expect(try rows.map { "\(try $0.string("service")) \(try $0.string("standard"))" }
            == ["kensington-and-chelsea 3.1", "kensington-and-chelsea 3.2", "north-somerset 3.2", "north-somerset 3.3"])
        for row in rows {
            let service = try row.string("service"), standard = try row.string("standard")
            let bands = try keyQuestions.filter { try $0.string("service") == service && $0.string("key_question").hasPrefix(standard + ".") }
                .compactMap { kq -> String? in
                    guard let relevant = try kq.optionalInt("relevant"), relevant > 0, let yes = try kq.optionalInt("yes") else { return nil }
                    return Self.band(yes: yes, relevant: relevant)
                }
            let lowest = bands.min { (Self.ratingScores[$0] ?? 0) < (Self.ratingScores[$1] ?? 0) }
            #expect(lowest == (try row.string("rule_rating")), "discretion.csv:\(row.line)")
            let published = try ratings.first { try $0.string("service") == service && $0.string("standard") == standard }
            #expect(try published?.string("rating") == (try row.string("published_rating")), "discretion.csv:\(row.line)")
            #expect(try row.string("rule_rating") != (try row.string("published_rating")))
            #expect(!(row.optionalString("note") ?? "").isEmpty)
        }
    }

    /// Every case-based standard with counts gets its published rating from the lowest band, except
    /// the four footnoted discretion cases.
    @Test func publishedRatingsFollowTheRulesExceptTheFootnotedCases() throws {
        let keyQuestions = try table("key_questions.csv").rows
        let ratings = try table("ratings.csv").rows
        var differing: [String] = []
        for service in ["kensington-and-chelsea", "north-somerset"] {
            for standard in Self.standards where !standard.hasPrefix("1.") {
                let bands = try keyQuestions.filter { try $0.string("service") == service && $0.string("key_question").hasPrefix(standard + ".") }
                    .map { Self.band(yes: try $0.int("yes"), relevant: try $0.int("relevant")) }
                let lowest = try #require(bands.min { (Self.ratingScores[$0] ?? 0) < (Self.ratingScores[$1] ?? 0) })
                let published = try #require(try ratings.first { try $0.string("service") == service && $0.string("standard") == standard })
                if try published.string("rating") != lowest { differing.append("\(service) \(standard)") }
            }
        }
        #expect(differing == ["kensington-and-chelsea 3.1", "kensington-and-chelsea 3.2", "north-somerset 3.2", "north-somerset 3.3"])
    }

    // MARK: - Contextual facts

    @Test func demographicsUseTheDocumentedVocabularyAndPercentRange() throws {
        let categories = ["age": ["10-14", "15-17"], "ethnicity": ["White", "Black and minority ethnic", "Unknown"], "sex": ["Male", "Female"]]
        for row in try table("demographics.csv").rows {
            let dimension = try row.string("dimension")
            let allowed = try #require(categories[dimension], "demographics.csv:\(row.line): dimension '\(dimension)'")
            #expect(allowed.contains(try row.string("category")), "demographics.csv:\(row.line)")
            #expect(["national", "local_population"].contains(try row.string("comparator")), "demographics.csv:\(row.line)")
            #expect((0...100).contains(try row.int("service_percent")), "demographics.csv:\(row.line)")
            #expect((0...100).contains(try row.int("comparator_percent")), "demographics.csv:\(row.line)")
        }
    }

    /// Each complete group of percentages (a service's categories of one dimension, against the
    /// national average) sums to 100, or is a documented exception; an exception must still be
    /// within rounding: k whole percentages, each off by at most ½, can miss 100 by at most ⌊k/2⌋.
    @Test func percentageGroupsSumToOneHundredOrAreDocumentedExceptions() throws {
        let rows = try table("demographics.csv").rows.filter { try $0.string("comparator") == "national" }
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        var found: [String: Int] = [:]
        var groups = 0
        for service in Self.services {
            for dimension in ["age", "ethnicity", "sex"] {
                let group = try rows.filter { try $0.string("service") == service && $0.string("dimension") == dimension }
                #expect(group.count == (dimension == "ethnicity" ? 3 : 2), "\(service) \(dimension) is incomplete")
                for column in ["service_percent", "comparator_percent"] {
                    groups += 1
                    let sum = try group.reduce(0) { $0 + (try $1.int(column)) }
                    let key = "\(service)/\(dimension)/\(column)/national"
                    if sum != 100 {
                        found[key] = sum
                        #expect(abs(sum - 100) <= group.count / 2, "\(key) sums to \(sum), beyond rounding")
                    }
                }
            }
        }
        #expect(groups == 18)
        #expect(found.mapValues { $0 } == Self.documentedExceptions.mapValues(\.sum), "undocumented or stale exceptions: \(found)")
        for (key, exception) in Self.documentedExceptions {
            #expect(readme.contains(exception.readme), "Datasets/README.md does not document \(key)")
        }
    }

    @Test func localPopulationShareAgreesWithThePopulationCounts() throws {
        let local = try table("demographics.csv").rows.filter { try $0.string("comparator") == "local_population" }
        let population = try table("population.csv").rows
        #expect(local.count == 1)
        for row in local {
            let service = try row.string("service")
            func value(_ measure: String) throws -> Int {
                try #require(try population.first { try $0.string("service") == service && $0.string("measure") == measure }).int("value")
            }
            let share = 100 * Double(try value("age_10_17_bame")) / Double(try value("age_10_17"))
            #expect(Int(share.rounded()) == (try row.int("comparator_percent")), "\(service): \(share)%")
        }
    }

    @Test func populationFiguresAreOrdered() throws {
        let rows = try table("population.csv").rows
        for service in Self.services {
            var values: [String: Int] = [:]
            for row in rows where try row.string("service") == service {
                let measure = try row.string("measure")
                #expect(["total", "age_10_17", "age_10_17_bame"].contains(measure), "population.csv:\(row.line)")
                #expect(values[measure] == nil, "population.csv:\(row.line): repeated \(measure)")
                values[measure] = try row.int("value")
                #expect((2011...2020).contains(try row.int("year")), "population.csv:\(row.line)")
            }
            let total = try #require(values["total"]), youth = try #require(values["age_10_17"])
            #expect(youth > 0 && youth < total, "\(service)")
            if let minority = values["age_10_17_bame"] { #expect(minority > 0 && minority < youth, "\(service)") }
        }
    }

    @Test func caseloadAndRatesUseTheDocumentedVocabulary() throws {
        let disposals = ["community-sentence", "custody", "licence", "youth-caution", "youth-conditional-caution",
                         "community-resolution-or-other-out-of-court"]
        let caseload = try table("caseload.csv").rows
        for service in ["kensington-and-chelsea", "north-somerset"] {
            #expect(try caseload.filter { try $0.string("service") == service }.map { try $0.string("disposal") } == disposals)
        }
        #expect(try caseload.allSatisfy { try $0.int("count") >= 0 })
        let rates = try table("rates.csv").rows
        #expect(try rates.map { "\(try $0.string("service")) \(try $0.string("measure"))" }
            == ["brent first_time_entrants_per_100000", "brent reoffending_percent"])
        for row in rates {
            #expect(try row.string("comparator") == "england_wales")
            let own = try row.double("service_value"), other = try row.double("comparator_value")
            #expect(own > 0 && other > 0)
            if try row.string("measure") == "reoffending_percent" { #expect(own <= 100 && other <= 100) }
        }
    }

    // MARK: - Documentation and the library reader

    @Test func readmeDocumentsEveryFileAndColumn() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        for (file, columns) in Self.schemas {
            #expect(readme.contains("### \(file)"), "no section for \(file)")
            for column in columns { #expect(readme.contains("`\(column)`"), "\(file): column \(column) is not documented") }
        }
        #expect(readme.contains("Open Government Licence"))
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".csv") }
        #expect(Set(onDisk) == Set(Self.schemas.keys), "a CSV file without a schema here, or a schema without a file")
    }

    @Test func theSummaryReaderAcceptsTheBundledDatasets() throws {
        let dataset = try SummaryDataset.read(directory: Self.folder, frameworks: .given(try Framework.youth2018()))
        #expect(dataset.services == Self.services)
        #expect(dataset.demographics.count == 22)
        #expect(dataset.prompts.count == 199)
        #expect(dataset.hasSampleComposition)
    }
}
