/// Every subcommand, in the order `yjstat --help` lists them.
enum CommandRegistry {
    static let all: [any Subcommand.Type] = [
        SummaryCommand.self,
        IntervalCommand.self,
        RateCommand.self,
        CheckCommand.self,
        CheckRatingsCommand.self,
        ExtractCommand.self,
    ]
}
