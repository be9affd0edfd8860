import Foundation
import Testing
import YJStat

@Suite("Inspection dataset reading")
struct InspectionDatasetTests {
    @Test func readsTheBundledDatasets() throws {
        let dataset = try InspectionDataset.read(directory: inspectionRepositoryRoot.appendingPathComponent("Datasets"))
        #expect(dataset.services == ["kensington-and-chelsea", "north-somerset", "brent"])
        #expect(dataset.ratings.count == 36)
        #expect(dataset.keyQuestions.count == 69)
        let brent = try #require(dataset.inspections.first { $0.service == "brent" })
        #expect(brent.samples == ["court_sample": 29, "ooc_sample": 20])
        #expect(brent.score == nil)
    }

    @Test func missingFileNamesIt() throws {
        let folder = try DatasetTexts.synthetic().write()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("ratings.csv"))
        let error = try #require(throws: InputError.self) { try InspectionDataset.read(directory: folder) }
        #expect(error.file.hasSuffix("ratings.csv"))
        #expect(error.message.contains("no such file"))
    }

    @Test func missingDirectoryIsAnInputError() throws {
        let error = try #require(throws: InputError.self) { try InspectionDataset.read(directory: URL(fileURLWithPath: "/nonexistent/inspection")) }
        #expect(error.message.contains("no such directory"))
    }

    @Test func missingColumnNamesFileAndColumn() throws {
        var texts = DatasetTexts.synthetic()
        texts.keyQuestions = texts.keyQuestions.replacingOccurrences(of: "service,key_question,relevant,yes,percent", with: "service,key_question,relevant,percent")
            .components(separatedBy: "\n").map { $0.hasPrefix("test-yos") ? $0.replacingOccurrences(of: ",10,8,", with: ",10,") : $0 }.joined(separator: "\n")
        let error = try #require(throws: InputError.self) { try texts.dataset() }
        #expect(error.description.hasPrefix("key_questions.csv:1"))
        #expect(error.message.contains("missing column 'yes'"))
    }

    @Test(arguments: [
        ("test-yos,2.1.2,10,eight,", "key_questions.csv:3:4: expected a whole number, found 'eight'"),
        ("test-yos,2.1.2,-1,0,", "key_questions.csv:3:3: a count cannot be negative"),
        ("test-yos,2.1.2,,,65x", "key_questions.csv:3:5: expected a percentage"),
        ("test-yos,2.1.2,,,101", "key_questions.csv:3:5: a percentage must be between 0 and 100"),
    ])
    func malformedKeyQuestionCellsNameFileLineColumn(line: String, message: String) throws {
        var texts = DatasetTexts.synthetic()
        try texts.replace(\.keyQuestions, lineStartingWith: "test-yos,2.1.2,", with: line)
        let error = try #require(throws: InputError.self) { try texts.dataset() }
        #expect(error.description.hasPrefix(message), "was: \(error)")
    }

    @Test(arguments: [
        ("test-yos,Test YOS,2020-01,youth-2018,twenty,Outstanding,10,10", "inspections.csv:2:5: expected a score"),
        ("test-yos,Test YOS,2020-01,youth-2018,36,Outstanding,ten,10", "inspections.csv:2:7: expected a whole number"),
        (",Test YOS,2020-01,youth-2018,36,Outstanding,10,10", "inspections.csv:2:1: 'service' is blank"),
    ])
    func malformedInspectionCellsNameFileLineColumn(line: String, message: String) throws {
        var texts = DatasetTexts.synthetic()
        try texts.replace(\.inspections, lineStartingWith: "test-yos,", with: line)
        let error = try #require(throws: InputError.self) { try texts.dataset() }
        #expect(error.description.hasPrefix(message), "was: \(error)")
    }

    @Test func duplicateInspectionRowIsAnInputError() throws {
        var texts = DatasetTexts.synthetic()
        texts.append(\.inspections, "test-yos,Again,,youth-2018,36,Outstanding,10,10")
        let error = try #require(throws: InputError.self) { try texts.dataset() }
        #expect(error.description.hasPrefix("inspections.csv:3:1: service 'test-yos' already has an inspection on line 2"))
    }
}
