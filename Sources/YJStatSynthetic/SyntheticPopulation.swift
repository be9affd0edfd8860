/// The population file that matches a ``SyntheticExtract``: each synthetic service's 10–17
/// population by ethnic group and year, columns `service, group, year, population`, so that
/// `disproportionality --records` and `aggregate --counts-for disproportionality --population`
/// run on a synthetic extract as they would on a real one.
///
/// The population of a service, group and year is what the extract's own model implies:
/// `E = rows × P(service) × P(group | service) × P(year)` records are expected there, and the
/// population is `max(10, ⌈25 E / r⌉)`, where `r` is the group's over-representation among
/// records relative to its population share (White 1, Black 2, Mixed 1.5, Asian 0.8, Chinese
/// 0.5, Other 1.2; invented, so that the synthetic data show disproportionality at arrest as well
/// as at later stages). About one record per 25 children — a few per cent of children at each
/// stage — keeps every stage's count well below its population. The unknown-ethnicity group has
/// no population row (a census has no such group). The figures are invented.
public struct SyntheticPopulation: Sendable {
    /// The extract this population belongs to (only its row count matters; the seed does not).
    public var extract: SyntheticExtract

    /// Over-representation among records relative to population share, by group.
    public static let overRepresentation: [String: Double] = [
        "White": 1.0, "Black": 2.0, "Asian": 0.8, "Mixed": 1.5, "Chinese": 0.5, "Other": 1.2,
    ]
    /// Children per expected record.
    public static let childrenPerRecord = 25.0
    /// The smallest population written.
    public static let minimumPopulation = 10

    /// Creates the population of `extract`.
    public init(extract: SyntheticExtract) {
        self.extract = extract
    }

    /// The rows `service, group, year, population`, by service (in ``SyntheticExtract/serviceIDs``
    /// order), then group, then year.
    public var rows: [[String]] {
        let model = SyntheticExtract.Model.shared
        let serviceP = SyntheticPopulation.probabilities(model.serviceCumulative)
        let yearP = SyntheticPopulation.probabilities(model.yearCumulative)
        var out: [[String]] = []
        for (s, service) in SyntheticExtract.serviceIDs.enumerated() {
            let groupP = SyntheticPopulation.probabilities(model.ethnicCumulative[s])
            for (g, group) in SyntheticExtract.ethnicGroups.enumerated() {
                guard let factor = SyntheticPopulation.overRepresentation[group] else { continue }
                for (y, year) in SyntheticExtract.years.enumerated() {
                    let expected = Double(max(0, extract.rows)) * serviceP[s] * groupP[g] * yearP[y]
                    let population = max(SyntheticPopulation.minimumPopulation,
                                         Int((SyntheticPopulation.childrenPerRecord * expected / factor).rounded(.up)))
                    out.append([service, group, String(year), String(population)])
                }
            }
        }
        return out
    }

    /// The population file as CSV text (LF line ends).
    public func csvText() -> String {
        (["service,group,year,population"] + rows.map { $0.joined(separator: ",") }).joined(separator: "\n") + "\n"
    }

    static func probabilities(_ cumulative: [Double]) -> [Double] {
        cumulative.enumerated().map { i, c in c - (i == 0 ? 0 : cumulative[i - 1]) }
    }
}
