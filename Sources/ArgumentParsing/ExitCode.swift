/// Process exit codes used by every yjstat command.
public enum ExitCode: Int32, Sendable {
    /// Success, nothing to report.
    case success = 0
    /// The command ran and found problems (for example an `error` finding), or a computation failed.
    case findings = 1
    /// The command line or an input file is wrong; nothing was computed from it.
    case usageOrInput = 2
}
