import ArgumentParsing
import Foundation
import YJStat

/// `yjstat synth`: write a made-up case-level extract for tests and benchmarks.
enum SynthCommand: Subcommand {
    static let spec = CommandSpec(
        program: CLI.program,
        name: "synth",
        abstract: "Write a deterministic, made-up case-level extract (155 services, ethnicity, sex, age, stage, year).",
        discussion: """
        Columns: record_id, service, service_name, year, outcome_date, sex, age, ethnicity, stage,
        offence. Six ethnic groups plus Unknown in realistic proportions; stages arrest,
        out-of-court disposal, first-time entry, court, remand, custody. Some fields are quoted
        (names with commas, doubled quotes, a rare line break inside a field). The same seed
        always gives the same file. The figures are invented.
        """,
        examples: [
            "yjstat synth --rows 1000000 --seed 1 --out records.csv",
            "yjstat synth --rows 5000 --seed 7 --out small.csv --crlf",
        ],
        options: [
            .value("rows", "n", help: "Number of data rows.", required: true),
            .value("seed", "s", help: "Random seed (a whole number from 0 to 2^64 - 1).", required: true),
            .value("out", "file", help: "File to write (replaced atomically).", required: true),
            .flag("crlf", help: "End lines with CRLF instead of LF."),
        ])

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        guard let rows = try arguments.count("rows") else { throw UsageError("missing required option --rows") }
        guard rows >= 0 else { throw UsageError("--rows must not be negative; got \(rows)") }
        let seedText = try arguments.required("seed")
        guard let seed = UInt64(seedText.replacingOccurrences(of: "_", with: "")) else {
            throw UsageError("--seed must be a whole number from 0 to 18446744073709551615; got '\(seedText)'")
        }
        let path = try arguments.required("out")
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw UsageError("--out: folder '\(url.deletingLastPathComponent().path)' does not exist")
        }
        let extract = SyntheticExtract(rows: rows, seed: seed, lineEnding: arguments.flag("crlf") ? .crlf : .lf)
        try extract.write(to: url)
        // Written to standard output itself (--out - or /dev/stdout): no note to mix into the data.
        if AtomicFileWriter.standardStream(for: url) != nil { return .success }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        try StandardOutput.write("wrote \(rows) rows (\(size) bytes) to \(path)\n")
        return .success
    }
}
