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
        options: [
            .value("data", "file", help: "CSV of services by stratum: service, strata..., observed, population.", required: true),
            .value("strata", "a,b", help: "Comma-separated stratum columns (for example age,sex).", required: true),
            .value("method", "kind", help: "Indirect (ratios against reference rates) or direct (rates on a standard population).",
                   default: "indirect", choices: ["indirect", "direct"]),
            .value("reference", "file", help: "Indirect: reference rates by stratum (rate, or observed and population)."),
            .value("standard", "file", help: "Direct: standard population by stratum (population)."),
            .value("per", "K", help: "Rate base for rates.", default: "100000"),
            .value("interval", "method", help: "Interval: exact, byar or auto (indirect); dobson or fay-feuer (direct).",
                   choices: ["exact", "byar", "auto", "dobson", "fay-feuer"]),
        ] + CommonOptions.formatAndOutput)

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let dataURL = try inputFile(try arguments.required("data"), flag: "--data")
        let strata = try arguments.required("strata").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !strata.isEmpty, strata.allSatisfy({ !$0.isEmpty }) else {
            throw UsageError("--strata must name one or more columns, such as age,sex")
        }
        guard Set(strata).count == strata.count else { throw UsageError("--strata names a column twice") }
        guard let per = try arguments.double("per"), per > 0, per.isFinite else { throw UsageError("--per must be a positive number") }
        let direct = arguments.string("method") == "direct"
        let interval = arguments.string("interval")
        var output = output
        let input = try StandardisationInput.read(try CSVReader.read(contentsOf: dataURL), strata: strata)
        if direct {
            if arguments.has("reference") { throw UsageError("--reference is for indirect standardisation; direct needs --standard") }
            let standardURL = try inputFile(try arguments.required("standard"), flag: "--standard")
            guard interval == nil || interval == "dobson" || interval == "fay-feuer" else {
                throw UsageError("--interval \(interval!) is for indirect standardisation; use dobson or fay-feuer with --method direct")
            }
            let weights = try StandardisationInput.readStandard(try CSVReader.read(contentsOf: standardURL), strata: strata)
            let method: DirectStandardisation.Method = interval == "fay-feuer" ? .fayFeuer : .dobson
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
            if arguments.has("standard") { throw UsageError("--standard is for --method direct; indirect needs --reference") }
            let referenceURL = try inputFile(try arguments.required("reference"), flag: "--reference")
            guard interval == nil || ["exact", "byar", "auto"].contains(interval!) else {
                throw UsageError("--interval \(interval!) is for direct standardisation; use exact, byar or auto for indirect")
            }
            let reference = try StandardisationInput.readReference(try CSVReader.read(contentsOf: referenceURL), strata: strata, per: per)
            let method = PoissonIntervalMethod(rawValue: interval ?? "exact") ?? .exact
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
