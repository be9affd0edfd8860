/// One rating on an inspection framework's ordered scale, such as `Requires improvement`.
///
/// Ratings come from a ``Framework`` (they are data, not hard-coded): `rank` orders them from the
/// lowest (0) upwards and `score` is what the rating adds to an inspection's total score. In the
/// 2018–2021 youth framework the scale is Inadequate (score 0), Requires improvement (1), Good (2),
/// Outstanding (3).
public struct Rating: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The canonical rating word, exactly as the framework spells it (`Requires improvement`).
    public let name: String
    /// Position on the scale, 0 for the lowest rating.
    public let rank: Int
    /// Points the rating contributes to an inspection score.
    public let score: Int

    /// Creates a rating; normally done by ``Framework``.
    public init(name: String, rank: Int, score: Int) {
        self.name = name
        self.rank = rank
        self.score = score
    }

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rank < rhs.rank }

    /// The canonical rating word.
    public var description: String { name }
}

/// Normalises rating words as they appear in real tables before matching them to a framework.
///
/// Matching ignores letter case, surrounding and repeated spaces, hyphens and underscores used
/// as spaces, full stops and quotation marks, so `Requires Improvement`, ` requires-improvement `,
/// `'Good'` and `R.I.` all reduce to a comparable key (`requires improvement`, `good`, `ri`).
/// Which keys name which rating (including abbreviations such as `RI`) is the framework's data.
public enum RatingWord {
    /// The comparison key of a rating word: lower case, with `-`, `_` and runs of white space
    /// turned into one space, and `.`, quotes and apostrophes removed.
    public static func key(_ word: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in word.lowercased() {
            if character == "-" || character == "_" || character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if ".'\"‘’“”".contains(character) { continue }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(character)
        }
        return out
    }
}
