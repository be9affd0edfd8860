/// The framework each service of a dataset is read with — what a ``FrameworkSelection`` chose
/// for the services of `inspections.csv` — so that every file is validated, and every service
/// reviewed, by its own service's framework (``DatasetFileSchema/rows(of:frameworks:)``,
/// ``SummaryDataset/frameworks``).
public struct ServiceFrameworks: Sendable, Equatable {
    /// The services and their frameworks, in `inspections.csv` order.
    public let assigned: [(service: String, framework: Framework)]
    /// The framework of a service that is not in ``assigned`` (a row of another file naming a
    /// service with no inspection; the reader then refuses the row for that).
    public let fallback: Framework
    private let index: [String: Int]

    /// The frameworks of `assigned` services (a service listed twice keeps its first), and
    /// `fallback` for any other.
    public init(_ assigned: [(service: String, framework: Framework)], otherwise fallback: Framework) {
        var index: [String: Int] = [:]
        for (position, pair) in assigned.enumerated() where index[pair.service] == nil { index[pair.service] = position }
        self.assigned = assigned
        self.fallback = fallback
        self.index = index
    }

    /// `framework` for every service.
    public static func all(_ framework: Framework) -> ServiceFrameworks {
        ServiceFrameworks([], otherwise: framework)
    }

    /// The framework `service` is read with.
    ///
    /// Complexity: O(1).
    public func framework(for service: String) -> Framework {
        index[service].map { assigned[$0].framework } ?? fallback
    }

    /// The distinct frameworks of the assigned services, in the order of their first service
    /// (``fallback`` alone when no service is assigned).
    public var inUse: [Framework] {
        var frameworks: [Framework] = []
        for pair in assigned where !frameworks.contains(pair.framework) { frameworks.append(pair.framework) }
        return frameworks.isEmpty ? [fallback] : frameworks
    }

    /// Two assignments are equal when they give every service the same framework in the same order.
    public static func == (lhs: ServiceFrameworks, rhs: ServiceFrameworks) -> Bool {
        lhs.fallback == rhs.fallback && lhs.assigned.count == rhs.assigned.count
            && zip(lhs.assigned, rhs.assigned).allSatisfy { $0.service == $1.service && $0.framework == $1.framework }
    }
}
