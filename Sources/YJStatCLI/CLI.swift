import ArgumentParsing
import Foundation
import YJStat

/// Dispatches a command line to its subcommand and turns errors into messages and exit codes.
public enum CLI {
    static let program = "yjstat"
    static let version = "0.1.0"
    static let abstract = "Statistics and data-quality checks for youth justice: disproportionality, inspection sampling, ratings."

    /// Runs one command line (without the program name) and returns its exit code: 0 success,
    /// 1 findings or failure, 2 usage or input error. Output goes to the standard output and
    /// error of ``InvocationContext/current``, relative paths are resolved against its current
    /// directory, and its environment is read — so a caller can run a command line in-process by
    /// binding another context (``InvocationContext/run(_:)``).
    public static func main(_ words: [String]) -> ExitCode {
        let commands = CommandRegistry.all
        guard let first = words.first else {
            printError(HelpFormatter.overview(program: program, abstract: abstract, commands: commands.map { $0.spec }, footer: "",
                                              width: helpWidth()))
            return .usageOrInput
        }
        switch first {
        case "--help", "-h":
            printOutput(overview(commands))
            return .success
        case "--version":
            printOutput("\(program) \(version)\n")
            return .success
        case "help":
            guard words.count > 1 else { printOutput(overview(commands)); return .success }
            guard let command = commands.first(where: { $0.spec.name == words[1] }) else {
                return unknownCommand(words[1], commands)
            }
            printOutput(HelpFormatter.help(for: command.spec, width: helpWidth()))
            return .success
        default:
            guard let command = commands.first(where: { $0.spec.name == first }) else {
                return unknownCommand(first, commands)
            }
            return run(command, Array(words.dropFirst()))
        }
    }

    /// The command being run (bound by ``run(_:_:)`` for the run and every task it starts):
    /// ``printError(_:)`` writes the parameters a message mentions as its flags.
    @TaskLocal static var command: String?

    static func run(_ command: any Subcommand.Type, _ words: [String]) -> ExitCode {
        $command.withValue(command.spec.name) { running(command, words) }
    }

    private static func running(_ command: any Subcommand.Type, _ words: [String]) -> ExitCode {
        let spec = command.spec
        do {
            let arguments = try ParsedArguments.parse(words, for: spec)
            if arguments.wantsHelp {
                printOutput(HelpFormatter.help(for: spec, width: helpWidth()))
                return .success
            }
            if arguments.wantsVersion {
                printOutput("\(program) \(version)\n")
                return .success
            }
            let output = try CommandOutput(arguments, format: command.formatOption, output: command.outputOption,
                                           textExtensions: command.textExtensions)
            return try command.run(arguments, output: output)
        } catch let error as UsageError {
            printError("\(program) \(spec.name): error: \(error.message)\nUsage: \(HelpFormatter.usage(for: spec))\nSee '\(program) \(spec.name) --help'.\n")
            return .usageOrInput
        } catch let error as InputError {
            printError("\(program) \(spec.name): error: \(ParameterFlags.message(error, in: spec.name))\n")
            return .usageOrInput
        } catch let error as InvalidArgumentError {
            printError("\(program) \(spec.name): error: \(ParameterFlags.message(error, in: spec.name))\n")
            return .usageOrInput
        } catch let error as ModelError {
            printError("\(program) \(spec.name): error: \(ParameterFlags.resolving(error.message, in: spec.name))\n")
            return .findings
        } catch {
            printError("\(program) \(spec.name): error: \(error)\n")
            return .findings
        }
    }

    static func overview(_ commands: [any Subcommand.Type]) -> String {
        HelpFormatter.overview(program: program, abstract: abstract, commands: commands.map { $0.spec },
                               footer: "Exit codes: 0 ok, 1 findings or failure, 2 usage or input error.", width: helpWidth())
    }

    static func unknownCommand(_ name: String, _ commands: [any Subcommand.Type]) -> ExitCode {
        var message = "\(program): error: unknown subcommand '\(name)'"
        if let near = Suggestion.nearest(to: name, among: commands.map { $0.spec.name }) {
            message += " (did you mean '\(near)'?)"
        }
        printError(message + "\nSee '\(program) --help'.\n")
        return .usageOrInput
    }

    /// The width help is wrapped to: the invocation's `COLUMNS`, else its terminal, else 80.
    static func helpWidth() -> Int {
        let context = InvocationContext.current
        return HelpFormatter.terminalWidth(columns: context.environment("COLUMNS"), output: context.standardOutput.descriptor)
    }

    /// Help and version text on standard output (a failed write is not an error, as `print`'s was not).
    static func printOutput(_ text: String) {
        try? StandardOutput.write(text)
    }

    /// A message on standard error: warnings, notes, findings and errors of ``command`` name
    /// the parameters they mention (``Parameter/mention``) as its flags.
    static func printError(_ text: String) {
        StandardError.write(command.map { ParameterFlags.resolving(text, in: $0) } ?? text)
    }
}
