/// "Did you mean…?" suggestions for mistyped option and command names.
public enum Suggestion {
    /// The candidate closest to `input` by Damerau–Levenshtein distance (adjacent swaps count
    /// as one edit), if close enough to be a plausible typo: distance at most 1 for short names,
    /// at most a third of the length for longer ones. A candidate that starts with the input
    /// (an unambiguous prefix) is also suggested.
    ///
    /// ```swift
    /// Suggestion.nearest(to: "confidance", among: ["confidence", "method"]) // "confidence"
    /// ```
    ///
    /// - Complexity: O(*m* · *n* · *k*) for *k* candidates of length *n* and input of length *m*.
    public static func nearest(to input: String, among candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(input, candidate)
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        if let best {
            let limit = max(1, min(input.count, best.name.count) / 3)
            if best.distance <= limit { return best.name }
        }
        let prefixed = candidates.filter { $0.hasPrefix(input) && !input.isEmpty }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Optimal-string-alignment (restricted Damerau–Levenshtein) edit distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.lowercased()), t = Array(b.lowercased())
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var d = Array(repeating: Array(repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }
}
