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
            .split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
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
