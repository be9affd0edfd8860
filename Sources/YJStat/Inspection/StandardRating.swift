/// The rule rating of a case-based standard, with the key questions behind it and the
/// professional-discretion triggers that apply.
///
/// Rule (2018–2021 youth framework, Annexe 1): the standard's rating is the lowest band among its
/// key questions. Key questions with no relevant cases are left out. When a framework key question
/// has no result at all, the rating is computed from the others and ``missingKeyQuestions`` says
/// so (the true rating can then only be the same or lower).
public struct StandardRating: Sendable, Equatable, Codable {
    /// Standard id (`3.2`).
    public let standard: String
    /// The rule rating, or `nil` when no key question has a usable result.
    public let rating: Rating?
    /// The key-question results used, in framework order.
    public let keyQuestions: [KeyQuestionResult]
    /// Framework key questions with no result.
    public let missingKeyQuestions: [String]
    /// The key question with the lowest percentage (the first, in framework order, on ties).
    public let lowest: KeyQuestionResult?
    /// The professional-discretion triggers, in the order near boundary, one-case changes, small samples.
    public let triggers: [DiscretionTrigger]

    /// Rates a standard from its key-question results.
    ///
    /// - Parameters:
    ///   - standard: The framework standard.
    ///   - results: Results for (some of) its key questions, in any order.
    ///   - sampleSize: The size of the case sample the key questions were asked of, if known; a
    ///     printed-percent result rests on at most this many cases.
    ///   - framework: The framework supplying bands and discretion thresholds.
    public init(standard: Framework.Standard, results: [KeyQuestionResult], sampleSize: Int?, framework: Framework) {
        self.standard = standard.id
        let ordered = standard.keyQuestions.compactMap { question in results.first { $0.keyQuestion == question.id } }
        keyQuestions = ordered
        missingKeyQuestions = standard.keyQuestions.map(\.id).filter { id in !results.contains { $0.keyQuestion == id } }
        let rating = ordered.map(\.band).min()
        self.rating = rating
        lowest = ordered.min { $0.percent < $1.percent }
        guard let rating, let lowest else {
            triggers = []
            return
        }
        var found: [DiscretionTrigger] = []
        let thresholds = framework.discretion
        // 1. The lowest percentage within the framework's distance of a band boundary.
        for boundary in framework.boundaries {
            let distance = lowest.distance(to: boundary)
            guard distance <= thresholds.nearBoundaryPoints else { continue }
            let below = lowest.percent < boundary
            found.append(DiscretionTrigger(
                kind: .nearBoundary, keyQuestion: lowest.keyQuestion, supports: [below ? .up : .down],
                evidence: "lowest key question \(lowest.keyQuestion) (\(lowest.text)) is "
                    + (distance == 0 ? "exactly at" : "\(NumberFormatting.fixed(distance, 1)) points \(below ? "below" : "above")")
                    + " the \(NumberFormatting.fixed(boundary, 0))% boundary"))
        }
        // 2. One case judged differently changes the standard's rating.
        for (index, result) in ordered.enumerated() {
            for step in [1, -1] {
                guard let changed = result.changingOneCase(by: step, framework: framework) else { continue }
                var bands = ordered.map(\.band)
                bands[index] = changed.band
                guard let newRating = bands.min(), newRating != rating, let yes = result.yes, let relevant = result.relevant else { continue }
                found.append(DiscretionTrigger(
                    kind: .oneCaseChange, keyQuestion: result.keyQuestion, supports: [.up, .down],
                    evidence: "\(result.keyQuestion): \(yes)/\(relevant) → \(yes + step)/\(relevant) would make the standard \(newRating.name) instead of \(rating.name)"))
            }
        }
        // 3. The rating rests on a sample or sub-sample of few cases.
        for result in ordered where result.band == rating {
            if let relevant = result.relevant {
                guard relevant <= thresholds.smallSampleMaximum else { continue }
                found.append(DiscretionTrigger(
                    kind: .smallSample, keyQuestion: result.keyQuestion, supports: [.up, .down],
                    evidence: "\(result.keyQuestion) rests on \(relevant) relevant case\(relevant == 1 ? "" : "s") (\(thresholds.smallSampleMaximum) or fewer)"))
            } else if let sampleSize, sampleSize <= thresholds.smallSampleMaximum {
                found.append(DiscretionTrigger(
                    kind: .smallSample, keyQuestion: result.keyQuestion, supports: [.up, .down],
                    evidence: "\(result.keyQuestion) rests on a sample of \(sampleSize) case\(sampleSize == 1 ? "" : "s") or fewer (\(thresholds.smallSampleMaximum) or fewer)"))
            }
        }
        triggers = found
    }

    /// The key questions in the lowest band, which decide the rating.
    public var decidingKeyQuestions: [KeyQuestionResult] { keyQuestions.filter { $0.band == rating } }

    /// Whether the triggers support moving the rule rating one band in `direction`.
    public func isSupported(_ direction: DiscretionTrigger.Direction) -> Bool {
        triggers.contains { $0.supports(direction) }
    }
}
