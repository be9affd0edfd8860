import Testing
@testable import YJStat

@Suite("Funnel input from CSV")
struct FunnelInputTests {
    static func read(_ text: String, _ measure: FunnelMeasure = .proportion) throws -> FunnelInput {
        try FunnelInput.read(try CSVReader.parse(text, source: "s.csv"), measure: measure)
    }

    @Test func numeratorsAndPercents() throws {
        let counts = try Self.read("service,numerator,denominator\nA,3,10\nB,\"1,204\",\"2,000\"\n")
        #expect(counts.units == [.init(service: "A", numerator: 3, denominator: 10),
                                 .init(service: "B", numerator: 1204, denominator: 2000)])
        #expect(!counts.numeratorsFromPercent)
        let percents = try Self.read("service,percent,denominator\nA,50.4%,250\nB,64.7,17\nC,0,9\n")
        #expect(percents.units.map(\.numerator) == [126, 11, 0])
        #expect(percents.numeratorsFromPercent)
    }

    @Test func rateCountsMayExceedThePopulationButNeedANumeratorColumn() throws {
        #expect(try Self.read("service,numerator,denominator\nA,12,10\n", .rate(per: 1000)).units.first?.numerator == 12)
        #expect(throws: InputError.self) { try Self.read("service,percent,denominator\nA,12,10\n", .rate(per: 1000)) }
    }

    @Test(arguments: [
        ("service,numerator,denominator\nA,3,0\n", InputError(file: "s.csv", line: 2, column: 3, message: "denominator is 0; a service needs at least one case")),
        ("service,numerator,denominator\nA,11,10\n", InputError(file: "s.csv", line: 2, column: 2, message: "numerator 11 is above the denominator 10")),
        ("service,numerator,denominator\nA,-1,10\n", InputError(file: "s.csv", line: 2, column: 2, message: "numerator must not be negative, found -1")),
        ("service,numerator,denominator\nA,1,10\nA,2,10\n", InputError(file: "s.csv", line: 3, column: 1, message: "service 'A' appears again (first on line 2)")),
        ("service,percent,denominator\nA,-5,10\n", InputError(file: "s.csv", line: 2, column: 2, message: "percent must lie between 0 and 100, found -5.0")),
        ("service,numerator,denominator\n", InputError(file: "s.csv", line: 1, message: "no services: the file has a header but no rows")),
    ])
    func badCellsNameTheirPlace(text: String, expected: InputError) {
        #expect(throws: expected) { try Self.read(text) }
    }

    @Test func missingColumnsAreNamed() {
        #expect(throws: InputError.self) { try Self.read("service,numerator\nA,1\n") }
        #expect(throws: InputError.self) { try Self.read("service,count,denominator\nA,1,2\n") }
    }
}
