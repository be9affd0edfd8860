/// Every subcommand, in the order `yjstat --help` lists them.
enum CommandRegistry {
    static let all: [any Subcommand.Type] = [
        SummaryCommand.self,
        IntervalCommand.self,
        DisproportionalityCommand.self,
        BoardCommand.self,
        RepresentationCommand.self,
        RateCommand.self,
        CheckCommand.self,
        CheckRatingsCommand.self,
        CompareCommand.self,
        FunnelCommand.self,
        StandardiseCommand.self,
        ExtractCommand.self,
        SampleSizeCommand.self,
        MarginCommand.self,
        AuditSampleCommand.self,
        PlanCommand.self,
        AllocateCommand.self,
        BandConfidenceCommand.self,
        DesignRiskCommand.self,
        AggregateCommand.self,
        ModelCommand.self,
        SynthCommand.self,
    ]
}
