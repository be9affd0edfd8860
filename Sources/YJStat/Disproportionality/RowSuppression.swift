/// Why disclosure control hides a disproportionality row's figures.
public enum RowSuppression: String, Sendable, Equatable, Codable, CaseIterable {
    /// The group's count at the stage is from 1 to K − 1.
    case primary
    /// The count is hidden so that a primary cell cannot be worked out from totals.
    case secondary
    /// The count is published but the figures are computed from a hidden count or a suppressed
    /// total (the base, or the reference's count).
    case derived

    /// The row's reason for a cell the disclosure plan hides.
    public init(_ reason: DisclosureControl.Reason) {
        switch reason {
        case .primary: self = .primary
        case .secondary: self = .secondary
        }
    }
}

/// Figures of a published disproportionality row that disclosure control hides, the rest of the
/// row being shown.
public enum HiddenFigures: String, Sendable, Equatable, Codable, CaseIterable {
    /// The stage and base shares, their difference and ratio (they divide by a suppressed total).
    case shares
    /// The unknown-ethnicity bounds (they use a hidden unknown count or a suppressed total).
    case unknownBounds = "unknown bounds"
    /// The figures adjusted over strata (built from stratum counts, which are not published).
    case adjustedFigures = "adjusted figures"
}
