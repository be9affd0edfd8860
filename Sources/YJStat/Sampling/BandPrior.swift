/// The Beta(a, b) prior for the proportion of "yes" cases used by ``BandConfidence``.
public enum BandPrior: String, CaseIterable, Sendable, Codable {
    /// Beta(1, 1): every proportion equally likely (Bayes–Laplace).
    case uniform
    /// Beta(½, ½): Jeffreys' invariant prior for a binomial proportion.
    case jeffreys

    /// The Beta parameters (a, b).
    public var parameters: (a: Double, b: Double) {
        switch self {
        case .uniform: return (1, 1)
        case .jeffreys: return (0.5, 0.5)
        }
    }
}
