extension CountsTable {
    /// The table keeping only `wanted` stages (in that order) besides the population stage.
    func keepingStages(_ wanted: [String]) -> CountsTable {
        let keep = Set(wanted + [populationStage])
        var picked: [Key: Int] = [:], where_: [Key: Location] = [:]
        for (key, value) in counts where keep.contains(key.stage) {
            picked[key] = value
            where_[key] = locations[key]
        }
        return CountsTable(source: source, populationStage: populationStage, stages: wanted, groups: groups,
                           strataColumns: strataColumns, strata: strata, unknownLabel: unknownLabel, counts: picked, locations: where_)
    }

    /// The flat table summing the chosen strata (for example the years before the latest one).
    /// Locations point at the first contributing row.
    func pooling(strata chosen: [[String]]) -> CountsTable {
        let wanted = Set(chosen)
        var summed: [Key: Int] = [:], where_: [Key: Location] = [:]
        for (key, value) in counts where wanted.contains(key.stratum) {
            let flat = Key(group: key.group, stage: key.stage)
            summed[flat, default: 0] += value
            if let location = locations[key], where_[flat].map({ location.line < $0.line }) ?? true { where_[flat] = location }
        }
        return CountsTable(source: source, populationStage: populationStage, stages: stages, groups: groups,
                           strataColumns: [], strata: [[]], unknownLabel: unknownLabel, counts: summed, locations: where_)
    }
}
