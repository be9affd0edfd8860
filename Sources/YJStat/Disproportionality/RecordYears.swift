/// The years a case-level count covers, for joining a population file by year.
///
/// Records divided by a population must cover the same period: five years of records over one
/// year's population overstate every rate about fivefold (the ratios between groups survive, the
/// rates and excess counts do not). These rules decide which years of a population file to sum,
/// or refuse the join:
///
/// - records with a year column spanning several years and a population without one: used as
///   it is, with a loud warning (``ServicePopulation/yearMismatchWarning(_:recordsSource:yearColumn:)``)
///   — choose a year with `--where`;
/// - a population with a year column: summed over the years the counted records cover;
/// - records with no year column: a population with one year is used as it is; one with several
///   years is refused, as nothing says which to use.
public enum RecordYears {
    /// The years to sum the population over, given the counted records keyed by `yearColumn`;
    /// `nil` means the population has no years (use it as it is).
    ///
    /// ``ServicePopulation/yearMismatchWarning(_:recordsSource:yearColumn:)`` says when a
    /// population without years meets records of several.
    public static func counted(in aggregation: AggregationResult, yearColumn: String,
                               population: ServicePopulation?) -> [String]? {
        let years = seen(in: aggregation, yearColumn: yearColumn)
        guard let population, !population.hasYears else { return years }
        return nil
    }

    /// The distinct years among the counted records, sorted (empty without the key column).
    public static func seen(in aggregation: AggregationResult, yearColumn: String) -> [String] {
        guard let index = aggregation.keyColumns.firstIndex(of: yearColumn) else { return [] }
        return aggregation.distinctValues[index].sorted()
    }

    /// The warning to print for records keyed by `yearColumn` divided by `population`, if any.
    public static func warning(for aggregation: AggregationResult, yearColumn: String?, population: ServicePopulation?) -> String? {
        guard let yearColumn, let population else { return nil }
        return population.yearMismatchWarning(seen(in: aggregation, yearColumn: yearColumn), recordsSource: aggregation.source,
                                              yearColumn: yearColumn)
    }

    /// The years to use when the records have no year column.
    ///
    /// - Throws: ``InputError`` when the population has several years and nothing picks one.
    public static func withoutYearColumn(population: ServicePopulation?, recordsSource: String) throws -> [String]? {
        guard let population, population.hasYears else { return nil }
        guard population.years.count == 1 else {
            throw InputError(file: population.source, message:
                "the population has \(population.years.count) years (\(population.years.joined(separator: ", "))) but \(recordsSource) has no year column to join by; "
                + "give a population file for the records' year only")
        }
        return population.years
    }
}
