import Foundation
import YJStat
import YJStatCLI

/// The outcome of one `yjstat` command line (in-process or a run of the built binary).
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

/// Runs a `yjstat` command line in-process — `CLI.main` inside an ``InvocationContext`` with
/// captured standard output and error, `directory` (default: the test's current directory) as
/// the folder relative paths are resolved against, and the test's environment with `environment`
/// added (or overriding) — and returns what a run of the binary would: exit status and output.
/// Each call has its own context, so tests running in parallel never mix output or input files.
///
/// Use ``runCLIProcess(_:stdin:in:environment:)`` for what only a real process shows: signals,
/// a closed or broken standard output, `main.swift`'s setup, standard input. With
/// `YJSTAT_CLI_TESTS_IN_PROCESS=0` in the environment every call runs the binary instead (to
/// check the whole suite against a real process, or compare the times).
func runCLI(_ arguments: [String], in directory: URL? = nil,
            environment: [String: String] = [:]) throws -> CLIResult {
    if ProcessInfo.processInfo.environment["YJSTAT_CLI_TESTS_IN_PROCESS"] == "0" {
        return try runCLIProcess(arguments, in: directory, environment: environment)
    }
    let out = CapturedOutput(), err = CapturedOutput()
    let context = InvocationContext(
        standardOutput: out, standardError: err,
        currentDirectory: directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
        executable: try yjstatBinary())
    let status = context.run { CLI.main(arguments) }
    return CLIResult(status: status.rawValue, stdout: out.text, stderr: err.text)
}

/// Runs the built `yjstat` binary with arguments (and optional standard input) in `directory`,
/// capturing output; `environment` adds to (or overrides) the test's own environment.
func runCLIProcess(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
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
