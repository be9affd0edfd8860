import Foundation
import Testing
import YJStat

/// Reading a dataset folder for the summary: every file validated, problems named by
/// file:line:column, cross-file checks, and finding the bundled folder.
@Suite("Summary dataset reader")
struct SummaryDatasetTests {
    static let bundled = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets")
    static let files = SummaryDataset.requiredFiles + SummaryDataset.optionalFiles

    /// A copy of the bundled files with `edit` applied to one of them (`nil` deletes it).
    func copy(editing file: String? = nil, _ edit: (String) -> String? = { $0 }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in Self.files {
            var text: String? = try String(contentsOf: Self.bundled.appendingPathComponent(name), encoding: .utf8)
            if name == file, let original = text { text = edit(original) }
            if let text { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        }
        return folder
    }

    func read(_ folder: URL) throws -> SummaryDataset {
        try SummaryDataset.read(directory: folder, frameworks: .given(try Framework.youth2018()))
    }

    /// The error `read` throws, as text.
    func failure(_ folder: URL) throws -> String {
        do {
            _ = try read(folder)
        } catch let error as InputError {
            return error.description
        }
        Issue.record("expected an input error")
        return ""
    }

    func replacing(_ old: String, _ new: String) -> (String) -> String? {
        { text in
            #expect(text.contains(old), "the mutation must apply: \(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    @Test func readsEveryFileOfTheBundledDatasets() throws {
        let dataset = try read(Self.bundled)
        #expect(dataset.services == ["kensington-and-chelsea", "north-somerset", "brent"])
        #expect(dataset.discretion.map(\.standard) == ["3.1", "3.2", "3.2", "3.3"])
        #expect(dataset.populationFigure("brent", .age10To17)?.value == 30864)
        #expect(dataset.rates.first?.serviceValue.value == 285 && dataset.rates.first?.serviceValue.decimals == 0)
        #expect(dataset.rates.last?.serviceValue.roundingHalfWidth == 0.05)
        #expect(dataset.caseload.filter { $0.service == "north-somerset" && !$0.disposal.isCourtDisposal }.reduce(0) { $0 + $1.count } == 117)
        #expect(dataset.inputFiles.count == 10)
    }

    @Test func sampleCompositionIsOptional() throws {
        let dataset = try read(try copy(editing: "sample_composition.csv") { _ in nil })
        #expect(!dataset.hasSampleComposition)
        #expect(dataset.sampleComposition.isEmpty)
        #expect(dataset.inputFiles.count == 9)
    }

    @Test(arguments: SummaryDataset.requiredFiles)
    func everyRequiredFileMustExist(file: String) throws {
        let message = try failure(try copy(editing: file) { _ in nil })
        #expect(message.contains("\(file): missing dataset file"), "\(message)")
    }

    @Test(arguments: [
        ("demographics.csv", "brent,age,10-14,20,national,24", "brent,height,10-14,20,national,24",
         "demographics.csv:17:2: 'height' is not a known dimension"),
        ("demographics.csv", "brent,age,10-14,20,national,24", "brent,age,10-14,20,regional,24",
         "demographics.csv:17:5: 'regional' is not a known comparator"),
        ("demographics.csv", "brent,age,10-14,20,national,24", "brent,age,10-14,20,national,-3",
         "demographics.csv:17:6: a percentage must be between 0 and 100, found -3"),
        ("demographics.csv", "brent,age,15-17,80,national,76", "brent,age,10-14,80,national,76",
         "demographics.csv:18:3: brent age '10-14' against national is already on line 17"),
        ("population.csv", "brent,total,330795,2018", "brent,total,330795,18",
         "population.csv:7:4: expected a year such as 2018, found 18"),
        ("population.csv", "brent,total,330795,2018", "brent,total,0,2018", "population.csv:7:3: must be at least 1, found 0"),
        ("population.csv", "brent,age_10_17_bame,22754,2011", "brent,age_10_17_bame,32754,2011",
         "population.csv:9:3: the minority-ethnic 10-17 population 32754 is larger than the 10-17 population 30864"),
        ("caseload.csv", "north-somerset,custody,1", "north-somerset,custody,-1", "caseload.csv:9:3: a count cannot be negative, found -1"),
        ("caseload.csv", "north-somerset,licence,1", "north-somerset,custody,1", "caseload.csv:10:2: north-somerset custody is already on line 9"),
        ("rates.csv", "brent,reoffending_percent,50.4,england_wales,40.1", "brent,reoffending_percent,150.4,england_wales,40.1",
         "rates.csv:3:3: reoffending_percent must lie between 0 and 100, found 150.4"),
        ("rates.csv", "brent,reoffending_percent,50.4,england_wales,40.1", "brent,reoffending_percent,50.4,england_wales,0",
         "rates.csv:3:5: reoffending_percent must be above 0 and at most 100, found 0.0"),
        ("rates.csv", "brent,reoffending_percent,50.4,england_wales,40.1", "brent,reoffending_percent,50.4,scotland,40.1",
         "rates.csv:3:4: 'scotland' is not a known comparator"),
        ("rates.csv", "brent,reoffending_percent,50.4,england_wales,40.1", "brent,reoffending_percent,5e1,england_wales,40.1",
         "rates.csv:3:3: expected a plain decimal number such as 285 or 50.4, found '5e1'"),
        ("discretion.csv", "north-somerset,3.3,", "north-somerset,1.3,", "discretion.csv:5:2: '1.3' is not a case-based standard"),
        ("discretion.csv", "north-somerset,3.3,Requires improvement,Good", "north-somerset,3.3,Requires improvement,Very good",
         "discretion.csv:5:4: 'Very good' is not a rating word"),
        ("prompts.csv", "brent,3.3.3,services-manage-risk-of-harm,12,7,", "brent,3.3.9,services-manage-risk-of-harm,12,7,",
         "prompts.csv:200:2: '3.3.9' is not a key question"),
        ("key_questions.csv", "brent,2.1.1,,,86", "brent,2.1.1,,,186", "key_questions.csv:48:5: a percentage must be between 0 and 100"),
        ("sample_composition.csv", "north-somerset,court,custodial-sentence,1", "north-somerset,appeal,custodial-sentence,1",
         "sample_composition.csv:9:2: 'appeal' is not a known domain"),
        ("caseload.csv", "north-somerset,custody,1", "somerset,custody,1", "caseload.csv:9: service 'somerset' has no row in inspections.csv"),
        ("inspections.csv", "brent,Brent", "north-somerset,Brent", "inspections.csv:4:1: service 'north-somerset' already has an inspection on line 3"),
    ])
    func aBadCellIsNamedByFileLineAndColumn(file: String, line: String, replacement: String, message: String) throws {
        let text = try failure(try copy(editing: file, replacing(line, replacement)))
        #expect(text.contains(message), "\(text)")
    }

    /// Issue 12, item 7: an impossible published figure (yes above relevant, relevant above the
    /// sample) is a located finding, not a reading error, so every other check still runs.
    @Test(arguments: [
        ("prompts.csv", "brent,3.3.3,services-manage-risk-of-harm,12,7,", "brent,3.3.3,services-manage-risk-of-harm,12,13,",
         FindingCode.yesExceedsRelevant, "brent", "3.3.3 services-manage-risk-of-harm",
         "prompt services-manage-risk-of-harm of 3.3.3 has 13 yes cases but only 12 relevant (prompts.csv line 200)"),
        ("prompts.csv", "brent,3.3.3,services-manage-risk-of-harm,12,7,", "brent,3.3.3,services-manage-risk-of-harm,21,7,",
         FindingCode.relevantExceedsSample, "brent", "3.3.3 services-manage-risk-of-harm",
         "prompt services-manage-risk-of-harm of 3.3.3 has 21 relevant cases but the sample (ooc_sample) is 20 (prompts.csv line 200)"),
        ("key_questions.csv", "north-somerset,2.1.1,8,8,", "north-somerset,2.1.1,9,8,",
         FindingCode.relevantExceedsSample, "north-somerset", "2.1.1",
         "2.1.1 has 9 relevant cases but the sample (court_sample) is 8 (key_questions.csv line 25)"),
        ("key_questions.csv", "north-somerset,2.3.3,7,5,", "north-somerset,2.3.3,7,9,",
         FindingCode.yesExceedsRelevant, "north-somerset", "2.3.3", "2.3.3 has 9 yes cases but only 7 relevant (key_questions.csv line 33)"),
    ])
    func anImpossibleFigureIsALocatedFindingAndReadingGoesOn(file: String, line: String, replacement: String, code: FindingCode,
                                                             service: String, location: String, message: String) throws {
        let dataset = try read(try copy(editing: file, replacing(line, replacement)))
        let summary = try DatasetSummary(dataset: dataset)
        #expect(summary.hasErrors)
        let findings = summary.services.flatMap(\.ratings.findings).filter { $0.code == code }
        #expect(findings == [Finding(code: code, severity: .error, service: service, location: location, message: message)], "\(findings)")
        // Every service is still summarised: the other services' findings are the bundled ones.
        let bundled = try DatasetSummary(dataset: try read(Self.bundled))
        #expect(summary.services.count == bundled.services.count)
        for (edited, original) in zip(summary.services, bundled.services) where edited.service != service {
            #expect(edited.ratings.findings == original.ratings.findings)
        }
    }

    @Test func aMissingColumnIsNamed() throws {
        let text = try failure(try copy(editing: "rates.csv", replacing("comparator_value", "comparator_figure")))
        #expect(text.contains("rates.csv:1: missing column 'comparator_value'"), "\(text)")
    }

    @Test func aFolderThatDoesNotExistIsNamed() throws {
        let text = try failure(URL(fileURLWithPath: "/nonexistent/yjstat-datasets"))
        #expect(text == "/nonexistent/yjstat-datasets: no such dataset folder")
    }

    // MARK: - Locating the bundled datasets

    @Test func locatorPrefersTheCurrentFolderThenWalksUpFromTheExecutable() throws {
        let root = Self.bundled.deletingLastPathComponent()
        #expect(DatasetLocator.bundledDatasets(currentDirectory: root, executable: nil)?.path == Self.bundled.path)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-nowhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        #expect(DatasetLocator.bundledDatasets(currentDirectory: elsewhere, executable: nil) == nil)
        let executable = root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release/yjstat")
        #expect(DatasetLocator.bundledDatasets(currentDirectory: elsewhere, executable: executable)?.standardizedFileURL.path == Self.bundled.path)
        #expect(DatasetLocator.bundledDatasets(currentDirectory: elsewhere, executable: elsewhere.appendingPathComponent("yjstat")) == nil)
    }
}
