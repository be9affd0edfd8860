import ArgumentParsing
import Foundation
import YJStat

/// Options and loading shared by the inspection commands (`rate`, `check`, `check-ratings`,
/// `summary`). The readers take the declaration the command lists, since `check` declares its own
/// optional `--inspection` and `--framework`.
enum InspectionOptions {
    static let inspection = Option<String>("inspection", "dir",
                                           help: "Folder with inspections.csv, ratings.csv and key_questions.csv.", required: true)
    static let service = Option<String>("service", "id", help: "Only this service (id as in inspections.csv).")
    /// `--framework` for commands that check each service by the framework its row names.
    static let framework = Option<String>("framework", "file",
                                          help: "Framework JSON file (default: for each service the bundled framework its inspections.csv row names, else youth-2018).")
    /// How each service's framework is chosen (``FrameworkSelection``): the framework file named
    /// by `option` (`--framework FILE`) for every service when given, else for each service the
    /// bundled framework its `inspections.csv` row names, else youth-2018.
    static func frameworkSelection(_ arguments: ParsedArguments, _ option: Option<String> = framework) throws -> FrameworkSelection {
        try FrameworkSelection(given: givenFramework(arguments, option))
    }

    /// The framework file named by `option` (`--framework FILE`), when given.
    static func givenFramework(_ arguments: ParsedArguments, _ option: Option<String>) throws -> Framework? {
        try arguments.value(option).map { try Framework.load(contentsOf: InvocationContext.fileURL($0)) }
    }

    /// The three dataset files in the folder `option` names (`--inspection`), which an
    /// `--output` file may never replace.
    static func inputFiles(_ arguments: ParsedArguments, _ option: Option<String> = inspection) throws -> [URL] {
        guard let path = try arguments.value(option) else { return [] }
        let directory = InvocationContext.fileURL(path)
        return ["inspections.csv", "ratings.csv", "key_questions.csv"].map { directory.appendingPathComponent($0) }
    }

    /// The dataset in the folder `option` names (`--inspection`) and the services selected by
    /// `--service` (all by default).
    static func loadDataset(_ arguments: ParsedArguments, _ option: Option<String> = inspection,
                            rejectingDuplicates: Bool = false) throws -> (dataset: InspectionDataset, services: [String]) {
        let directory = InvocationContext.fileURL(try arguments.required(option))
        let dataset = try InspectionDataset.read(directory: directory, rejectingDuplicates: rejectingDuplicates)
        guard let service = try arguments.value(Self.service) else { return (dataset, dataset.services) }
        guard dataset.services.contains(service) else {
            throw UsageError("--service: no service '\(service)' in \(directory.path) (found: \(dataset.services.joined(separator: ", ")))")
        }
        return (dataset, [service])
    }
}
