import Foundation
import Testing

@Suite("CLI basics")
struct CLIBasicsTests {
    @Test func topLevelHelpListsSubcommands() throws {
        let result = try runCLI(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("SUBCOMMANDS:"))
        #expect(result.stdout.contains("interval"))
    }

    @Test func helpSubcommandAndFlagAgree() throws {
        let viaHelp = try runCLI(["help", "interval"])
        let viaFlag = try runCLI(["interval", "--help"])
        #expect(viaHelp.status == 0 && viaFlag.status == 0)
        #expect(viaHelp.stdout == viaFlag.stdout)
        #expect(viaFlag.stdout.contains("--confidence"))
        #expect(viaFlag.stdout.contains("EXAMPLES:"))
    }

    @Test func everySubcommandHasHelp() throws {
        let overview = try runCLI(["--help"]).stdout
        let names = overview.components(separatedBy: "SUBCOMMANDS:\n")[1]
            .components(separatedBy: "\n\n")[0]
            .split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }  // not a wrapped abstract's next line
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(!names.isEmpty)
        for name in names {
            let result = try runCLI([name, "--help"])
            #expect(result.status == 0, "\(name) --help failed")
            #expect(result.stdout.contains("USAGE: yjstat \(name)"), "\(name) --help has no usage line")
        }
    }

    @Test func versionPrints() throws {
        let result = try runCLI(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("yjstat "))
    }

    /// Issue 14: `--version` after a subcommand prints the version, as at the top level.
    @Test func subcommandVersionPrints() throws {
        let top = try runCLI(["--version"])
        for command in ["interval", "disproportionality", "summary"] {
            let result = try runCLI([command, "--version"])
            #expect(result.status == 0 && result.stdout == top.stdout, "\(command): \(result.stderr)")
        }
    }

    @Test func helpFollowsCOLUMNS() throws {
        let narrow = try runCLI(["compare", "--help"], environment: ["COLUMNS": "60"])
        #expect(narrow.status == 0)
        for line in narrow.stdout.split(separator: "\n") where line.contains(" ") && !line.hasPrefix("  yjstat ") {
            #expect(line.count <= 60, "\(line)")
        }
    }

    @Test func unknownSubcommandSuggestsNearest() throws {
        let result = try runCLI(["intreval"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown subcommand 'intreval'"))
        #expect(result.stderr.contains("did you mean 'interval'?"))
    }

    @Test func noArgumentsIsAUsageError() throws {
        let result = try runCLI([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("USAGE"))
    }

    @Test func unknownFlagIsNamedWithSuggestion() throws {
        let result = try runCLI(["interval", "--yes", "3", "--off", "5"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown option '--off'"))
        #expect(result.stderr.contains("did you mean '--of'?"))
    }

    @Test func missingValueIsNamed() throws {
        let result = try runCLI(["interval", "--yes", "3", "--of"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing value for --of"))
    }
}
