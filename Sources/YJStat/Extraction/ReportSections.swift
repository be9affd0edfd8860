/// The report split into the framework's domains and standards, by their own names and ids.
///
/// Headings recognised (case ignored, a rating word or a page number may follow on the line):
/// - a standard by id and name: "2.1. Assessment", "2.1 Assessment", "<p>2.1. Assessment</p>";
/// - a domain by id and name or name alone: "2. Court disposals", "Court disposals",
///   "COURT DISPOSALS"; a standard's bare name ("Assessment") on a line of its own is then the
///   standard of that name in that domain;
/// - an annex ("Annex 2 - Inspection results", "Annexe 1"): ends the current domain and standard.
///
/// Lines before the first heading, and after an annex heading until the next standard heading,
/// belong to no standard.
struct ReportSections {
    /// The standard id each body line belongs to (indexed like ``ReportDocument/body``).
    let standardOfLine: [String?]
    /// Body indices of every standard heading found, with the standard's id.
    let headings: [(index: Int, standard: String)]

    init(_ body: [ReportLine], framework: Framework) {
        let names = Names(framework)
        var standards: [String?] = []
        standards.reserveCapacity(body.count)
        var headings: [(index: Int, standard: String)] = []
        var domain: Int?
        var standard: String?
        for (index, line) in body.enumerated() {
            if line.lower.hasPrefix("annex") {
                domain = nil
                standard = nil
            } else if let found = names.standardHeading(line.words, domain: domain) {
                standard = found.id
                domain = found.domain
                headings.append((index, found.id))
            } else if let found = names.domainHeading(line.words) {
                domain = found
                standard = nil
            }
            standards.append(standard)
        }
        standardOfLine = standards
        self.headings = headings
    }

    /// The framework's domain and standard names, split into lower-case words once per report.
    struct Names {
        let domains: [(id: String, words: [Substring], standards: [(id: String, words: [Substring])])]
        /// Standard id → (domain index, name words).
        let byID: [String: (domain: Int, words: [Substring])]

        init(_ framework: Framework) {
            var byID: [String: (Int, [Substring])] = [:]
            domains = framework.domains.enumerated().map { offset, domain in
                let standards = domain.standards.map { standard in
                    let words = standard.name.lowercased().split(separator: " ")
                    byID[standard.id] = (offset, words)
                    return (id: standard.id, words: words)
                }
                return (id: domain.id, words: domain.name.lowercased().split(separator: " "), standards: standards)
            }
            self.byID = byID
        }

        /// The standard a heading line names (by id and name, or by bare name within the
        /// domain at index `domain`), with its domain's index.
        func standardHeading(_ words: [Substring], domain: Int?) -> (id: String, domain: Int)? {
            guard let first = words.first else { return nil }
            var id = first
            if id.last == "." { id = id.dropLast() }
            if id.count == 3, id.first?.isASCIIDigit == true, let entry = byID[String(id)],
               ReportSections.startsWithName(words.dropFirst(), entry.words) != nil {
                return (String(id), entry.domain)
            }
            guard let domain else { return nil }
            for standard in domains[domain].standards {
                guard let rest = ReportSections.startsWithName(words[...], standard.words) else { continue }
                if rest.isEmpty || RatingText.whole(Array(rest)) != nil { return (standard.id, domain) }
            }
            return nil
        }

        /// A domain heading: optional "N." then the domain's name, alone on the line (contents
        /// lines, which end in a page number, are not headings).
        func domainHeading(_ words: [Substring]) -> Int? {
            guard let first = words.first, words.count <= 6 else { return nil }
            var id = first
            if id.last == "." { id = id.dropLast() }
            let numbered = domains.firstIndex { $0.id == String(id) }
            for (index, domain) in domains.enumerated() where numbered == nil || numbered == index {
                let rest = numbered == nil ? words[...] : words.dropFirst()
                if let after = ReportSections.startsWithName(rest, domain.words), after.isEmpty { return index }
            }
            return nil
        }
    }

    /// The words after `name` when the words start with it (case ignored), else `nil`.
    static func startsWithName(_ words: ArraySlice<Substring>, _ parts: [Substring]) -> ArraySlice<Substring>? {
        guard words.count >= parts.count else { return nil }
        for (offset, part) in parts.enumerated() {
            let word = words[words.startIndex + offset]
            // Cheap rejection on the first byte when it is ASCII (the name parts are lower-case ASCII).
            if let byte = word.utf8.first, byte < 0x80, let expected = part.utf8.first,
               (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) != expected { return nil }
            if word.lowercased() != part { return nil }
        }
        return words.dropFirst(parts.count)
    }
}
