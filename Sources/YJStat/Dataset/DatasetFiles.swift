/// Every dataset file's schema, in the order `yjstat extract` writes them: the files of the
/// bundled `Datasets/` (documented in `Datasets/README.md`) followed by `extraction_issues.csv`
/// and `provenance.csv`. A new dataset file is added here and in its own schema file only.
public enum DatasetFiles {
    /// The schemas, in writing order.
    public static var all: [any DatasetFileSchema.Type] {
        [
            InspectionsSchema.self, RatingsSchema.self, KeyQuestionsSchema.self, PromptsSchema.self, DiscretionSchema.self,
            DemographicsSchema.self, PopulationSchema.self, CaseloadSchema.self, RatesSchema.self, SampleCompositionSchema.self,
            ExtractionIssuesSchema.self, ProvenanceSchema.self,
        ]
    }
}
