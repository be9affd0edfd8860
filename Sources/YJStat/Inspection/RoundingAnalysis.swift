/// Which (yes, relevant) pairs a printed percentage could have come from, and whether they fall
/// in different key-question bands.
///
/// A report that prints only a rounded percentage hides the fraction, and the band belongs to the
/// fraction: printed 65% fits 11/17 = 64.7% (Requires improvement) and 13/20 = 65.0% (Good). Given
/// an upper bound on the number of relevant cases (the sample size), the analysis lists every pair
/// with 1 ≤ relevant ≤ bound and 0 ≤ yes ≤ relevant whose percentage rounds to the printed figure
/// by either ``RoundingConvention`` (round half up or half to even), with each pair's exact band.
///
/// Without a bound, ``pairs`` is empty and ``bands`` are those of every real percentage that rounds
/// to the figure: [Q − ½, Q + ½) rounding half up, plus Q + ½ when Q is even (half to even).
///
/// - Complexity: O(bound) — at most a few pairs per relevant count.
public struct RoundingAnalysis: Sendable, Equatable, Codable {
    /// One (yes, relevant) pair consistent with the printed figure.
    public struct Pair: Sendable, Equatable, Codable {
        /// Cases judged *yes*.
        public let yes: Int
        /// Relevant cases.
        public let relevant: Int
        /// The exact percentage 100·yes/relevant.
        public let percent: Double
        /// The key-question band of the exact fraction.
        public let band: Rating
        /// The rounding conventions under which the pair prints as the figure.
        public let conventions: [RoundingConvention]

        /// `11/17 = 64.7% (Requires improvement)`.
        public var text: String {
            "\(yes)/\(relevant) = \(NumberFormatting.fixed(percent, 1))% (\(band.name))"
        }
    }

    /// The printed figure.
    public let printed: PrintedPercent
    /// The upper bound on relevant cases, if known.
    public let maximumRelevant: Int?
    /// The band the printed figure itself falls in.
    public let printedBand: Rating
    /// Every consistent pair, by relevant then yes (empty without a bound).
    public let pairs: [Pair]
    /// The distinct bands of the consistent fractions, lowest first.
    public let bands: [Rating]

    /// Analyses a printed percentage against a framework's bands.
    public init(printed: PrintedPercent, maximumRelevant: Int?, framework: Framework) {
        self.printed = printed
        self.maximumRelevant = maximumRelevant
        self.printedBand = framework.band(percent: printed.value)
        guard let bound = maximumRelevant else {
            pairs = []
            let unit = Double(printed.unit)
            let low = (Double(printed.scaled) - 0.5) / unit
            let high = (Double(printed.scaled) + 0.5) / unit
            let lowest = framework.band(percent: max(0, low))
            let highest: Rating
            if printed.scaled % 2 == 0 {
                highest = framework.band(percent: min(100, high))
            } else {
                highest = framework.keyQuestionBands.last { $0.minimumPercent < high }?.rating ?? lowest
            }
            bands = framework.ratings.filter { $0.rank >= lowest.rank && $0.rank <= highest.rank }
                .filter { rating in framework.keyQuestionBands.contains { $0.rating == rating } }
            return
        }
        var found: [Pair] = []
        if bound >= 1 {
            for relevant in 1...bound {
                // Candidates: (2Q − 1)·relevant / (200·unit) ≤ yes ≤ (2Q + 1)·relevant / (200·unit).
                let low = max(0, ((2 * printed.scaled - 1) * relevant) / (200 * printed.unit))
                let high = min(relevant, ((2 * printed.scaled + 1) * relevant) / (200 * printed.unit) + 1)
                guard low <= high else { continue }
                for yes in low...high {
                    let conventions = printed.conventions(roundingYes: yes, relevant: relevant)
                    guard !conventions.isEmpty else { continue }
                    found.append(Pair(yes: yes, relevant: relevant, percent: 100 * Double(yes) / Double(relevant),
                                      band: framework.band(yes: yes, relevant: relevant), conventions: conventions))
                }
            }
        }
        pairs = found
        bands = Array(Set(found.map(\.band))).sorted()
    }

    /// Whether consistent fractions fall in more than one band.
    public var isBandAmbiguous: Bool { bands.count > 1 }

    /// Whether no pair within the bound rounds to the printed figure (only with a bound).
    public var isImpossible: Bool { maximumRelevant != nil && pairs.isEmpty }

    /// For each band, the consistent pair with the fewest relevant cases (then fewest yes).
    public var examples: [Pair] {
        bands.compactMap { band in pairs.first { $0.band == band } }
    }

    /// A sentence such as `printed 65% fits 11/17 = 64.7% (Requires improvement) and 13/20 = 65.0% (Good)`.
    public var summary: String {
        let bound = maximumRelevant.map { " with at most \($0) relevant cases" } ?? ""
        if isImpossible {
            return "no fraction\(bound) rounds to \(printed) (half up or half to even)"
        }
        if maximumRelevant == nil {
            let names = bands.map(\.name).joined(separator: " or ")
            return "printed \(printed) covers \(names) (number of relevant cases unknown)"
        }
        let shown = examples.map(\.text)
        if shown.count == 1 { return "printed \(printed) fits only \(bands[0].name) fractions\(bound), e.g. \(shown[0])" }
        return "printed \(printed) fits " + shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "") + bound
    }
}
