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
        var standards: [String?] = []
        standards.reserveCapacity(body.count)
        var headings: [(Int, String)] = []
        var domain: Framework.Domain?
        var standard: String?
        for (index, line) in body.enumerated() {
            if line.lower.hasPrefix("annex") {
                domain = nil
                standard = nil
            } else if let found = Self.standardHeading(line.words, framework: framework, domain: domain) {
                standard = found.id
                domain = framework.domains.first { $0.id == found.domainID }
                headings.append((index, found.id))
            } else if let found = Self.domainHeading(line.words, framework: framework) {
                domain = found
                standard = nil
            }
            standards.append(standard)
        }
        standardOfLine = standards
        self.headings = headings
    }

    /// The standard a heading line names: by id and name, or by bare name within `domain`.
    static func standardHeading(_ words: [Substring], framework: Framework, domain: Framework.Domain?) -> Framework.Standard? {
        guard let first = words.first else { return nil }
        var id = first
        if id.last == "." { id = id.dropLast() }
        if let standard = framework.standard(String(id)), startsWithName(words.dropFirst(), standard.name) != nil {
            return standard
        }
        guard let domain else { return nil }
        for standard in domain.standards {
            guard let rest = startsWithName(words[...], standard.name) else { continue }
            if rest.isEmpty || RatingText.whole(Array(rest)) != nil { return standard }
        }
        return nil
    }

    /// A domain heading: optional "N." then the domain's name, alone on the line (a page number
    /// or rating may not follow: contents lines are not headings).
    static func domainHeading(_ words: [Substring], framework: Framework) -> Framework.Domain? {
        guard let first = words.first else { return nil }
        var id = first
        if id.last == "." { id = id.dropLast() }
        let numbered = framework.domains.first { $0.id == String(id) }
        for domain in framework.domains where numbered == nil || numbered?.id == domain.id {
            let rest = numbered == nil ? words[...] : words.dropFirst()
            if let after = startsWithName(rest, domain.name), after.isEmpty { return domain }
        }
        return nil
    }

    /// The words after `name` when the words start with it (case ignored), else `nil`.
    static func startsWithName(_ words: ArraySlice<Substring>, _ name: String) -> ArraySlice<Substring>? {
        let parts = name.lowercased().split(separator: " ")
        guard words.count >= parts.count else { return nil }
        for (offset, part) in parts.enumerated() where words[words.startIndex + offset].lowercased() != part { return nil }
        return words.dropFirst(parts.count)
    }
}
