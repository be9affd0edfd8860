/// One row of `sample_composition.csv`: how many inspected cases of one disposal type a
/// service's court or out-of-court sample held.
public struct SampleCompositionCount: Sendable, Equatable, Codable {
    /// Which case sample.
    public enum Domain: String, Sendable, Codable, CaseIterable {
        /// The court-disposal sample (domain 2).
        case court
        /// The out-of-court sample (domain 3).
        case outOfCourt = "out_of_court"
    }

    /// Service id.
    public let service: String
    /// Which sample.
    public let domain: Domain
    /// Disposal type slug, as written (`referral-order`).
    public let disposal: String
    /// Cases, as printed.
    public let count: Int
    /// The line in `sample_composition.csv`.
    public let line: Int

    /// The columns `sample_composition.csv` must have.
    public static let columns = ["service", "domain", "disposal", "count"]

    /// Reads and validates every row.
    ///
    /// - Throws: ``InputError`` naming file:line:column for a missing column, an unknown domain, a
    ///   blank disposal, a negative count, or a repeated (service, domain, disposal).
    public static func rows(of table: CSVTable) throws -> [SampleCompositionCount] {
        try table.requireColumns(columns)
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let service = try row.string("service")
            let domain = try DatasetCell.choice(row, "domain", as: Domain.self)
            let disposal = try row.string("disposal")
            let key = [service, domain.rawValue, disposal].joined(separator: "|")
            if let first = seen[key] { throw row.error("disposal", "\(service) \(domain.rawValue) \(disposal) is already on line \(first)") }
            seen[key] = row.line
            return SampleCompositionCount(service: service, domain: domain, disposal: disposal,
                                          count: try DatasetCell.count(row, "count"), line: row.line)
        }
    }
}
