import Foundation

/// An inspection framework held as data: its rating scale, domains, standards, key questions,
/// key-question bands, overall-rating bands and professional-discretion thresholds.
///
/// yjstat does not hard-code one framework. Two youth frameworks of HM Inspectorate of Probation
/// are bundled (``Framework/bundled()``): the 2018 standards (``Framework/youth2018()``, 12
/// standards, inspections to mid-2021) and the refreshed 2021 standards (``Framework/youth2021()``,
/// which add a resettlement standard that is rated but not scored). Any other framework is
/// another JSON file in the same format, loaded with ``Framework/load(contentsOf:)``. The format
/// is documented in the README (section "Inspection ratings and consistency checks"); each file's
/// ``notes`` say where its facts come from and which are unverified.
///
/// Rules applied with a framework (as published in Annexe 1 of each report):
/// - a key question's band is the highest band whose minimum percentage the exact fraction
///   *yes*/*relevant* reaches (``band(yes:relevant:)``);
/// - a standard rated by key questions takes the lowest band among them;
/// - the score is the sum of the scored standards' rating scores (0–36 in the youth framework);
/// - the overall rating is the band containing the score (``overallRating(score:)``).
public struct Framework: Sendable, Equatable {
    /// How a standard is rated.
    public enum RatingMethod: String, Sendable, Codable {
        /// The rating is the lowest band among the standard's key questions, computed from case counts.
        case keyQuestions = "key-questions"
        /// The rating is the inspectors' judgement; there is no rule to recompute it from counts.
        case judgement
    }

    /// A key question: a yes/no question asked of each relevant case in the sample.
    public struct KeyQuestion: Sendable, Equatable, Codable {
        /// Identifier such as `2.1.3`.
        public let id: String
        /// A short label in our own words (`assessment keeps other people safe`).
        public let label: String
        /// How reports word the question, per wording edition: a report's question text asks
        /// this key question when every phrase of one cue occurs in it (see
        /// ``Framework/keyQuestion(in:wording:)``). Empty when the framework file gives none.
        public let wordingCues: [WordingCue]
        /// The prompts that sit under the key question, by yjstat's short prompt labels
        /// (`analyses-offending-behaviour`; the vocabulary of ``PromptWording``, listed in
        /// `Datasets/README.md`). A prompt named under two key questions is asked for each. Empty
        /// when the framework file gives none.
        public let prompts: [String]

        /// Creates a key question.
        public init(id: String, label: String, wordingCues: [WordingCue] = [], prompts: [String] = []) {
            self.id = id
            self.label = label
            self.wordingCues = wordingCues
            self.prompts = prompts
        }

