import ArgumentParsing
import Foundation
import YJStat
import YJStatSynthetic

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
        always gives the same file. The figures are invented. --plant-remand-effect GROUP=OR
        redraws the stage of court and remand records from a logistic model in which GROUP's
        adjusted odds ratio of remand is OR (sex, age and offence have fixed effects, and the
        group is more often charged with robbery, so crude and adjusted ratios differ).

        --population FILE also writes the matching population file (service, group, year,
        population: each synthetic service's invented 10-17 population by ethnic group and year,
        scaled to --rows), so 'disproportionality --records' and 'aggregate --counts-for
        disproportionality --population' run on the extract.
        """,
        examples: [
            "yjstat synth --rows 1000000 --seed 1 --out records.csv",
            "yjstat synth --rows 5000 --seed 7 --out small.csv --crlf",
            "yjstat synth --rows 200000 --seed 3 --plant-remand-effect Black=2.5 --out planted.csv",
            "yjstat synth --rows 200000 --seed 1 --out records.csv --population population.csv",
        ],
        options: [rows.spec, seed.spec, out.spec, crlf.spec, plantRemandEffect.spec, population.spec])

    static let rows = Option<Int>.count("rows", "n", help: "Number of data rows.", minimum: nil, required: true)
    static let seed = Option<UInt64>("seed", "s", help: "Random seed (a whole number from 0 to 2^64 - 1).", required: true)
    static let out = Option<String>("out", "file", help: "File to write (replaced atomically).", required: true)
    static let crlf = Flag("crlf", help: "End lines with CRLF instead of LF.")
    static let plantRemandEffect = Option<SyntheticPlantedEffect>(
        "plant-remand-effect", "group=or",
        help: "Plant a known adjusted odds ratio of remand (among court and remand records) for an ethnic group, e.g. Black=2.5; see 'yjstat model'.")
    static let population = Option<String>("population", "file", help: "Also write the matching population file (service, group, year, population).")

    static func run(_ arguments: ParsedArguments, output: CommandOutput) throws -> ExitCode {
        let rows = try arguments.required(Self.rows)
        guard rows >= 0 else { throw UsageError("--rows must not be negative; got \(rows)") }
        let seed = try arguments.required(Self.seed)
        let path = try arguments.required(out)
        let url = InvocationContext.fileURL(path)
        let populationURL = try arguments.value(population).map { InvocationContext.fileURL($0) }
        for (flag, target) in [("--out", url), ("--population", populationURL)] {
            guard let target else { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target.deletingLastPathComponent().path, isDirectory: &isDirectory),
                  isDirectory.boolValue else {
                throw UsageError("\(flag): folder '\(target.deletingLastPathComponent().path)' does not exist")
            }
        }
        if let populationURL, populationURL.standardizedFileURL == url.standardizedFileURL {
            throw UsageError("--out and --population name the same file")
        }
        let extract = SyntheticExtract(rows: rows, seed: seed, lineEnding: arguments.isSet(crlf) ? .crlf : .lf,
                                       plantedEffect: try arguments.value(plantRemandEffect))
        try extract.write(to: url)
        var populationNote = ""
        if let populationURL {
            let population = SyntheticPopulation(extract: extract)
            try AtomicFileWriter.write(population.csvText(), to: populationURL)
            populationNote = "wrote \(population.rows.count) population rows (service, group, year) to \(populationURL.relativePath)\n"
        }
        // Written to standard output itself (--out - or /dev/stdout): no note to mix into the data.
        if AtomicFileWriter.standardStream(for: url) != nil {
            if !populationNote.isEmpty { CLI.printError(populationNote) }
            return .success
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        try StandardOutput.write("wrote \(rows) rows (\(size) bytes) to \(path)\n" + populationNote)
        return .success
    }
}

extension SyntheticPlantedEffect: OptionValue {
    /// `GROUP=ODDS_RATIO` with GROUP one of the synthetic extract's ethnic groups.
    public static func parse(_ text: String, option name: String) throws -> SyntheticPlantedEffect {
        guard let planted = SyntheticPlantedEffect(parsing: text) else {
            throw UsageError("--\(name) must be GROUP=ODDS_RATIO with GROUP one of \(SyntheticExtract.ethnicGroups.joined(separator: ", ")) and a positive ratio; got '\(text)'")
        }
        return planted
    }
    /// `GROUP=ODDS_RATIO`.
    public var optionText: String { "\(group)=\(oddsRatio)" }
}
