import Foundation

/// The precision a sample is sized for: a confidence level, a margin of error and a planning
/// proportion.
///
/// The inspectorate default, ``inspectorate``, is 80% confidence, a margin of 0.05 (five
/// percentage points) and p = 0.5, the worst case for the variance p(1 − p).
///
/// The infinite-population sample size is n₀ = z² p(1 − p) / e², where z = Φ⁻¹(1 − α/2) is the
/// two-sided standard normal critical value for confidence 1 − α (Cochran 1977, *Sampling
/// Techniques*, 3rd ed., eq. 4.2). At 80%, e = 0.05, p = 0.5: z = 1.2815516, n₀ = 164.24.
public struct PrecisionTarget: Sendable, Equatable, Codable {
    /// Two-sided confidence level in (0, 1).
    public let confidence: Double
    /// Margin of error as a proportion in (0, 1): 0.05 is five percentage points.
    public let margin: Double
    /// Planning proportion p in (0, 1); 0.5 gives the largest sample.
    public let proportion: Double

    /// Creates a target.
    ///
    /// - Throws: ``InvalidArgumentError`` (parameters `confidence`, `margin`, `proportion`)
    ///   unless each lies strictly between 0 and 1.
    public init(confidence: Double = 0.8, margin: Double = 0.05, proportion: Double = 0.5) throws {
        try InvalidArgumentError.checkConfidence(confidence)
        guard margin > 0, margin < 1 else {
            throw InvalidArgumentError("margin", "must be strictly between 0 and 1 (a proportion: 0.05 is five points), got \(margin)")
        }
        guard proportion > 0, proportion < 1 else {
            throw InvalidArgumentError("proportion", "must be strictly between 0 and 1, got \(proportion)")
        }
        self.confidence = confidence
        self.margin = margin
        self.proportion = proportion
    }

    /// 80% confidence, margin 0.05, p = 0.5: the inspectorate's court-sample target.
    public static let inspectorate = PrecisionTarget(uncheckedConfidence: 0.8, margin: 0.05, proportion: 0.5)

    private init(uncheckedConfidence: Double, margin: Double, proportion: Double) {
        self.confidence = uncheckedConfidence
        self.margin = margin
        self.proportion = proportion
    }

    /// The two-sided critical value z = Φ⁻¹(1 − α/2), computed as −Φ⁻¹(α/2) for accuracy.
    public var z: Double { Normal.twoSidedCriticalValue(confidence: confidence) }

    /// n₀ = z² p(1 − p) / e², the sample size for an infinite population (unrounded).
    public var infinitePopulationSize: Double {
        let z = self.z
        return z * z * proportion * (1 - proportion) / (margin * margin)
    }

    /// Whether `achieved` is within the target margin, allowing the relative
    /// ``SampleSizeRounding/tolerance`` for floating-point error.
    public func isMet(byMargin achieved: Double) -> Bool {
        achieved <= margin * (1 + SampleSizeRounding.tolerance)
    }
}
