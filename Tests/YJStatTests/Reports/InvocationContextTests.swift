import Foundation
import Testing
@testable import YJStat
import YJStatSynthetic

/// The invocation context (issue 14): each in-process invocation has its own standard output and
/// error, current directory, environment and input/output files.
@Suite("Invocation context")
struct InvocationContextTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yjstat-context-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func context(in directory: URL, environment: [String: String] = [:]) -> (InvocationContext, CapturedOutput, CapturedOutput) {
        let out = CapturedOutput(), err = CapturedOutput()
        return (InvocationContext(standardOutput: out, standardError: err, currentDirectory: directory,
                                  environment: environment, executable: nil), out, err)
    }

    /// Many invocations writing at once, in parallel tasks, each see only their own lines.
    @Test func concurrentInvocationsKeepTheirOutputApart() async throws {
        let directory = try folder()
        let runs = (0..<8).map { _ in context(in: directory) }
        await withTaskGroup(of: Void.self) { group in
            for (index, run) in runs.enumerated() {
                group.addTask {
                    run.0.run {
                        for line in 0..<200 {
                            try? StandardOutput.write("run \(index) line \(line)\n")
                            StandardError.write("run \(index) message \(line)\n")
                        }
                    }
                }
            }
        }
        for (index, run) in runs.enumerated() {
            #expect(run.1.text == (0..<200).map { "run \(index) line \($0)\n" }.joined())
            #expect(run.2.text == (0..<200).map { "run \(index) message \($0)\n" }.joined())
        }
    }

    /// `-`, `/dev/stdout` and `/dev/stderr` as an output file go to the invocation's streams.
    @Test func standardStreamPathsWriteToTheInvocationsStreams() throws {
        let (context, out, err) = context(in: try folder())
        try context.run {
            try AtomicFileWriter.write("a\n", to: InvocationContext.fileURL("-"))
            try AtomicFileWriter.write("b\n", to: InvocationContext.fileURL("/dev/stdout"))
            try AtomicFileWriter.write("c\n", to: InvocationContext.fileURL("/dev/stderr"))
            try SyntheticExtract(rows: 2, seed: 1).write(to: InvocationContext.fileURL("/dev/stdout"))
        }
        #expect(out.text == "a\nb\n" + String(decoding: SyntheticExtract(rows: 2, seed: 1).bytes(), as: UTF8.self))
        #expect(err.text == "c\n")
    }

    /// A relative path resolves against the context's directory, not the process's.
    @Test func relativePathsResolveAgainstTheContextDirectory() throws {
        let directory = try folder()
        try "x,y\n1,2\n".write(to: directory.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        #expect(!FileManager.default.fileExists(atPath: "in.csv"))
        let (context, _, _) = context(in: directory)
        let url = context.fileURL("in.csv")
        #expect(url.path == directory.appendingPathComponent("in.csv").path)
        #expect(url.relativePath == "in.csv")
        #expect(context.fileURL("/abs/x.csv").path == "/abs/x.csv")
        let table = try context.run { try CSVReader.read(contentsOf: InvocationContext.fileURL("in.csv")) }
        #expect(table.header == ["x", "y"])
        try context.run { try AtomicFileWriter.write("out\n", to: InvocationContext.fileURL("sub-less.txt")) }
        #expect(try String(contentsOf: directory.appendingPathComponent("sub-less.txt"), encoding: .utf8) == "out\n")
        #expect(InvocationContext.process.fileURL("in.csv").path == FileManager.default.currentDirectoryPath + "/in.csv")
    }

    /// An input read in a context is protected from that context's outputs, and only from them.
    @Test func anOutputOverAnInputIsRefusedInItsOwnContextOnly() throws {
        let directory = try folder()
        let input = directory.appendingPathComponent("data.csv")
        try "x\n1\n".write(to: input, atomically: true, encoding: .utf8)
        let (reader, _, _) = context(in: directory)
        _ = try reader.run { try CSVReader.read(contentsOf: InvocationContext.fileURL("data.csv")) }
        #expect(reader.files.registeredInputs.map(\.path) == [input.path])
        #expect(throws: InputError.self) {
            try reader.run { try AtomicFileWriter.write("y\n", to: InvocationContext.fileURL("./data.csv")) }
        }
        #expect(try String(contentsOf: input, encoding: .utf8) == "x\n1\n")
        let (other, _, _) = context(in: directory)
        try other.run { try AtomicFileWriter.write("y\n", to: InvocationContext.fileURL("data.csv")) }
        #expect(try String(contentsOf: input, encoding: .utf8) == "y\n")
    }

    /// Writing one file twice is refused within an invocation, not across invocations.
    @Test func theSameOutputTwiceIsRefusedPerInvocation() throws {
        let directory = try folder()
        let (first, _, _) = context(in: directory)
        try first.run { try AtomicFileWriter.write("1\n", to: InvocationContext.fileURL("o.txt")) }
        let error = try #require(throws: InputError.self) {
            try first.run { try AtomicFileWriter.write("2\n", to: InvocationContext.fileURL("o.txt")) }
        }
        #expect(error.message.contains("refusing to write the same file twice"))
        let (second, _, _) = context(in: directory)
        try second.run { try AtomicFileWriter.write("3\n", to: InvocationContext.fileURL("o.txt")) }
        #expect(try String(contentsOf: directory.appendingPathComponent("o.txt"), encoding: .utf8) == "3\n")
    }

    /// The context's environment replaces the process's; the process context reads the process's.
    @Test func environmentIsTheContexts() throws {
        let (context, _, _) = context(in: try folder(), environment: ["COLUMNS": "61"])
        #expect(context.environment("COLUMNS") == "61")
        #expect(context.environment("PATH") == nil)
        #expect(InvocationContext.process.environment("PATH") == ProcessInfo.processInfo.environment["PATH"])
        #expect(InvocationContext.current === InvocationContext.process)
        context.run { #expect(InvocationContext.current === context) }
    }
}
