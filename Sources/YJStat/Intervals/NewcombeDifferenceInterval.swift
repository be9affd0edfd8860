extension IntervalEstimate {
    /// The difference p₁ − p₂ of two independent proportions k₁/n₁ and k₂/n₂ with Newcombe's
    /// hybrid score interval.
    ///
    /// With d = p₁ − p₂ and Wilson score bounds (l₁, u₁) and (l₂, u₂) at the same confidence:
    /// [d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)].
    ///
    /// Source: Newcombe (1998), *Statistics in Medicine* 17:873–890, method 10; the same as
    /// statsmodels `confint_proportions_2indep(method="newcomb", compare="diff")`. Valid for
    /// 0 ≤ kᵢ ≤ nᵢ, nᵢ ≥ 1; needs no zero-cell correction.
    ///
    /// - Throws: ``InvalidArgumentError`` for counts or a confidence out of range.
    public static func newcombe(_ k1: Int, _ n1: Int, _ k2: Int, _ n2: Int, confidence: Double) throws -> IntervalEstimate {
        newcombe(try ProportionInterval.wilson(successes: k1, trials: n1, confidence: confidence),
                 try ProportionInterval.wilson(successes: k2, trials: n2, confidence: confidence))
    }

    /// The same from two Wilson intervals already computed at one confidence level.
    public static func newcombe(_ first: ProportionInterval, _ second: ProportionInterval) -> IntervalEstimate {
        let confidence = first.confidence
        let d = first.estimate - second.estimate
        let below = ((first.estimate - first.lower) * (first.estimate - first.lower)
            + (second.upper - second.estimate) * (second.upper - second.estimate)).squareRoot()
        let above = ((first.upper - first.estimate) * (first.upper - first.estimate)
            + (second.estimate - second.lower) * (second.estimate - second.lower)).squareRoot()
        return IntervalEstimate(estimate: d, lower: d - below, upper: d + above, confidence: confidence,
                                method: "newcombe-hybrid-score")
    }
}
