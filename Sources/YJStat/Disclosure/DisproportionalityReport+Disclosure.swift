extension DisproportionalityReport {
    /// Whether a totals row's numbers must not be printed: under rounding (the total is exact),
    /// and under suppression at a stage with a hidden cell or a suppressed total, or in a stratum
    /// (stratum cells are not published, so neither is a stratum total).
    public func hidesTotals(of check: CountsTable.TotalsCheck) -> Bool {
        if rounding != nil { return true }
        guard let disclosure else { return false }
        return !check.stratum.isEmpty || disclosure.hasHiddenCell(column: check.stage) || !disclosure.isTotalPublished(column: check.stage)
    }

    /// The suppression report's rows (empty without suppression).
    public func suppressionReportRows(service: String? = nil) -> [ResultRow] {
        disclosure?.reportRows(service: service) ?? []
    }
}
