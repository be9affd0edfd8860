extension DisproportionalityReport {
    /// Whether a totals row's numbers must not be printed: under rounding (the total is exact),
    /// and under suppression at a stage with a hidden cell or a suppressed total, or in a stratum
    /// (stratum cells are not published, so neither is a stratum total).
    public func hidesTotals(of check: CountsTable.TotalsCheck) -> Bool {
        if rounding != nil { return true }
        guard let disclosure else { return false }
        return !check.stratum.isEmpty || disclosure.hasHiddenCell(column: check.stage) || !disclosure.isTotalPublished(column: check.stage)
    }

    /// The totals row's sentence as it may be published: with its numbers, or, where
    /// ``hidesTotals(of:)``, without them (the total or the sum of the groups would give a
    /// hidden count away by differencing). Every output that prints a totals check uses this.
    public func totalsSentence(_ check: CountsTable.TotalsCheck) -> String {
        hidesTotals(of: check) ? check.sentenceWithoutNumbers : check.sentence
    }

    /// The suppression report's rows (empty without suppression).
    public func suppressionReportRows(service: String? = nil) -> [ResultRow] {
        disclosure?.reportRows(service: service) ?? []
    }
}
