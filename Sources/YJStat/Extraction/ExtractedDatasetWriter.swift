import Foundation

/// Writes extraction results as a directory of CSV files in the inspection dataset schema
/// (the same files and columns as the bundled `Datasets/`, documented in `Datasets/README.md`),
/// plus `extraction_issues.csv` (warnings and findings) and `provenance.csv` (the input line of
/// every extracted value): one file per ``DatasetFileSchema`` of ``DatasetFiles/all``, each
/// written by its schema.
///
/// Files use LF line endings and RFC 4180 quoting through ``CSVWriter`` (only fields that need it
/// are quoted; cells a spreadsheet would run as formulas are neutralised). With several results,
/// each file holds all services in input order.
public enum ExtractedDatasetWriter {
    /// A file's name and content.
    public struct File: Sendable, Equatable {
        /// File name, such as `ratings.csv`.
        public let name: String
        /// The CSV text.
        public let text: String
    }

    /// The dataset files for results, one per schema of ``DatasetFiles/all``, in that order.
    public static func files(for results: [ExtractionResult]) -> [File] {
        DatasetFiles.all.map { File(name: $0.fileName, text: $0.text(for: results)) }
    }

    /// Writes every file into `directory` (created if missing), each atomically.
    /// - Throws: ``InputError`` when the directory cannot be created or a file cannot be written,
    ///   or when a destination is one of `inputs`.
    public static func write(_ results: [ExtractionResult], to directory: URL, protecting inputs: [URL] = []) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError(file: directory.path, message: "is a file, expected a folder for the dataset") }
        } else {
            do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw InputError(file: directory.path, message: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        for file in files(for: results) {
            try AtomicFileWriter.write(file.text, to: directory.appendingPathComponent(file.name), protecting: inputs)
        }
    }

    /// The input line of every value: `file` names the dataset file, `key` the row and column
    /// (the rows of ``ProvenanceSchema``).
    static func provenance(_ r: ExtractionResult) -> [[String]] { ProvenanceSchema.cells(of: r) }
}
