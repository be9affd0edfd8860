import Foundation

/// Representation of one service's children cautioned or sentenced, by age, ethnicity and sex,
/// against the national average and, for ethnicity, the local 10–17 population — worked out from
/// the whole percentages the reports print, with ``Representation`` (rounding interval always;
/// sampling interval when the number of children behind the percentages is known).
///
/// **Number of children.** The reports do not print how many children the percentages describe.
/// Where the service's caseload by disposal is printed, its total is used as that number, stated as
/// an approximation (it covers a different year and counts cases): a percentage that no whole
/// number of those children rounds to gets no sampling interval, and ``Representation/notes`` says
/// so. Without a caseload only the rounding interval is given.
///
/// **Local population.** A printed local share (`local_population` rows) is used as printed.
/// Otherwise, when `population.csv` holds both the minority-ethnic and the total 10–17
/// population, their ratio rounded to a whole percent is used for `Black and minority ethnic`, and
/// ``Entry/comparatorSource`` gives the figures and years (often a 2011 Census count over a later
/// estimate). Rounding it widens the rounding interval slightly, never narrows it.
public struct ServiceRepresentation: Sendable, Equatable {
    /// One category against one comparator.
    public struct Entry: Sendable, Equatable {
        /// The characteristic.
        public let dimension: DemographicShare.Dimension
        /// The category.
        public let category: String
        /// National average or local population.
        public let comparator: DemographicShare.Comparator
        /// Where the comparator percentage comes from, in words.
        public let comparatorSource: String
        /// The measures (ratio, difference, rounding and sampling intervals).
        public let representation: Representation
    }

    /// Every category against every available comparator, in `demographics.csv` order, with a
    /// derived local-population row after the service's last ethnicity row.
    public let entries: [Entry]
    /// The number of children taken to stand behind the percentages, if any.
    public let childrenTotal: Int?
    /// Where ``childrenTotal`` comes from, in words.
    public let childrenTotalSource: String?
    /// How unknown ethnicity could move the minority-ethnic comparison with the national average.
    public let unknownEthnicity: UnknownEthnicityEffect?
    /// The confidence level of the sampling intervals.
    public let confidence: Double

    /// The category name the derived local comparator applies to.
    public static let minorityEthnicCategory = "Black and minority ethnic"

    /// Works out a service's representation.
    public init(dataset: SummaryDataset, service: String, confidence: Double = 0.95) {
        self.confidence = confidence
        let caseload = dataset.caseload.filter { $0.service == service }
        let total = caseload.isEmpty ? nil : caseload.reduce(0) { $0 + $1.count }
        let children = total.flatMap { $0 >= 1 ? $0 : nil }
        childrenTotal = children
        childrenTotalSource = children.map {
            "the service's caseload total (\($0) cases, caseload.csv), an approximation: the percentages come from annual youth justice statistics of children cautioned or sentenced"
        }
        let rows = dataset.demographics.filter { $0.service == service }
        var found: [Entry] = []
        func add(_ row: DemographicShare, comparator: DemographicShare.Comparator, percent: Int, source: String) {
            guard let measures = try? Representation(servicePercent: Double(row.servicePercent), comparatorPercent: Double(percent),
                                                     serviceTotal: children, confidence: confidence) else { return }
            found.append(Entry(dimension: row.dimension, category: row.category, comparator: comparator, comparatorSource: source,
                                 representation: measures))
        }
        for row in rows {
            add(row, comparator: row.comparator, percent: row.comparatorPercent,
                source: row.comparator == .national ? "national average as printed" : "local 10-17 population share as printed")
        }
        let printedLocal = Set(rows.filter { $0.comparator == .localPopulation }.map(\.category))
        if !printedLocal.contains(Self.minorityEthnicCategory),
           let national = rows.first(where: { $0.category == Self.minorityEthnicCategory && $0.comparator == .national }),
           let youth = dataset.populationFigure(service, .age10To17), let minority = dataset.populationFigure(service, .age10To17BlackAndMinorityEthnic) {
            let share = 100 * Double(minority.value) / Double(youth.value)
            let rounded = Int(share.rounded())
            let derived = DemographicShare(service: service, dimension: .ethnicity, category: national.category, servicePercent: national.servicePercent,
                                           comparator: .localPopulation, comparatorPercent: rounded, line: national.line)
            let insertAt = (found.lastIndex { $0.dimension == .ethnicity }).map { $0 + 1 } ?? found.count
            let before = found.count
            add(derived, comparator: .localPopulation, percent: rounded,
                source: "population.csv: \(NumberFormatting.grouped(minority.value)) minority-ethnic children (\(minority.year)) of \(NumberFormatting.grouped(youth.value)) aged 10-17 (\(youth.year)) = "
                    + "\(NumberFormatting.fixed(share, 1))%, taken as \(rounded)%")
            if found.count > before, insertAt < before { found.insert(found.removeLast(), at: insertAt) }
        }
        entries = found
        unknownEthnicity = UnknownEthnicityEffect(rows: rows)
    }
}
