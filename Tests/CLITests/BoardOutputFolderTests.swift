import Foundation
import Testing

/// `board --html` into a folder that cannot be created: exit 2, naming the folder (the file of
/// the error) and the flag in the message, not the flag as a file (issue 14).
@Suite("yjstat board --html folder")
struct BoardOutputFolderTests {
    @Test func uncreatableFolderNamesTheFolderAndTheFlag() throws {
        let folder = try temporaryFolder()
        let blocker = folder.appendingPathComponent("plain-file")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        let target = blocker.appendingPathComponent("inside/board.html")
        let counts = repositoryRoot.appendingPathComponent("Datasets/examples/counts.csv").path
        let result = try runCLI(["board", "--counts", counts, "--unknown", "Unknown", "--html", target.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: \(target.deletingLastPathComponent().path): cannot create this folder for --html ("),
                "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
