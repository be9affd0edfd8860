/// How the framework each service of an inspection dataset is read and checked with is chosen:
/// the one rule `check --inspection`, `rate` and `summary` share.
///
/// Either one framework is given for every service (`--framework FILE`,
/// ``given(_:)``), or each service is read with the framework its `inspections.csv` row names
/// in the `framework` column, among the bundled frameworks (``named(among:)``), and with
/// youth-2018 when the row names none or one that is not among them. The
/// ``ConsistencyChecker`` warns `framework-mismatch` for a row that names another framework than
/// the one used, so a fallback is never silent.
public struct FrameworkSelection: Sendable, Equatable {
    /// The framework given for every service, or `nil` when each service's row names its own.
    public let given: Framework?
    /// The frameworks an `inspections.csv` row may name (empty when a framework is given).
    public let candidates: [Framework]
    /// The framework of a service whose row names none of ``candidates``: youth-2018, or the
    /// given framework.
    public let fallback: Framework

    private init(given: Framework?, candidates: [Framework], fallback: Framework) {
        self.given = given
        self.candidates = candidates
        self.fallback = fallback
    }

    /// `framework` for every service, whatever its row names.
    public static func given(_ framework: Framework) -> FrameworkSelection {
        FrameworkSelection(given: framework, candidates: [], fallback: framework)
    }

    /// For each service the framework among `candidates` its `inspections.csv` row names, else
    /// youth-2018 (the one among `candidates`, or the bundled one when they lack it).
    ///
    /// - Parameter candidates: The frameworks a row may name; `nil` for ``Framework/bundled()``.
    /// - Throws: Only if a bundled framework fails to decode (a build defect).
    public static func named(among candidates: [Framework]? = nil) throws -> FrameworkSelection {
        let candidates = try candidates ?? Framework.bundled()
        let fallback = try candidates.first { $0.id == defaultFrameworkID } ?? Framework.youth2018()
        return FrameworkSelection(given: nil, candidates: candidates, fallback: fallback)
    }

    /// ``given(_:)`` when `framework` is given (`--framework FILE`), else ``named(among:)`` among
    /// the bundled frameworks.
    ///
    /// - Throws: Only if a bundled framework fails to decode (a build defect).
    public init(given framework: Framework?) throws {
        self = try framework.map(Self.given) ?? Self.named()
    }

    /// The id of the framework a service is read with when its row names no known framework.
    public static let defaultFrameworkID = "youth-2018"

    /// The framework to read and check `service` with: the given framework when there is one,
    /// else the candidate its row of `inspections.csv` names in the `framework` column
    /// (``framework(named:)``), else ``fallback``.
    ///
    /// Complexity: O(inspections + candidates).
    public func framework(for service: String, in dataset: InspectionDataset) -> Framework {
        framework(named: dataset.inspections.first { $0.service == service }?.framework)
    }

    /// The framework to read and check a row with whose `framework` cell says `id` (nil when
    /// blank or absent): the given framework when there is one, else the candidate with that id,
    /// else ``fallback``.
    ///
    /// Complexity: O(candidates).
    public func framework(named id: String?) -> Framework {
        if let given { return given }
        return id.flatMap { id in candidates.first { $0.id == id } } ?? fallback
    }

    /// Every framework a row may be read with: the given one, or the candidates.
    public var frameworks: [Framework] { given.map { [$0] } ?? candidates }

    /// The framework of every service of `dataset` (its `inspections.csv` rows), chosen by
    /// ``framework(for:in:)``; a service with no row gets ``fallback``.
    ///
    /// Complexity: O(inspections × (inspections + candidates)).
    public func frameworks(for dataset: InspectionDataset) -> ServiceFrameworks {
        ServiceFrameworks(dataset.services.map { ($0, framework(for: $0, in: dataset)) }, otherwise: fallback)
    }
}
