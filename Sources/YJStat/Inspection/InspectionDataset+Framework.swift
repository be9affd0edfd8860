extension InspectionDataset {
    /// The framework a service's inspection names in the `framework` column of
    /// `inspections.csv`, matched by id among `frameworks`; nil when the row names none, or one
    /// that is not among them (the checks then use another framework and say so with a
    /// `framework-mismatch` warning).
    ///
    /// Complexity: O(inspections + frameworks).
    public func namedFramework(for service: String, among frameworks: [Framework]) -> Framework? {
        guard let id = inspections.first(where: { $0.service == service })?.framework else { return nil }
        return frameworks.first { $0.id == id }
    }
}
