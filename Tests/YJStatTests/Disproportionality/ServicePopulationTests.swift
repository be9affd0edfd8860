import Testing
@testable import YJStat

@Suite("Service population file")
struct ServicePopulationTests {
    @Test func readsPopulationByServiceAndGroup() throws {
        let csv = try CSVReader.parse("service,group,population\nleeds,White,50000\nleeds,Black,4000\nyork,White,12000\n", source: "pop.csv")
        let population = try ServicePopulation(csv: csv)
        #expect(population.population(of: "leeds") == ["White": 50000, "Black": 4000])
        #expect(population.population(of: "york") == ["White": 12000])
        #expect(population.population(of: "hull") == nil)
    }

    @Test(arguments: [
        ("service,group,population\nleeds,White,-1\n", "pop.csv:2:3: population must not be negative, found -1"),
        ("service,group,population\nleeds,White,1\nleeds,White,2\n", "pop.csv:3:2: duplicate row for service 'leeds' and group 'White'"),
        ("service,group,population\nleeds,White,1.5\n", "pop.csv:2:3: expected a whole number, found '1.5'"),
        ("service,group,population\n,White,1\n", "pop.csv:2:1: 'service' is blank"),
        ("service,group\nleeds,White\n", "pop.csv:1: missing column 'population' (found: service, group)"),
    ])
    func badRowsNameFileLineAndColumn(text: String, message: String) throws {
        let csv = try CSVReader.parse(text, source: "pop.csv")
        let error = try #require(throws: InputError.self) { try ServicePopulation(csv: csv) }
        #expect(error.description == message)
    }
}
