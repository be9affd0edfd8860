/// A rating word as the inspection framework prints it.
///
/// Readers accept case variants and the abbreviations `RI`; output uses the canonical words
/// `Inadequate`, `Requires improvement`, `Good`, `Outstanding`. Bands, scores and the overall
/// rating are the framework's (``Framework/band(yes:relevant:)``, ``Framework/overallRating(score:)``),
/// applied by ``ConsistencyChecker`` to the extracted rows; this type only reads the words.
public enum ExtractedRating: Int, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Score 0.
    case inadequate = 0
    /// Score 1.
    case requiresImprovement = 1
    /// Score 2.
    case good = 2
    /// Score 3.
    case outstanding = 3

    /// The canonical word.
    public var description: String {
        switch self {
        case .inadequate: "Inadequate"
        case .requiresImprovement: "Requires improvement"
        case .good: "Good"
        case .outstanding: "Outstanding"
        }
    }

    /// Reads a rating word, ignoring case, surrounding quotes and a final full stop.
    public init?(word: String) {
        var key = word.lowercased().trimmingSpaces()
        while let last = key.last, last == "." || last == "'" || last == "\"" { key.removeLast() }
        while let first = key.first, first == "'" || first == "\"" { key.removeFirst() }
        switch key {
        case "inadequate": self = .inadequate
        case "requires improvement", "ri": self = .requiresImprovement
        case "good": self = .good
        case "outstanding": self = .outstanding
        default: return nil
        }
    }

    public static func < (lhs: ExtractedRating, rhs: ExtractedRating) -> Bool { lhs.rawValue < rhs.rawValue }
}
