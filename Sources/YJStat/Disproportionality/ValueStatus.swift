/// What a reported measure is: a number, or why it is not one. Rendered as the `status` column
/// of CSV and JSON output and in words in the text summary.
public enum ValueStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// A finite number.
    case ok
    /// Infinite (for example an RRI whose reference group has no events): CSV `inf`.
    case infinite
    /// Undefined: 0/0, as when neither group has any event (CSV `NA`, JSON `"undefined"`).
    case undefined
    /// Hidden by disclosure control.
    case suppressed
    /// Not worked out, because a base it needs is zero (nothing is divided by it).
    case notComputed = "not-computed"

    /// The status of a computed value: ok, infinite or undefined.
    public init(of value: Double) {
        self = value.isFinite ? .ok : (value.isNaN ? .undefined : .infinite)
    }

    /// The status in plain words, for text output.
    public var words: String {
        switch self {
        case .ok: return "ok"
        case .infinite: return "no upper limit"
        case .undefined: return "undefined"
        case .suppressed: return "hidden"
        case .notComputed: return "not computed"
        }
    }
}
