/// Rows, JSON and text for ``StratifiedAllocation`` results.
public enum AllocationReport {
    /// CSV rows, one per stratum: a column per variable, then `population`, `quota`,
    /// `allocated`, `held_at_minimum`.
    public static func strataRows(_ allocation: StratifiedAllocation) -> [ResultRow] {
        allocation.strata.map { stratum in
            var cells: [(name: String, value: CellValue)] = zip(allocation.variables, stratum.levels).map { ($0, .text($1)) }
            cells += [
                ("population", .integer(stratum.population)),
                ("quota", .number(stratum.quota)),
                ("allocated", .integer(stratum.allocated)),
                ("held_at_minimum", .bool(stratum.heldAtMinimum)),
            ]
            return ResultRow(cells)
        }
    }

    /// CSV rows, one per variable level: population and allocated counts and shares, and the
    /// difference of shares (a proportion: 0.01 = one point).
    public static func marginalRows(_ allocation: StratifiedAllocation) -> [ResultRow] {
        allocation.marginals.map { share in
            ResultRow([
                ("variable", .text(share.variable)),
                ("level", .text(share.level)),
                ("population", .integer(share.population)),
                ("population_share", .number(share.populationShare)),
                ("allocated", .integer(share.allocated)),
                ("allocated_share", .number(share.allocatedShare)),
                ("difference", .number(share.difference)),
            ])
        }
    }

    /// The JSON object: `sample`, `minimum`, `population`, `strata` and `marginals`.
    public static func json(_ allocation: StratifiedAllocation) -> JSONValue {
        .object([
            ("sample", .integer(allocation.sample)),
            ("minimum", .integer(allocation.minimum)),
            ("population", .integer(allocation.population)),
            ("method", .string("largest remainder (Hamilton), proportional")),
            ("strata", .array(strataRows(allocation).map(\.jsonObject))),
            ("marginals", .array(marginalRows(allocation).map(\.jsonObject))),
        ])
    }

    /// Plain text: the strata table and the marginal shares table.
    public static func text(_ allocation: StratifiedAllocation) -> String {
        var out = "Proportional allocation of \(allocation.sample) cases over \(allocation.strata.count) strata "
        out += "(\(allocation.population) eligible; largest remainder"
        out += allocation.minimum > 0 ? "; at least \(allocation.minimum) per non-empty stratum)\n\n" : ")\n\n"
        out += TextTable(header: allocation.variables + ["eligible", "quota", "sample"], rows: allocation.strata.map {
            $0.levels + [String($0.population), NumberFormatting.fixed($0.quota, 2),
                         String($0.allocated) + ($0.heldAtMinimum ? " (min)" : "")]
        }).render()
        out += "\nShares by variable (population vs sample):\n\n"
        out += TextTable(header: ["variable", "level", "eligible", "pop share", "sample", "sample share", "difference"],
                         rows: allocation.marginals.map {
            [$0.variable, $0.level, String($0.population), NumberFormatting.percent($0.populationShare, 1),
             String($0.allocated), NumberFormatting.percent($0.allocatedShare, 1),
             (($0.difference >= 0) ? "+" : "") + NumberFormatting.fixed($0.difference * 100, 1) + " pts"]
        }).render()
        return out
    }
}
