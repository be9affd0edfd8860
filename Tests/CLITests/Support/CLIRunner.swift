import Foundation

/// The outcome of one run of the built `yjstat` binary.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `yjstat` executable: `YJSTAT_BINARY` if set, else next to the test bundle
/// (SwiftPM puts products and test bundles in the same folder).
func yjstatBinary() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["YJSTAT_BINARY"] { return URL(fileURLWithPath: path) }
    let candidates = [
        Bundle.main.bundleURL.appendingPathComponent("yjstat"),
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("yjstat"),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("yjstat"),
    ]
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
}

/// Runs `yjstat` with arguments (and optional standard input) in `directory`, capturing output;
/// `environment` adds to (or overrides) the test's own environment.
func runCLI(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
            environment: [String: String] = [:]) throws -> CLIResult {
    let process = Process()
    process.executableURL = try yjstatBinary()
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    // Read both pipes before waiting so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus,
                     stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder for a test's files.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository root (for bundled datasets and examples).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Parses JSON output into Foundation objects.
func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}
