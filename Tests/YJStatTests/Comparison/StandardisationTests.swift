import Foundation
import Testing
@testable import YJStat

/// Tests/YJStatTests/Fixtures/standardisation.json, written by Scripts/oracles/standardisation.py
/// from scipy (see the script's header).
struct StandardisationFixture: Decodable {
    struct Service: Decodable {
        let service: String, observed: [Int], population: [Double], expected: Double
        /// method → per level [estimate, lower, upper].
        let indirect: [String: [[Double]]]
        let direct: [String: [[Double]]]
    }
    let strata: [[String]], referenceObserved: [Int], referencePopulation: [Double], crude: Double
    let standard: [Double], levels: [Double], services: [Service]

    static let shared: StandardisationFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/standardisation.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(StandardisationFixture.self, from: data)
    }()
}

@Suite("Standardisation")
struct StandardisationTests {
    @Test func indirectRatiosAndRatesMatchScipyAtBothLevels() throws {
        let fixture = try #require(StandardisationFixture.shared)
        let rates = zip(fixture.referenceObserved, fixture.referencePopulation).map { Double($0) / $1 }
        for service in fixture.services {
            for (name, method) in [("exact", PoissonIntervalMethod.exact), ("byar", .byar)] {
                let result = try IndirectStandardisation(service: service.service, observed: service.observed,
                                                         population: service.population, referenceRates: rates,
                                                         referenceRate: fixture.crude, per: 100_000, method: method,
                                                         confidences: fixture.levels)
                #expect(isClose(result.expected, service.expected, relative: 1e-13))
                let expected = try #require(service.indirect[name])
                for (interval, row) in zip(result.ratio, expected) {
                    #expect(isClose(interval.estimate, row[0], relative: 1e-13), "\(service.service) \(name)")
                    #expect(isClose(interval.lower, row[1], relative: 1e-9, absolute: 1e-300), "\(service.service) \(name) lower")
                    #expect(isClose(interval.upper, row[2], relative: 1e-9), "\(service.service) \(name) upper")
                }
                for (rate, ratio) in zip(result.rate, result.ratio) {
                    #expect(isClose(rate.estimate, ratio.estimate * fixture.crude * 100_000, relative: 1e-13))
                }
            }
        }
    }

    @Test func directRatesMatchScipyForDobsonAndFayFeuer() throws {
        let fixture = try #require(StandardisationFixture.shared)
        for service in fixture.services {
            for (name, method) in [("dobson", DirectStandardisation.Method.dobson), ("fay-feuer", .fayFeuer)] {
                let result = try DirectStandardisation(service: service.service, observed: service.observed,
                                                       population: service.population, standard: fixture.standard,
                                                       per: 1, method: method, confidences: fixture.levels)
                let expected = try #require(service.direct[name])
                for (interval, row) in zip(result.rate, expected) {
                    #expect(isClose(interval.estimate, row[0], relative: 1e-12, absolute: 1e-300), "\(service.service) \(name)")
                    #expect(isClose(interval.lower, row[1], relative: 1e-9, absolute: 1e-300), "\(service.service) \(name) lower \(interval.lower) vs \(row[1])")
                    #expect(isClose(interval.upper, row[2], relative: 1e-9), "\(service.service) \(name) upper \(interval.upper) vs \(row[2])")
                }
            }
        }
    }

    @Test func fixtureCoversTinyPopulationsAndZeroCounts() throws {
        let fixture = try #require(StandardisationFixture.shared)
        #expect(fixture.services.contains { $0.observed.reduce(0, +) == 0 })
        #expect(fixture.services.contains { $0.expected < 1 })
    }

    @Test func badStrataAreRefusedNamingTheProblem() {
        #expect { try IndirectStandardisation(service: "A", observed: [1, 2], population: [10], referenceRates: [0.1], referenceRate: 0.1) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "strata"
        }
        #expect { try IndirectStandardisation(service: "A", observed: [1], population: [10], referenceRates: [0], referenceRate: 0.1) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "expected"
        }
        #expect { try DirectStandardisation(service: "A", observed: [1, 0], population: [10, 0], standard: [1, 1]) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "population"
        }
        #expect { try DirectStandardisation(service: "A", observed: [1], population: [10], standard: [0]) } throws: {
            ($0 as? InvalidArgumentError)?.parameter == "standard"
        }
    }

    @Test func inputTablesReportFileLineAndColumn() throws {
        let services = try CSVTable(source: "s.csv", header: ["service", "age", "observed", "population"],
                                    records: [(2, ["A", "10", "3", "100"]), (3, ["A", "11", "1", "80.5"]), (4, ["B", "12", "0", "40"])])
        let input = try StandardisationInput.read(services, strata: ["age"])
        #expect(input.services.map(\.name) == ["A", "B"])
        let reference = try CSVTable(source: "r.csv", header: ["age", "rate"], records: [(2, ["10", "2000"]), (3, ["11", "1000"])])
        let rates = try StandardisationInput.readReference(reference, strata: ["age"], per: 100_000)
        #expect(rates.crude == nil && rates.rates[["10"]] == 0.02)
        #expect(throws: InputError.self) { try input.values(for: input.services[1], in: rates.rates, lookupName: "reference") }
        do {
            _ = try input.values(for: input.services[1], in: rates.rates, lookupName: "reference")
        } catch let error as InputError {
            #expect(error.file == "s.csv" && error.line == 4)
        }
        let repeated = try CSVTable(source: "s.csv", header: ["service", "age", "observed", "population"],
                                    records: [(2, ["A", "10", "3", "100"]), (3, ["A", "10", "1", "80"])])
        #expect(throws: InputError.self) { try StandardisationInput.read(repeated, strata: ["age"]) }
        let negative = try CSVTable(source: "s.csv", header: ["service", "age", "observed", "population"],
                                    records: [(2, ["A", "10", "-3", "100"])])
        #expect(throws: InputError.self) { try StandardisationInput.read(negative, strata: ["age"]) }
    }
}
