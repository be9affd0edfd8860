/// Holm's step-down adjustment of p-values for multiple comparisons.
///
/// Sort the m defined p-values ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎; the adjusted value of the i-th is
/// max over j ≤ i of min(1, (m − j + 1) p₍ⱼ₎). Rejecting where the adjusted value is below α
/// controls the family-wise error rate at α under any dependence.
///
/// Source: Holm (1979), *Scandinavian Journal of Statistics* 6:65–70; the same values as R
/// `p.adjust(method = "holm")` and statsmodels `multipletests(method="holm")`. NaN entries (tests
/// that could not be done) are left NaN and do not count towards m.
public enum HolmAdjustment {
    /// The Holm-adjusted p-values, in the input order.
    public static func adjust(_ pValues: [Double]) -> [Double] {
        let defined = pValues.indices.filter { !pValues[$0].isNaN }
            .sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        let m = defined.count
        var adjusted = Array(repeating: Double.nan, count: pValues.count)
        var running = 0.0
        for (rank, index) in defined.enumerated() {
            running = max(running, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
