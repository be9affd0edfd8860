import Foundation

/// Finds the bundled `Datasets/` folder: in the current directory, or in the nearest folder above
/// the running executable that holds one (so a built `yjstat` finds the repository's datasets when
/// run from anywhere).
public enum DatasetLocator {
    /// The bundled folder's name.
    public static let folderName = "Datasets"

    /// Whether `folder` looks like a dataset folder (it holds `inspections.csv`).
    public static func isDatasetFolder(_ folder: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("inspections.csv").path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    /// The bundled datasets folder: `currentDirectory/Datasets` when it is a dataset folder, else
    /// the first `Datasets` folder found walking up from the executable's folder; `nil` when none.
    public static func bundledDatasets(currentDirectory: URL, executable: URL?) -> URL? {
        let local = currentDirectory.appendingPathComponent(folderName)
        if isDatasetFolder(local) { return local }
        guard let executable else { return nil }
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
        for _ in 0..<64 {
            let candidate = folder.appendingPathComponent(folderName)
            if isDatasetFolder(candidate) { return candidate }
            let parent = folder.deletingLastPathComponent().standardizedFileURL
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }
}
