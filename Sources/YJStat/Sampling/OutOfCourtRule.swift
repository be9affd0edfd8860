/// How the out-of-court sample is sized relative to the court sample.
public enum OutOfCourtRule: String, CaseIterable, Sendable, Codable {
    /// The out-of-court sample makes the combined sample 60% court, 40% out-of-court:
    /// n_ooc = n_court × 40/60, rounded, capped at the out-of-court population (2020–21 reports).
    case combined6040 = "combined-60-40"
    /// Each sample sized on its own for the target precision (earlier reports).
    case separate
}
