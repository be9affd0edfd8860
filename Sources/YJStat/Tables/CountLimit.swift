/// The one limit on every count, population and sample size yjstat accepts, from a flag or a
/// file: at most 10¹² (a million million children, far above any real population).
///
/// Below it, every product of two counts that the statistics form (such as 100·k, k·n or
/// N·n for a finite-population correction) stays well inside `Int` when done in `Double`, and
/// every sum of up to a million counts fits in `Int` exactly (10¹⁸ < 2⁶³). Readers reject a larger
/// value where they read it, naming the flag or the file, line and column; the numerics may
/// therefore rely on it.
public enum CountLimit {
    /// The largest accepted count, 10¹² (also the most negative accepted value is −10¹²).
    public static let maximum = 1_000_000_000_000

    /// The largest accepted count as text, for messages.
    public static let maximumText = "1000000000000 (10^12)"

    /// Whether `value` is within ±``maximum``.
    public static func accepts(_ value: Int) -> Bool {
        value >= -maximum && value <= maximum
    }

    /// The plain-language reason a value is refused.
    public static func refusal(_ value: Int) -> String {
        "\(value) is beyond the largest count yjstat accepts, \(maximumText)"
    }
}
