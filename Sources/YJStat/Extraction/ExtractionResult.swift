/// Everything extracted from one report: the rows of the inspection dataset schema with their
/// input lines, the warnings about text that could not be placed, the cross-check findings, and
/// a completeness summary. A result is always produced, however little was found.
public struct ExtractionResult: Sendable, Equatable {
    /// Where the text came from (a file path or a label), used in messages.
    public let source: String
    /// Inspection-level facts.
    public var inspection: ExtractedInspection
    /// Published standard ratings, in framework order.
    public var ratings: [ExtractedStandardRating] = []
    /// Key-question results, in framework order.
    public var keyQuestions: [ExtractedKeyQuestion] = []
    /// Prompt results, in report order (each with the report line of its figures and its basis).
    public var prompts: [PromptResult] = []
    /// Standards rated by professional discretion.
    public var discretion: [ExtractedDiscretion] = []
    /// Demographics of children cautioned or sentenced.
    public var demographics: [DemographicShare] = []
    /// Population figures.
    public var population: [ExtractedPopulation] = []
    /// Caseload by disposal.
    public var caseload: [CaseloadCount] = []
    /// First-time-entrant and reoffending rates.
    public var rates: [ExtractedRate] = []
    /// Inspected cases by disposal type.
    public var sampleComposition: [SampleCompositionCount] = []
    /// Text the extractor could not place, and missing sections.
    public var warnings: [ExtractionWarning] = []
    /// The framework the report was read with, chosen by ``ReportExtractor`` from what the report
    /// prints (its standard list, its fieldwork or publication month) and used by every step:
    /// sections, key questions, ratings, completeness, and the checks on the extracted rows.
    public let framework: Framework
    /// Why ``framework`` was chosen, from what the report prints.
    public var frameworkReason: String = ""
    /// The wording edition of the key questions (``Framework/Wording``) whose cues identified
    /// most unnumbered key questions; `nil` when every key question was found by its id or none was found.
    public var wordingEdition: String?
    /// Disagreements between printed figures.
    public var findings: [ExtractionFinding] = []

    /// Creates an empty result for a source, read with `framework`.
    public init(source: String, service: String, framework: Framework) {
        self.source = source
        self.framework = framework
        self.inspection = ExtractedInspection(service: service)
    }

    /// What was found and what is missing.
    public var completeness: ExtractionCompleteness { ExtractionCompleteness(self) }

    /// The service id.
    public var service: String { inspection.service }
}
