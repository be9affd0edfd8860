/// How far children of unknown ethnicity could move a service's minority-ethnic share, and its
/// ratio to the national average, when only printed percentages are known.
///
/// With printed shares W (White), B (minority ethnic) and U (unknown) and national minority-ethnic
/// share C: B/C counts no unknown child as minority ethnic; (B + U)/C counts every one;
/// redistributing the unknown in proportion to the known groups gives B/(W + B) × 100 against C.
/// (The bounding approach of Manski 2003, *Partial Identification of Probability Distributions*,
/// ch. 1, applied to the missing category.) Rounding of the printed figures comes on top.
public struct UnknownEthnicityEffect: Sendable, Equatable, Codable {
    /// The printed White share.
    public let white: Int
    /// The printed minority-ethnic share.
    public let minorityEthnic: Int
    /// The printed unknown share.
    public let unknown: Int
    /// The national minority-ethnic share the ratios are against.
    public let national: Int
    /// Minority-ethnic share if no unknown child is minority ethnic: B.
    public var lowestShare: Double { Double(minorityEthnic) }
    /// Minority-ethnic share if every unknown child is: B + U (at most 100).
    public var highestShare: Double { min(100, Double(minorityEthnic + unknown)) }
    /// Minority-ethnic share with the unknown redistributed in proportion: 100·B/(W + B).
    public var redistributedShare: Double {
        white + minorityEthnic > 0 ? 100 * Double(minorityEthnic) / Double(white + minorityEthnic) : .nan
    }
    /// Ratio to the national share, lowest allocation.
    public var lowestRatio: Double { lowestShare / Double(national) }
    /// Ratio to the national share, highest allocation.
    public var highestRatio: Double { highestShare / Double(national) }
    /// Ratio to the national share, proportional redistribution.
    public var redistributedRatio: Double { redistributedShare / Double(national) }
    /// Whether the allocation of unknown children decides if the service is above or below the
    /// national share.
    public var changesDirection: Bool { lowestShare < Double(national) && highestShare > Double(national) }

    /// The effect for a service's ethnicity rows (national comparator); `nil` unless White,
    /// minority-ethnic and unknown shares and a positive national minority-ethnic share are printed.
    public init?(rows: [DemographicShare]) {
        let ethnicity = rows.filter { $0.dimension == .ethnicity && $0.comparator == .national }
        guard let white = ethnicity.first(where: { $0.category == "White" }),
              let minority = ethnicity.first(where: { $0.category == ServiceRepresentation.minorityEthnicCategory }),
              let unknown = ethnicity.first(where: { $0.category == "Unknown" }), minority.comparatorPercent > 0 else { return nil }
        self.white = white.servicePercent
        self.minorityEthnic = minority.servicePercent
        self.unknown = unknown.servicePercent
        self.national = minority.comparatorPercent
    }
}
