import Foundation
import Testing

/// Headless Chromium, if installed (Debian package `chromium`; `.ci/run` installs it).
enum HeadlessBrowser {
    static let path: String? = {
        if let given = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: given) { return given }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
        }
        return nil
    }()

    /// Runs the browser on a page; returns standard output and the log written to standard error.
    static func run(_ arguments: [String], page: URL, folder: URL) throws -> (stdout: String, log: String) {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", path, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)"] + arguments + [page.absoluteString]
        let log = folder.appendingPathComponent("chromium-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try logHandle.close()
        return (String(decoding: data, as: UTF8.self), try String(contentsOf: log, encoding: .utf8))
    }
}

/// The board pack in a real browser: the page loads offline without console errors, every SVG is
/// laid out with a non-zero size, the headline text is in the DOM, and a screenshot is made
/// (copied to docs/board-pack.png when YJSTAT_UPDATE_SCREENSHOT=1).
@Suite("yjstat board in headless Chromium")
struct BoardBrowserTests {
    @Test(.enabled(if: HeadlessBrowser.path != nil,
                   "headless Chromium is not installed (apt-get install -y chromium, as .ci/run does): the real-browser test is skipped"))
    func pageRendersWithoutErrorsAndEverySVGHasASize() throws {
        let folder = try temporaryFolder()
        let page = folder.appendingPathComponent("board.html")
        let counts = repositoryRoot.appendingPathComponent("Datasets/examples/counts.csv").path
        let result = try runCLIProcess(["board", "--counts", counts, "--unknown", "Unknown", "--html", page.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)

        // Screenshot of the page as published (no script in it).
        let png = folder.appendingPathComponent("board-pack.png")
        let shot = try HeadlessBrowser.run(["--screenshot=\(png.path)", "--window-size=1100,3000"], page: page, folder: folder)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.count > 10_000)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1100)
        if ProcessInfo.processInfo.environment["YJSTAT_UPDATE_SCREENSHOT"] == "1" {
            let docs = repositoryRoot.appendingPathComponent("docs/board-pack.png")
            try? FileManager.default.removeItem(at: docs)
            try FileManager.default.copyItem(at: png, to: docs)
        }

        // A copy with a measuring script appended (the published page has none): the DOM dump
        // then carries each SVG's laid-out size.
        let measured = folder.appendingPathComponent("measured.html")
        let probe = """
        <script>
        document.body.setAttribute('data-svg-sizes', Array.prototype.map.call(document.querySelectorAll('svg'), function (s) {
          var r = s.getBoundingClientRect(); return Math.round(r.width) + 'x' + Math.round(r.height); }).join(','));
        </script>
        </body>
        """
        try html.replacingOccurrences(of: "</body>", with: probe).write(to: measured, atomically: true, encoding: .utf8)
        let dump = try HeadlessBrowser.run(["--dump-dom", "--window-size=1100,1500"], page: measured, folder: folder)
        let dom = dump.stdout
        #expect(dom.contains("<section id=\"headline\">"))
        #expect(dom.contains("About 73 more Black children were arrested than the rate of White children would give"))
        let sizes = try #require(dom.components(separatedBy: "data-svg-sizes=\"").dropFirst().first?.prefix { $0 != "\"" })
        let pairs = sizes.split(separator: ",")
        #expect(pairs.count == 2, "sizes: \(sizes)")
        for pair in pairs {
            let parts = pair.split(separator: "x").compactMap { Int($0) }
            #expect(parts.count == 2 && parts[0] > 100 && parts[1] > 100, "svg size \(pair)")
        }
        for log in [shot.log, dump.log] {
            let console = log.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("ERR_FILE_NOT_FOUND") }
            #expect(console.isEmpty, "console: \(console.joined(separator: "\n"))")
        }
    }
}
