/// Which service a report is about, read from where reports state it: the title on the cover
/// ("An inspection of youth offending services in Lambeth", "… youth justice services in
/// Kirklees", the place possibly on the next line), falling back to the running header
/// ("Inspection of youth offending services: Kensington & Chelsea YOS 35"). Never from a
/// sentence in the body, which may name a board or a partner instead.
enum ServiceIdentity {
    /// Title openings, lower case.
    static let titleOpenings = ["an inspection of youth offending services in", "an inspection of youth justice services in",
                                "inspection of youth offending services in", "inspection of youth justice services in",
                                "an inspection of youth offending services:", "an inspection of youth justice services:"]
    /// Running-header openings, lower case.
    static let headerOpenings = ["inspection of youth offending services:", "inspection of youth justice services:",
                                 "an inspection of youth offending services:", "an inspection of youth justice services:"]

    /// The place the title or running header names, with its line, and where it came from.
    static func place(in lines: [ReportLine]) -> (place: String, line: Int, source: String)? {
        let text = lines.filter { !$0.isBlank }
        for (index, line) in text.prefix(80).enumerated() where !line.isFurniture {
            guard let opening = titleOpenings.first(where: { line.lower.hasPrefix($0) }) else { continue }
            let rest = line.text.dropFirst(opening.count).trimmingCharacters(inSet: " ")
            if !rest.isEmpty { return (String(rest), line.number, "title") }
            if index + 1 < text.count, text[index + 1].text.count < 80, text[index + 1].text.contains(where: \.isLetter) {
                return (text[index + 1].text, text[index + 1].number, "title")
            }
        }
        for line in text {
            guard let opening = headerOpenings.first(where: { line.lower.hasPrefix($0) }) else { continue }
            var words = line.text.dropFirst(opening.count).split(separator: " ")
            if let last = words.last, last.allSatisfy(\.isASCIIDigit) { words.removeLast() }
            if !words.isEmpty { return (words.joined(separator: " "), line.number, "running header") }
        }
        return nil
    }
}
