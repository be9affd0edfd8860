/// Service ids: lower-case slugs made from a service's name.
public enum ServiceSlug {
    /// The slug for a service name: the words "Youth Offending Service/Team", "YOS", "YOT" and a
    /// leading "Royal Borough of" or "London Borough of" are dropped, `&` reads "and", letters and
    /// digits are kept in lower case and every other run becomes one hyphen.
    /// "Kensington & Chelsea Youth Offending Service" → `kensington-and-chelsea`.
    /// - Returns: The slug, or `nil` when nothing is left.
    public static func make(from name: String) -> String? {
        var words = name.replacingAll("&", with: " and ").split(separator: " ").map(String.init)
        let dropTails = [["youth", "offending", "service"], ["youth", "offending", "team"], ["youth", "justice", "service"],
                         ["yos"], ["yot"], ["yjs"]]
        var changed = true
        while changed {
            changed = false
            for tail in dropTails where words.count > tail.count
                && zip(words.suffix(tail.count), tail).allSatisfy({ $0.lowercased() == $1 }) {
                words.removeLast(tail.count)
                changed = true
            }
        }
        for head in [["the"], ["royal", "borough", "of"], ["london", "borough", "of"]] where words.count > head.count
            && zip(words.prefix(head.count), head).allSatisfy({ $0.lowercased() == $1 }) {
            words.removeFirst(head.count)
        }
        var slug = ""
        var pendingHyphen = false
        for scalar in words.joined(separator: " ").lowercased().unicodeScalars {
            let isAlphanumeric = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isAlphanumeric {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? nil : slug
    }
}