        enum CodingKeys: String, CodingKey { case id, label, wordingCues = "wording_cues", prompts }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            label = try container.decode(String.self, forKey: .label)
            wordingCues = try container.decodeIfPresent([WordingCue].self, forKey: .wordingCues) ?? []
            prompts = try container.decodeIfPresent([String].self, forKey: .prompts) ?? []
        }
    }

    /// Phrases that identify a key question in a report's text, for one wording edition of the
    /// framework ("the child or young person's desistance" in 2018–19, "the child's desistance" later).
    public struct WordingCue: Sendable, Equatable, Codable {
        /// The wording edition (an id from ``Framework/wordings``) whose reports use these phrases.
        public let wording: String
        /// Lower-case phrases that must all occur in the question text.
        public let phrases: [String]

        /// Creates a cue.
        public init(wording: String, phrases: [String]) {
            self.wording = wording
            self.phrases = phrases
        }
    }

    /// A wording edition: a period in which reports printed the key questions in one way.
    public struct Wording: Sendable, Equatable, Codable {
        /// Identifier such as `2018-2019`.
        public let id: String
        /// Which reports use it.
        public let description: String
    }

    /// A standard: one rated part of the framework.
    public struct Standard: Sendable, Equatable {
        /// Identifier such as `2.1`.
        public let id: String
        /// Name such as `Assessment`.
        public let name: String
        /// The domain the standard belongs to.
        public let domainID: String
        /// Whether the rating comes from key questions or from judgement.
        public let ratingMethod: RatingMethod
        /// Whether the rating counts towards the score.
        public let isScored: Bool
        /// The `inspections.csv` column holding the size of the case sample the key questions
        /// were asked of (`court_sample`), if the standard is case-based.
        public let sampleColumn: String?
        /// The key questions, in order (empty for judgement standards).
        public let keyQuestions: [KeyQuestion]

        /// Whether the standard is rated from case counts (and so can be recomputed and checked
        /// for professional discretion).
        public var isCaseBased: Bool { ratingMethod == .keyQuestions }
    }

    /// A domain: a group of standards (organisational delivery, court disposals, …).
    public struct Domain: Sendable, Equatable {
        /// Identifier such as `2`.
        public let id: String
        /// Name such as `Court disposals`.
        public let name: String
        /// The standards of the domain, in order.
        public let standards: [Standard]
    }

    /// Thresholds for the professional-discretion triggers.
    public struct DiscretionThresholds: Sendable, Equatable, Codable {
        /// A lowest key-question percentage within this many points of a band boundary
        /// (inclusive) is a trigger (5 in the youth framework).
        public let nearBoundaryPoints: Double
        /// A rating resting on this many relevant cases or fewer is a trigger (5 in the youth framework).
        public let smallSampleMaximum: Int

        enum CodingKeys: String, CodingKey {
            case nearBoundaryPoints = "near_boundary_points", smallSampleMaximum = "small_sample_maximum"
        }
    }

    /// Short identifier (`youth-2018`), as used in the `framework` column of `inspections.csv`.
    public let id: String
    /// Descriptive name.
    public let name: String
    /// The rating scale, lowest first.
    public let ratings: [Rating]
    /// Key-question bands, lowest first; the first starts at 0%.
    public let keyQuestionBands: [RatingBand]
    /// Overall-rating bands by score, lowest first, covering 0 through ``maximumScore`` without gaps.
    public let overallBands: [OverallRatingBand]
    /// Professional-discretion thresholds.
    public let discretion: DiscretionThresholds
    /// The domains, in order.
    public let domains: [Domain]
    /// The wording editions the key questions' ``KeyQuestion/wordingCues`` name (empty when the
    /// file gives none).
    public let wordings: [Wording]
    /// The first month (`YYYY-MM`) of inspections carried out under the framework, if the file
    /// gives it; used with ``inspectedUntil`` to choose a framework for a report by its dates.
    public let inspectedFrom: String?
    /// The last month (`YYYY-MM`) of inspections carried out under the framework, if it has ended.
    public let inspectedUntil: String?
    /// The file's notes: sources of its facts, and which details are unverified.
    public let notes: [String]
    private let aliases: [String: Rating]

    /// Whether an inspection in `month` (`YYYY-MM`) falls in the framework's period
    /// (``inspectedFrom`` through ``inspectedUntil``; an open end admits every month on that side).
    public func isInForce(inspectedIn month: String) -> Bool {
        (inspectedFrom.map { month >= $0 } ?? true) && (inspectedUntil.map { month <= $0 } ?? true)
    }

    /// Every key-question id, in framework order.
    public let keyQuestionIDs: [String]

    /// Every standard of every domain, in framework order.
    public let standards: [Standard]

    /// The standard with this id, if the framework has one.
    public func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }

    /// The standard a key question belongs to, if the framework has the key question.
    public func standard(containingKeyQuestion id: String) -> Standard? {
        standards.first { $0.keyQuestions.contains { $0.id == id } }
    }

    /// The key question with this id, if the framework has one.
    public func keyQuestion(_ id: String) -> KeyQuestion? {
        standard(containingKeyQuestion: id)?.keyQuestions.first { $0.id == id }
    }

    /// The largest score a framework file may give one rating (scores are small whole numbers,
    /// 0–3 in the youth framework; the bound keeps every sum of scores exact).
    public static let largestRatingScore = 1_000_000

    /// The highest possible score: the top rating's score times the number of scored standards.
    public var maximumScore: Int { (ratings.last?.score ?? 0) * standards.filter(\.isScored).count }

    /// The band boundaries between key-question bands (50, 65, 80 in the youth framework).
    public var boundaries: [Double] { keyQuestionBands.dropFirst().map(\.minimumPercent) }

    /// The rating a word names: the canonical word or one of its aliases, compared by
    /// ``RatingWord/key(_:)`` (so `Requires Improvement`, `requires-improvement` and `RI` all name
    /// Requires improvement). `nil` for an unknown word.
    public func rating(named word: String) -> Rating? { aliases[RatingWord.key(word)] }

    /// The band of `yes` of `relevant` cases (relevant ≥ 1, 0 ≤ yes ≤ relevant), by the exact fraction.
    public func band(yes: Int, relevant: Int) -> Rating {
        keyQuestionBands.last { $0.admits(yes: yes, relevant: relevant) }?.rating ?? keyQuestionBands[0].rating
    }

    /// The band of a percentage in 0–100.
    public func band(percent: Double) -> Rating {
        keyQuestionBands.last { $0.admits(percent: percent) }?.rating ?? keyQuestionBands[0].rating
    }

    /// The overall rating for a score, or `nil` when the score is outside 0…``maximumScore``.
    public func overallRating(score: Int) -> Rating? { overallBands.first { $0.contains(score) }?.rating }

    /// The rating one step up or down the scale from `rating`, if there is one.
    public func rating(adjacentTo rating: Rating, by step: Int) -> Rating? {
        let rank = rating.rank + step
        return ratings.indices.contains(rank) ? ratings[rank] : nil
    }

    /// The bundled 2018–2021 youth framework (`Frameworks/youth-2018.json`).
    public static func youth2018() throws -> Framework {
        try decode(BundledFrameworks.youth2018, source: "bundled framework youth-2018")
    }

    /// The bundled youth framework from mid-2021 (`Frameworks/youth-2021.json`): the 2018
    /// standards with 3.4 rated on out-of-court policy and provision, and a resettlement standard
    /// 4.1 that is rated but not scored (the score stays 0–36).
    public static func youth2021() throws -> Framework {
        try decode(BundledFrameworks.youth2021, source: "bundled framework youth-2021")
    }

    /// Every bundled framework, oldest first (by ``inspectedFrom``).
    public static func bundled() throws -> [Framework] {
        try BundledFrameworks.all.sorted { $0.key < $1.key }
            .map { try decode($0.value, source: "bundled framework \($0.key)") }
            .sorted { ($0.inspectedFrom ?? "") < ($1.inspectedFrom ?? "") }
    }

    /// Reads a framework JSON file.
    /// - Throws: ``InputError`` naming the file when it cannot be read, is not valid JSON in the
    ///   framework format, or is inconsistent (see ``decode(_:source:)``).
    public static func load(contentsOf url: URL) throws -> Framework {
        let data: Data
        do { data = try InputFiles.read(url) } catch let error as InputError {
            throw InputError(file: url.path, message: error.message.replacingOccurrences(of: "cannot read file", with: "cannot read framework file"))
        }
        return try decode(data: data, source: url.path)
    }

    /// Parses framework JSON text.
    public static func decode(_ text: String, source: String) throws -> Framework {
        try decode(data: Data(text.utf8), source: source)
    }

    /// Parses framework JSON bytes and validates them.
    ///
    /// - Throws: ``InputError`` when the JSON is malformed or lacks a field, and when the
    ///   framework is inconsistent: no ratings, duplicate rating words or aliases, a band naming an
    ///   unknown rating, key-question bands that do not start at 0 or do not rise strictly,
    ///   overall bands that do not cover 0…maximum score contiguously, duplicate standard or key
    ///   question ids, or a key-question standard without key questions or sample column.
    public static func decode(data: Data, source: String) throws -> Framework {
        let bytes = Array(data)
        // Syntax and repeated member names first: the decoder below would keep one of two
        // values given for one member without a word.
        if let syntax = JSONSyntaxLocator.firstError(in: bytes) {
            throw InputError(file: source, line: syntax.line, column: syntax.column,
                             message: "framework is not valid JSON: \(syntax.message)")
        }
        func located(_ context: DecodingError.Context, _ message: String) -> InputError {
            let at = JSONSyntaxLocator.location(of: jsonPath(context.codingPath), in: bytes)
            return InputError(file: source, line: at?.line, column: at?.column, message: message)
        }
        let file: FrameworkFile
        do {
            file = try JSONDecoder().decode(FrameworkFile.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw located(context, "framework is missing '\(key.stringValue)' at \(path(context))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw located(context, "framework has a wrong value at \(path(context)): \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw located(context, "framework is not valid JSON (\(context.debugDescription)) at \(path(context))")
        } catch {
            throw InputError(file: source, message: "framework could not be read: \(error)")
        }
        return try Framework(file, source: source, bytes: bytes)
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let parts = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
        return parts.isEmpty ? "the top level" : "$" + parts.joined()
    }

    private static func jsonPath(_ codingPath: [any CodingKey]) -> [JSONSyntaxLocator.PathComponent] {
        codingPath.map { key in key.intValue.map { .element($0) } ?? .member(key.stringValue) }
    }

    /// Validates a decoded file; `bytes` (its JSON text) locate each error at the value at fault.
    private init(_ file: FrameworkFile, source: String, bytes: [UInt8]) throws {
        typealias Step = JSONSyntaxLocator.PathComponent
        func fail(_ message: String, at path: [Step] = []) -> InputError {
            let at = path.isEmpty ? nil : JSONSyntaxLocator.location(of: path, in: bytes)
            return InputError(file: source, line: at?.line, column: at?.column, message: message)
        }
        guard !file.ratings.isEmpty else { throw fail("framework has no ratings", at: [.member("ratings")]) }
        var ratings: [Rating] = []
        var aliases: [String: Rating] = [:]
        for (rank, entry) in file.ratings.enumerated() {
            guard (0...Framework.largestRatingScore).contains(entry.score) else {
                throw fail("rating '\(entry.name)' has score \(entry.score); a rating score must be a whole number from 0 to \(Framework.largestRatingScore)",
                           at: [.member("ratings"), .element(rank), .member("score")])
            }
            let rating = Rating(name: entry.name, rank: rank, score: entry.score)
            ratings.append(rating)
            for word in [entry.name] + (entry.aliases ?? []) {
                let key = RatingWord.key(word)
                guard !key.isEmpty else { throw fail("rating '\(entry.name)' has an empty alias", at: [.member("ratings"), .element(rank)]) }
                if let other = aliases[key], other != rating {
                    throw fail("rating word '\(word)' names both '\(other.name)' and '\(rating.name)'", at: [.member("ratings"), .element(rank)])
                }
                aliases[key] = rating
            }
        }
        func rating(_ name: String, _ context: String, _ index: Int) throws -> Rating {
            guard let found = ratings.first(where: { $0.name == name }) else {
                throw fail("\(context) names rating '\(name)', which is not among the framework's ratings",
                           at: [.member(context), .element(index), .member("rating")])
            }
            return found
        }
        let bands = try file.keyQuestionBands.enumerated().map {
            RatingBand(rating: try rating($1.rating, "key_question_bands", $0), minimumPercent: $1.minimumPercent)
        }
        guard bands.first?.minimumPercent == 0 else {
            throw fail("key_question_bands must start at minimum_percent 0", at: [.member("key_question_bands")])
        }
        for (i, (lower, upper)) in zip(bands, bands.dropFirst()).enumerated() {
            guard upper.minimumPercent > lower.minimumPercent, upper.rating > lower.rating else {
                throw fail("key_question_bands must rise strictly in minimum_percent and rating ('\(lower.rating.name)' then '\(upper.rating.name)')",
                           at: [.member("key_question_bands"), .element(i + 1)])
            }
        }
        guard let lastBand = bands.last, lastBand.minimumPercent <= 100 else {
            throw fail("key_question_bands minimums must be at most 100", at: [.member("key_question_bands"), .element(bands.count - 1)])
        }
        let overall = try file.overallBands.enumerated().map {
            OverallRatingBand(rating: try rating($1.rating, "overall_bands", $0), minimumScore: $1.minimumScore, maximumScore: $1.maximumScore)
        }
        var seenStandards: Set<String> = []
        var seenQuestions: Set<String> = []
        var domains: [Domain] = []
        for (d, domain) in file.domains.enumerated() {
            var standards: [Standard] = []
            for (s, standard) in domain.standards.enumerated() {
                let standardPath: [Step] = [.member("domains"), .element(d), .member("standards"), .element(s)]
                guard seenStandards.insert(standard.id).inserted else {
                    throw fail("duplicate standard id '\(standard.id)'", at: standardPath + [.member("id")])
                }
                let questions = standard.keyQuestions ?? []
                // A cue (edition and set of phrases) given to two key questions of one standard
                // would match both: the question text could never be told apart.
                var cueOwners: [String: String] = [:]
                for (q, question) in questions.enumerated() {
                    let questionPath = standardPath + [.member("key_questions"), .element(q)]
                    guard seenQuestions.insert(question.id).inserted else {
                        throw fail("duplicate key question id '\(question.id)'", at: questionPath + [.member("id")])
                    }
                    var promptsSeen: Set<String> = []
                    for (p, prompt) in question.prompts.enumerated() {
                        let isLabel = !prompt.isEmpty && prompt.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
                        guard isLabel else {
                            throw fail("key question \(question.id) has the prompt '\(prompt)'; a prompt label is lower-case letters, digits and hyphens",
                                       at: questionPath + [.member("prompts"), .element(p)])
                        }
                        guard promptsSeen.insert(prompt).inserted else {
                            throw fail("key question \(question.id) lists the prompt '\(prompt)' twice", at: questionPath + [.member("prompts"), .element(p)])
                        }
                    }
                    for (c, cue) in question.wordingCues.enumerated() {
                        let cuePath = questionPath + [.member("wording_cues"), .element(c)]
                        guard !cue.phrases.isEmpty, cue.phrases.allSatisfy({ !$0.isEmpty && $0 == $0.lowercased() }) else {
                            throw fail("key question \(question.id) has a wording cue with no phrases or a phrase that is empty or not lower case",
                                       at: cuePath + [.member("phrases")])
                        }
                        var phrasesSeen: Set<String> = []
                        for (p, phrase) in cue.phrases.enumerated() where !phrasesSeen.insert(phrase).inserted {
                            throw fail("key question \(question.id) has the wording-cue phrase '\(phrase)' twice in one cue",
                                       at: cuePath + [.member("phrases"), .element(p)])
                        }
                        guard (file.wordings ?? []).contains(where: { $0.id == cue.wording }) else {
                            throw fail("key question \(question.id) has a wording cue for edition '\(cue.wording)', which 'wordings' does not list",
                                       at: cuePath + [.member("wording")])
                        }
                        let cueKey = ([cue.wording] + cue.phrases.sorted()).joined(separator: "\u{1F}")
                        if let owner = cueOwners[cueKey], owner != question.id {
                            throw fail("key questions \(owner) and \(question.id) of standard \(standard.id) have the same wording cue for edition '\(cue.wording)' (\(cue.phrases.map { "'\($0)'" }.joined(separator: ", "))): a question text could not be told apart",
                                       at: cuePath)
                        }
                        cueOwners[cueKey] = question.id
                    }
                }
                if standard.ratedBy == .keyQuestions {
                    guard !questions.isEmpty else { throw fail("standard \(standard.id) is rated by key questions but lists none", at: standardPath) }
                    guard domain.sampleColumn != nil else {
                        throw fail("domain \(domain.id) has key-question standards but no sample_column", at: [.member("domains"), .element(d)])
                    }
                }
                standards.append(Standard(id: standard.id, name: standard.name, domainID: domain.id,
                                          ratingMethod: standard.ratedBy, isScored: standard.scored,
                                          sampleColumn: domain.sampleColumn, keyQuestions: questions))
            }
            domains.append(Domain(id: domain.id, name: domain.name, standards: standards))
        }
        guard !seenStandards.isEmpty else { throw fail("framework has no standards", at: [.member("domains")]) }
        for (member, month) in [("inspected_from", file.inspectedFrom), ("inspected_until", file.inspectedUntil)] {
            guard let month else { continue }
            let parts = month.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
                  let number = Int(parts[1]), (1...12).contains(number) else {
                throw fail("\(member) must be a month written YYYY-MM, not '\(month)'", at: [.member(member)])
            }
        }
        if let from = file.inspectedFrom, let until = file.inspectedUntil, until < from {
            throw fail("inspected_until (\(until)) is before inspected_from (\(from))", at: [.member("inspected_until")])
        }
        let maximum = (ratings.last?.score ?? 0) * domains.flatMap(\.standards).filter(\.isScored).count
        var expected = 0
        for (b, band) in overall.enumerated() {
            let bandPath: [Step] = [.member("overall_bands"), .element(b)]
            guard (0...CountLimit.maximum).contains(band.minimumScore), (0...CountLimit.maximum).contains(band.maximumScore) else {
                throw fail("overall band '\(band.rating.name)' has a score outside 0 to \(CountLimit.maximumText)", at: bandPath)
            }
            guard band.maximumScore >= band.minimumScore else {
                throw fail("overall band '\(band.rating.name)' runs from \(band.minimumScore) down to \(band.maximumScore)", at: bandPath)
            }
            guard band.minimumScore == expected else {
                throw fail("overall_bands must cover scores 0 to \(maximum) in order without gaps (band '\(band.rating.name)' starts at \(band.minimumScore), expected \(expected))",
                           at: bandPath + [.member("minimum_score")])
            }
            expected = band.maximumScore + 1
        }
        guard expected == maximum + 1 else {
            throw fail("overall_bands end at \(expected - 1) but the maximum score is \(maximum)", at: [.member("overall_bands")])
        }
        guard file.discretion.nearBoundaryPoints >= 0, file.discretion.smallSampleMaximum >= 0,
              file.discretion.nearBoundaryPoints <= 100, file.discretion.smallSampleMaximum <= CountLimit.maximum else {
            throw fail("discretion thresholds must be whole numbers from 0 to \(CountLimit.maximumText)", at: [.member("discretion")])
        }
        self.id = file.id
        self.name = file.name
        self.ratings = ratings
        self.keyQuestionBands = bands
        self.overallBands = overall
        self.discretion = file.discretion
        self.domains = domains
        self.standards = domains.flatMap(\.standards)
        self.keyQuestionIDs = domains.flatMap(\.standards).flatMap { $0.keyQuestions.map(\.id) }
        self.wordings = file.wordings ?? []
        self.inspectedFrom = file.inspectedFrom
        self.inspectedUntil = file.inspectedUntil
        self.notes = file.notes ?? []
        self.aliases = aliases
    }
}

/// The JSON layout of a framework file (snake_case keys).
private struct FrameworkFile: Decodable {
    struct RatingEntry: Decodable {
        let name: String
        let score: Int
        let aliases: [String]?
    }
    struct BandEntry: Decodable {
        let rating: String
        let minimumPercent: Double
        enum CodingKeys: String, CodingKey { case rating, minimumPercent = "minimum_percent" }
    }
    struct OverallEntry: Decodable {
        let rating: String
        let minimumScore: Int
        let maximumScore: Int
        enum CodingKeys: String, CodingKey { case rating, minimumScore = "minimum_score", maximumScore = "maximum_score" }
    }
    struct StandardEntry: Decodable {
        let id: String
        let name: String
        let ratedBy: Framework.RatingMethod
        let scored: Bool
        let keyQuestions: [Framework.KeyQuestion]?
        enum CodingKeys: String, CodingKey { case id, name, ratedBy = "rated_by", scored, keyQuestions = "key_questions" }
    }
    struct DomainEntry: Decodable {
        let id: String
        let name: String
        let sampleColumn: String?
        let standards: [StandardEntry]
        enum CodingKeys: String, CodingKey { case id, name, sampleColumn = "sample_column", standards }
    }
    let id: String
    let name: String
    let ratings: [RatingEntry]
    let keyQuestionBands: [BandEntry]
    let overallBands: [OverallEntry]
    let discretion: Framework.DiscretionThresholds
    let domains: [DomainEntry]
    let wordings: [Framework.Wording]?
    let inspectedFrom: String?
    let inspectedUntil: String?
    let notes: [String]?
    enum CodingKeys: String, CodingKey {
        case id, name, ratings, discretion, domains, wordings, notes
        case inspectedFrom = "inspected_from", inspectedUntil = "inspected_until"
        case keyQuestionBands = "key_question_bands", overallBands = "overall_bands"
    }
}
