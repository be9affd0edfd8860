import ArgumentParsing
import Foundation
import YJStat

/// Options and loading shared by the inspection commands (`rate`, `check`, `check-ratings`).
enum InspectionOptions {
    static let inspection = OptionSpec.value("inspection", "dir",
                                             help: "Folder with inspections.csv, ratings.csv and key_questions.csv.", required: true)
    static let service = OptionSpec.value("service", "id", help: "Only this service (id as in inspections.csv).")
    /// `--framework` for commands that check each service by the framework its row names.
    static let framework = OptionSpec.value("framework", "file",
                                            help: "Framework JSON file (default: for each service the bundled framework its inspections.csv row names, else youth-2018).")
    /// `--framework` for commands that read every service with one framework.
    static let singleFramework = OptionSpec.value("framework", "file",
                                                  help: "Framework JSON file (default: the bundled 2018-2021 youth framework, youth-2018).")

    /// The framework named by `--framework`, or the bundled youth framework.
    static func loadFramework(_ arguments: ParsedArguments) throws -> Framework {
        if let path = arguments.string("framework") {
            return try Framework.load(contentsOf: InvocationContext.fileURL(path))
        }
        return try Framework.youth2018()
    }

    /// The framework to check `service` with: `given` (from `--framework`) when there is one, else
    /// the bundled framework the service's row of `inspections.csv` names, else the bundled
    /// youth-2018 framework (the checker then warns `framework-mismatch` for a row that names
    /// another).
    static func framework(for service: String, in dataset: InspectionDataset, given: Framework?) throws -> Framework {
        if let given { return given }
        return try dataset.namedFramework(for: service, among: Framework.bundled()) ?? Framework.youth2018()
    }

    /// `--framework FILE` when given.
    static func givenFramework(_ arguments: ParsedArguments) throws -> Framework? {
        try arguments.string("framework").map { try Framework.load(contentsOf: InvocationContext.fileURL($0)) }
    }

    /// The three dataset files in `--inspection`, which an `--output` file may never replace.
    static func inputFiles(_ arguments: ParsedArguments) -> [URL] {
        guard let path = arguments.string("inspection") else { return [] }
        let directory = InvocationContext.fileURL(path)
        return ["inspections.csv", "ratings.csv", "key_questions.csv"].map { directory.appendingPathComponent($0) }
    }

    /// The dataset in `--inspection` and the services selected by `--service` (all by default).
    static func loadDataset(_ arguments: ParsedArguments, rejectingDuplicates: Bool = false) throws -> (dataset: InspectionDataset, services: [String]) {
        let directory = InvocationContext.fileURL(try arguments.required("inspection"))
        let dataset = try InspectionDataset.read(directory: directory, rejectingDuplicates: rejectingDuplicates)
        guard let service = arguments.string("service") else { return (dataset, dataset.services) }
        guard dataset.services.contains(service) else {
            throw UsageError("--service: no service '\(service)' in \(directory.path) (found: \(dataset.services.joined(separator: ", ")))")
        }
        return (dataset, [service])
    }
}
