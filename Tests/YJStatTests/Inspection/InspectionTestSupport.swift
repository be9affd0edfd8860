import Foundation
import Testing
import YJStat

/// The repository root, found from this file's path.
let inspectionRepositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled youth framework (fails the test if it does not decode).
func youthFramework() throws -> Framework { try Framework.youth2018() }

/// The texts of an inspection dataset's three files, editable line by line for mutation tests.
struct DatasetTexts {
    var inspections: String
    var ratings: String
    var keyQuestions: String

    /// The bundled real-data fixtures in `Datasets/`.
    static func bundled() throws -> DatasetTexts {
        let folder = inspectionRepositoryRoot.appendingPathComponent("Datasets")
        return DatasetTexts(
            inspections: try String(contentsOf: folder.appendingPathComponent("inspections.csv"), encoding: .utf8),
            ratings: try String(contentsOf: folder.appendingPathComponent("ratings.csv"), encoding: .utf8),
            keyQuestions: try String(contentsOf: folder.appendingPathComponent("key_questions.csv"), encoding: .utf8))
    }

    /// A small synthetic dataset: one service `test-yos` with court sample 10 and out-of-court
    /// sample 10, every key question 8 of 10 (Outstanding) and every standard Outstanding (score 36).
    static func synthetic() -> DatasetTexts {
        let standards = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]
        var questions: [String] = []
        for standard in standards where !standard.hasPrefix("1.") {
            for index in 1...(standard == "3.4" ? 2 : 3) { questions.append("\(standard).\(index)") }
        }
        return DatasetTexts(
            inspections: "service,name,published,framework,score,overall_rating,court_sample,ooc_sample\ntest-yos,Test YOS,2020-01,youth-2018,36,Outstanding,10,10\n",
            ratings: "service,standard,rating\n" + standards.map { "test-yos,\($0),Outstanding\n" }.joined(),
            keyQuestions: "service,key_question,relevant,yes,percent\n" + questions.map { "test-yos,\($0),10,8,\n" }.joined())
    }

    /// Replaces the first line of a file's text that starts with `prefix` by `line`
    /// (`#require`s that such a line exists, so a mutation can never silently do nothing).
    mutating func replace(_ file: WritableKeyPath<DatasetTexts, String>, lineStartingWith prefix: String, with line: String) throws {
        var lines = self[keyPath: file].components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(prefix) }, "no line starting with \(prefix)")
        lines[index] = line
        self[keyPath: file] = lines.joined(separator: "\n")
    }

    /// Appends a line to a file's text.
    mutating func append(_ file: WritableKeyPath<DatasetTexts, String>, _ line: String) {
        var text = self[keyPath: file]
        if !text.hasSuffix("\n") { text += "\n" }
        self[keyPath: file] = text + line + "\n"
    }

    /// Parses the three texts.
    func dataset() throws -> InspectionDataset {
        try InspectionDataset(inspections: CSVReader.parse(inspections, source: "inspections.csv"),
                              ratings: CSVReader.parse(ratings, source: "ratings.csv"),
                              keyQuestions: CSVReader.parse(keyQuestions, source: "key_questions.csv"))
    }

    /// Runs the consistency checks with the bundled framework.
    func findings() throws -> [Finding] {
        ConsistencyChecker(framework: try youthFramework()).check(try dataset())
    }

    /// Writes the three files into a fresh temporary folder and returns it.
    func write() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-inspection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try inspections.write(to: folder.appendingPathComponent("inspections.csv"), atomically: true, encoding: .utf8)
        try ratings.write(to: folder.appendingPathComponent("ratings.csv"), atomically: true, encoding: .utf8)
        try keyQuestions.write(to: folder.appendingPathComponent("key_questions.csv"), atomically: true, encoding: .utf8)
        return folder
    }
}

extension [Finding] {
    /// The findings with a given code.
    func with(_ code: FindingCode) -> [Finding] { filter { $0.code == code } }
    /// Whether any finding is an error.
    var hasError: Bool { contains { $0.severity == .error } }
}
