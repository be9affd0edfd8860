import Testing
@testable import YJStat

@Suite("Counts table reading and validation")
struct CountsTableTests {
    static func parse(_ text: String, _ options: CountsTable.Options = .init()) throws -> CountsTable {
        try CountsTable(csv: CSVReader.parse(text, source: "counts.csv"), options: options)
    }

    static func error(_ text: String, _ options: CountsTable.Options = .init(), previous: Bool = false) -> InputError? {
        do {
            let table = try parse(text, options)
            try table.checkBases(previous: previous)
            return nil
        } catch let error as InputError {
            return error
        } catch {
            return nil
        }
    }

    /// The option a table refuses (a stage or unknown group it does not have), if any.
    static func invalidOption(_ text: String, _ options: CountsTable.Options) -> InvalidArgumentError? {
        do {
            _ = try parse(text, options)
            return nil
        } catch {
            return error as? InvalidArgumentError
        }
    }

    @Test func longAndWideFormsGiveTheSameTable() throws {
        let wide = try Self.parse("group,population,arrest,court\nWhite,1000,40,10\nBlack,200,15,6\n")
        let long = try Self.parse("group,stage,count\nWhite,population,1000\nWhite,arrest,40\nWhite,court,10\nBlack,population,200\nBlack,arrest,15\nBlack,court,6\n")
        for table in [wide, long] {
            #expect(table.groups == ["White", "Black"])
            #expect(table.stages == ["arrest", "court"])
            #expect(table.count(group: "Black", stage: "court") == 6)
            #expect(table.population(group: "White") == 1000)
        }
    }

    @Test func stagesOptionOrdersAndSelects() throws {
        let table = try Self.parse("group,population,court,arrest\nWhite,1000,10,40\n", .init(stages: ["arrest", "court"]))
        #expect(table.stages == ["arrest", "court"])
    }

    @Test(arguments: [
        ("group,population,arrest\nWhite,1000,-3\n", 2, 3, "negative count"),
        ("group,population,arrest\nWhite,1000,40\nBlack,200,15\nWhite,1000,41\n", 4, 2, "duplicate count for group 'White'"),
        ("group,stage,count\nWhite,population,1000\nWhite,arrest,40\nWhite,arrest,41\n", 4, 3, "duplicate count"),
        ("group,population,arrest\nWhite,1000,40\nBlack,,15\n", 3, 2, "blank population ('population') for group 'Black'"),
        ("group,population,arrest\nWhite,1000,40\nBlack,20,25\n", 3, 3, "is more than its base 'population' (20)"),
        ("group,population,arrest\nWhite,1000,4x\n", 2, 3, "expected a whole number"),
        ("group,population,arrest\nWhite,1000,\n", 2, 3, "blank count for group 'White' at stage 'arrest': write 0 if there were none"),
    ])
    func badInputNamesFileLineAndColumn(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(Self.error(text))
        #expect(error.file == "counts.csv")
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message.contains(message), "message was: \(error.message)")
    }

    @Test func previousStageBaseIsChecked() throws {
        let error = try #require(Self.error("group,population,arrest,court\nWhite,1000,40,41\n", previous: true))
        #expect(error.line == 2 && error.column == 4 && error.message.contains("more than its base 'arrest' (40)"))
        #expect(Self.error("group,population,arrest,court\nWhite,1000,40,41\n", previous: false) == nil)
    }

    @Test func unknownGroupNeedsNoPopulationButMustExist() throws {
        let text = "group,population,arrest\nWhite,1000,40\nUnknown,,3\n"
        #expect(Self.error(text, .init(unknownLabel: "Unknown")) == nil)
        #expect(Self.error(text)?.description.contains("population ('population') for group 'Unknown'; if 'Unknown' is the unknown-ethnicity group, say so with `unknownLabel` Unknown") == true)
        #expect(Self.error(text)?.message.contains(Parameter.unknownLabel.mention) == true)
        // The library names the option and the file, never the flag (issue 14).
        let unknown = try #require(Self.invalidOption(text, .init(unknownLabel: "Not stated")))
        #expect(unknown.parameter == .unknownLabel && unknown.file == "counts.csv" && unknown.message.hasPrefix("group 'Not stated' is not in the table"))
        #expect(!unknown.description.contains("--"))
    }

    @Test func missingPopulationStageAndUnknownStagesAreReported() throws {
        #expect(Self.error("group,arrest\nWhite,40\n")?.message.contains("no population stage 'population'") == true)
        #expect(Self.error("group,pop,arrest\nWhite,1000,40\n", .init(populationStage: "pop")) == nil)
        let stages = try #require(Self.invalidOption("group,population,arrest\nWhite,1000,40\n", .init(stages: ["court"])))
        #expect(stages.parameter == .stages && stages.description == "counts.csv: stages: stage 'court' is not in the table (stages found: arrest)")
    }

    @Test func strataAreCollapsedBySumming() throws {
        let table = try Self.parse("""
        group,sex,stage,count
        White,M,population,500
        White,F,population,500
        White,M,arrest,30
        White,F,arrest,10
        Black,M,population,100
        Black,F,population,100
        Black,M,arrest,12
        Black,F,arrest,3
        """, .init(strata: ["sex"]))
        #expect(table.strata == [["M"], ["F"]])
        let flat = table.collapsed()
        #expect(flat.count(group: "Black", stage: "arrest") == 15)
        #expect(flat.population(group: "White") == 1000)
        #expect(table.stratum(["F"]).count(group: "White", stage: "arrest") == 10)
    }

    @Test func missingStratumPopulationIsReported() {
        let error = Self.error("group,sex,stage,count\nWhite,M,population,500\nWhite,F,arrest,10\nWhite,M,arrest,3\n", .init(strata: ["sex"]))
        #expect(error?.message.contains("missing population ('population') for group 'White' in stratum F") == true)
    }
}
