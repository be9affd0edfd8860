/// Rating bands for a key question's proportion of "yes" cases, as data: ordered band names
/// and the whole-number percentage at which each band after the first begins.
///
/// The youth inspection framework (2018–2021), ``youthInspection``: under 50% Inadequate,
/// 50% to under 65% Requires improvement, 65% to under 80% Good, 80% and over Outstanding.
/// The band belongs to the fraction itself, not to its printed rounded percentage: 11 of 17 is
/// 64.7…%, printed "65%", and is Requires improvement. Fractions are compared exactly in whole
/// numbers (k of n is at or above t% when 100k ≥ t·n).
public struct RatingBandScale: Sendable, Equatable, Codable {
    /// Band names from lowest to highest.
    public let names: [String]
    /// Lower edges of bands 2… in whole percentages, increasing (one fewer than ``names``).
    public let thresholds: [Int]

    /// Creates a scale.
    ///
    /// - Throws: ``InvalidArgumentError`` (`thresholds`) unless there is one threshold fewer than
    ///   names and the thresholds increase strictly within 1…100.
    public init(names: [String], thresholds: [Int]) throws {
        guard names.count == thresholds.count + 1 else {
            throw InvalidArgumentError("thresholds", "need one threshold fewer than band names")
        }
        guard let first = thresholds.first, let last = thresholds.last, first >= 1, last <= 100, zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw InvalidArgumentError("thresholds", "must increase strictly within 1...100")
        }
        self.names = names
        self.thresholds = thresholds
    }

    /// The key-question bands of an inspection ``Framework`` (held as data there).
    ///
    /// - Throws: ``InvalidArgumentError`` (`thresholds`) when a band minimum is not a whole
    ///   percentage, or the bands do not rise strictly within 1…100 after the first.
    public init(_ framework: Framework) throws {
        let bands = framework.keyQuestionBands
        var thresholds: [Int] = []
        for band in bands.dropFirst() {
            guard band.minimumPercent == band.minimumPercent.rounded(), band.minimumPercent.isFinite else {
                throw InvalidArgumentError("thresholds", "band minimum \(band.minimumPercent)% is not a whole percentage")
            }
            thresholds.append(Int(band.minimumPercent))
        }
        try self.init(names: bands.map(\.rating.name), thresholds: thresholds)
    }

    /// Inadequate < 50% ≤ Requires improvement < 65% ≤ Good < 80% ≤ Outstanding.
    public static let youthInspection = RatingBandScale(
        unchecked: ["Inadequate", "Requires improvement", "Good", "Outstanding"], thresholds: [50, 65, 80])

    private init(unchecked names: [String], thresholds: [Int]) {
        self.names = names
        self.thresholds = thresholds
    }

    /// The band index (0 = lowest) of the fraction `numerator/denominator` (denominator ≥ 1).
    public func band(_ numerator: Int, of denominator: Int) -> Int {
        var index = 0
        for threshold in thresholds where 100 * numerator >= threshold * denominator { index += 1 }
        return index
    }

    /// The band index of a proportion in [0, 1], comparing with threshold/100.
    public func band(ofProportion proportion: Double) -> Int {
        var index = 0
        for threshold in thresholds where proportion >= Double(threshold) / 100 { index += 1 }
        return index
    }

    /// The band's range as text: `<50%`, `50-64.99%`, `>=80%`.
    public func rangeText(_ index: Int) -> String {
        if index == 0 { return "<\(thresholds[0])%" }
        if index == thresholds.count { return ">=\(thresholds[index - 1])%" }
        return "\(thresholds[index - 1])-\(thresholds[index] - 1).99%"
    }
}
