@testable import YJStat

/// The bundled frameworks by name, for tests that read with one framework explicitly.
enum TestFrameworks {
    /// `youth-2018`: 12 standards, all scored.
    static let youth2018 = bundled("youth-2018")
    /// `youth-2021`: 13 standards; 4.1 Resettlement policy and provision rated, not scored.
    static let youth2021 = bundled("youth-2021")

    private static func bundled(_ id: String) -> Framework {
        guard let framework = ReportExtractor.bundledFrameworks.first(where: { $0.id == id }) else {
            preconditionFailure("no bundled framework \(id)")
        }
        return framework
    }
}
