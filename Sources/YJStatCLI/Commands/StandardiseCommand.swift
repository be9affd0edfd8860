import ArgumentParsing
import Foundation
import YJStat

/// `yjstat standardise`: indirectly standardised ratios (observed against expected from
/// reference rates by stratum) or directly standardised rates, for many services at once.
enum StandardiseCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "standardise",
        abstract: "Standardised ratios (indirect: observed/expected) or rates (direct) by age band, sex or any strata.",
        discussion: """
        FILE (--data) has columns service, the --strata columns, observed and population: one row
        per service and stratum. Indirect (default): --reference has the --strata columns and
        either rate (per --per) or observed and population; the expected count is the sum over
        strata of reference rate x population, the ratio O/E has an exact Garwood interval
        (--interval exact, default), Byar's approximation (byar) or exact below 10 events and Byar
        from 10 (auto), at 95% and 99.8%. With reference counts the indirectly standardised rate
        (ratio x crude reference rate, per --per) is given too. The CSV has service, observed,
        expected first, so it feeds funnel --measure ratio directly. Direct (--method direct):
        --standard has the --strata columns and population (the standard weights); the rate is
        the weighted mean of stratum rates per --per, with the Dobson (1991) interval or the
        Fay-Feuer (1997) gamma interval (--interval dobson or fay-feuer).
        """,
        examples: [
            "yjstat standardise --data services.csv --reference national.csv --strata age,sex",
            "yjstat standardise --data services.csv --reference national.csv --strata age,sex --format csv --output ratios.csv",
            "yjstat standardise --data services.csv --standard esp.csv --strata age,sex --method direct --interval fay-feuer",
        ],
        options: [data.spec, strata.spec, method.spec, reference.spec, standard.spec, per.spec, interval.spec]
            + CommonOptions.formatAndOutput)

    static let data = Option<String>("data", "file", help: "CSV of services by stratum: service, strata..., observed, population.",
                                     required: true)
    static let strata = Option<[String]>("strata", "a,b", help: "Comma-separated stratum columns (for example age,sex).", required: true)
    static let method = Option<Method>("method", "kind",
                                       help: "Indirect (ratios against reference rates) or direct (rates on a standard population).",
                                       default: .indirect)
    static let reference = Option<String>("reference", "file", help: "Indirect: reference rates by stratum (rate, or observed and population).")
    static let standard = Option<String>("standard", "file", help: "Direct: standard population by stratum (population).")
    static let per = Option<Double>("per", "K", help: "Rate base for rates.", default: 100_000)
    static let interval = Option<Interval>("interval", "method",
                                           help: "Interval: exact, byar or auto (indirect); dobson or fay-feuer (direct).")

    /// `--method`: how the services are standardised.
    enum Method: String, CaseIterable, ChoiceOptionValue {
        /// Observed against expected from reference rates (SMR).
        case indirect
        /// Rates on a standard population.
        case direct
    }

    /// `--interval`: the interval for the standardised ratio (indirect) or rate (direct).
    enum Interval: String, CaseIterable, ChoiceOptionValue {
        /// Exact Poisson (indirect).
        case exact
        /// Byar's approximation (indirect).
        case byar
        /// Exact for small counts, Byar otherwise (indirect).
        case auto
        /// Dobson et al. (1991) (direct).
        case dobson
        /// Fay and Feuer (1997) gamma interval (direct).
        case fayFeuer = "fay-feuer"

        /// Whether it applies to direct standardisation.
        var isDirect: Bool { self == .dobson || self == .fayFeuer }

        /// The indirect (ratio) interval; nil for a direct one.
        var poissonMethod: PoissonIntervalMethod? {
            switch self {
            case .exact: .exact
            case .byar: .byar
            case .auto: .auto
            case .dobson, .fayFeuer: nil
            }
        }
    }

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let dataURL = try inputFile(try arguments.required(data), flag: "--data")
        let strata = try arguments.required(Self.strata)
        guard !strata.isEmpty, strata.allSatisfy({ !$0.isEmpty }) else {
            throw UsageError("--strata must name one or more columns, such as age,sex")
        }
        guard Set(strata).count == strata.count else { throw UsageError("--strata names a column twice") }
        let per = try arguments.required(Self.per)
        guard per > 0 else { throw UsageError("--per must be a positive number") }
        let direct = try arguments.required(method) == .direct
        let interval = try arguments.value(Self.interval)
        var output = output
        let input = try StandardisationInput.read(try CSVReader.read(contentsOf: dataURL), strata: strata)
        if direct {
            if arguments.wasGiven(reference) { throw UsageError("--reference is for indirect standardisation; direct needs --standard") }
            let standardURL = try inputFile(try arguments.required(standard), flag: "--standard")
            if let interval, !interval.isDirect {
                throw UsageError("--interval \(interval.rawValue) is for indirect standardisation; use dobson or fay-feuer with --method direct")
            }
            let weights = try StandardisationInput.readStandard(try CSVReader.read(contentsOf: standardURL), strata: strata)
            let method: DirectStandardisation.Method = interval == .fayFeuer ? .fayFeuer : .dobson
            let results = try input.services.map { service in
                do {
                    return try DirectStandardisation(service: service.name, observed: service.observed, population: service.population,
                                                     standard: try input.values(for: service, in: weights, lookupName: "standard population"),
                                                     per: per, method: method)
                } catch let error as InvalidArgumentError {
                    throw UsageError("\(dataURL.path): \(error.message)")
                }
            }
            output.inputs = [dataURL, standardURL]
            try output.write(rows: StandardisationRows.direct(results)) { StandardisationRows.directText(results) }
        } else {
            if arguments.wasGiven(standard) { throw UsageError("--standard is for --method direct; indirect needs --reference") }
            let referenceURL = try inputFile(try arguments.required(reference), flag: "--reference")
            let method = try interval.map { interval in
                guard let method = interval.poissonMethod else {
                    throw UsageError("--interval \(interval.rawValue) is for direct standardisation; use exact, byar or auto for indirect")
                }
                return method
            } ?? .exact
            let reference = try StandardisationInput.readReference(try CSVReader.read(contentsOf: referenceURL), strata: strata, per: per)
            let results = try input.services.map { service in
                do {
                    return try IndirectStandardisation(service: service.name, observed: service.observed, population: service.population,
                                                       referenceRates: try input.values(for: service, in: reference.rates, lookupName: "reference"),
                                                       referenceRate: reference.crude ?? 0, per: per, method: method)
                } catch let error as InvalidArgumentError {
                    throw UsageError("\(dataURL.path): \(error.message)")
                }
            }
            output.inputs = [dataURL, referenceURL]
            let hasRate = reference.crude != nil
            try output.write(rows: StandardisationRows.indirect(results, hasRate: hasRate)) {
                StandardisationRows.indirectText(results, hasRate: hasRate, per: per)
            }
        }
        return .success
    }
}
