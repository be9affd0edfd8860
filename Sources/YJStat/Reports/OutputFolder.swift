import Foundation

/// Writes a set of named text files into a folder: the folder is created when missing, and each
/// file is written atomically by ``AtomicFileWriter`` (never over an input file).
public enum OutputFolder {
    /// Writes `files` into `folder`.
    ///
    /// - Throws: ``InputError`` naming the folder when it cannot be created or is a file, or the
    ///   file that cannot be written or would replace one of `inputs`.
    public static func write(_ files: [(name: String, text: String)], to folder: URL, protecting inputs: [URL] = []) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError(file: folder.path, message: "the output folder is a file") }
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw InputError(file: folder.path, message: "cannot create the output folder (\(error.localizedDescription))")
            }
        }
        for file in files {
            try AtomicFileWriter.write(file.text, to: folder.appendingPathComponent(file.name), protecting: inputs)
        }
    }
}
