/// One row of `caseload.csv` (read and written by ``CaseloadSchema``, and produced by extraction): the number of cases a service held of one disposal type (the
/// reports' "additional caseload data", supplied by the service for a stated period).
public struct CaseloadCount: Sendable, Equatable, Codable {
    /// A disposal type, and whether it is a court or an out-of-court disposal.
    public enum Disposal: String, Sendable, Codable, CaseIterable {
        /// Community sentences (referral orders, youth rehabilitation orders).
        case communitySentence = "community-sentence"
        /// Children in custody.
        case custody
        /// Children on licence after custody.
        case licence
        /// Youth cautions.
        case youthCaution = "youth-caution"
        /// Youth conditional cautions.
        case youthConditionalCaution = "youth-conditional-caution"
        /// Community resolutions and other out-of-court disposals.
        case communityResolutionOrOther = "community-resolution-or-other-out-of-court"

        /// Whether the disposal is made by a court (domain 2 of the youth framework) rather than
        /// out of court (domain 3).
        public var isCourtDisposal: Bool {
            switch self {
            case .communitySentence, .custody, .licence: return true
            case .youthCaution, .youthConditionalCaution, .communityResolutionOrOther: return false
            }
        }
    }

    /// Service id.
    public let service: String
    /// The disposal type.
    public let disposal: Disposal
    /// Cases, as printed.
    public let count: Int
    /// The line it was read from: the line in `caseload.csv`, or the report line for an extracted row.
    public let line: Int
}
