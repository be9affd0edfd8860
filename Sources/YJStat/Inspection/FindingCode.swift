/// The kinds of ``Finding`` and ``ExtractionFinding``, as stable kebab-case codes for programs and
/// spreadsheets: one vocabulary for checking datasets and for extracting reports.
///
/// The README (section "Inspection ratings and consistency checks") lists each with its severity;
/// ``explanation`` gives the same text. The last four cases (``isExtractionOnly``) compare figures
/// that a report prints twice and the dataset holds once, so only extraction raises them.
public enum FindingCode: String, Sendable, Codable, CaseIterable {
    /// More *yes* cases than relevant cases for a key question (error).
    case yesExceedsRelevant = "yes-exceeds-relevant"
    /// More relevant cases than the domain's case sample (error).
    case relevantExceedsSample = "relevant-exceeds-sample"
    /// A printed percentage that no rounding of yes/relevant gives (error).
    case percentMismatch = "percent-mismatch"
    /// A printed percentage (without counts) that no fraction with relevant ≤ the sample size rounds to (error).
    case percentImpossible = "percent-impossible"
    /// Counts and printed percentage agree, but the printed figure sits in another band than the fraction (warning).
    case printedBandDiffers = "printed-band-differs"
    /// A printed percentage (without counts) that fractions in different bands round to (warning when
    /// the standard's rule rating depends on which, info otherwise).
    case bandAmbiguousPercent = "band-ambiguous-percent"
    /// A key-question row with only one of `relevant` and `yes`, or with neither counts nor percentage (error).
    case incompleteCounts = "incomplete-counts"
    /// A key question with no relevant cases; it does not count towards the standard (info).
    case noRelevantCases = "no-relevant-cases"
    /// A framework key question with no row for the service; the standard is not checked (warning).
    case missingKeyQuestion = "missing-key-question"
    /// A key-question id the framework does not have (error).
    case unknownKeyQuestion = "unknown-key-question"
    /// Two rows for one key question of one service (error).
    case duplicateKeyQuestion = "duplicate-key-question"
    /// A published rating one band from the rule rating, in a direction a discretion trigger supports (warning).
    case discretion
    /// A published rating that the rules and discretion triggers do not explain (error).
    case unexplainedRating = "unexplained-rating"
    /// A published rating that differs from the rule rating of the printed percentages but matches
    /// fractions consistent with them (warning).
    case ratingWithinRounding = "rating-within-rounding"
    /// A framework standard with no published rating row (error).
    case missingStandard = "missing-standard"
    /// Two rating rows for one standard of one service (error).
    case duplicateStandard = "duplicate-standard"
    /// A standard id the framework does not have (error).
    case unknownStandard = "unknown-standard"
    /// A rating word that is not one of the framework's ratings or their variants (error).
    case unknownRatingWord = "unknown-rating-word"
    /// A blank rating (a standard's or the overall rating); reported, never guessed (warning).
    case missingRating = "missing-rating"
    /// A published score that is not the sum of the published standard ratings (error).
    case scoreMismatch = "score-mismatch"
    /// An overall rating that is not the band of the score (error).
    case overallMismatch = "overall-mismatch"
    /// A score below 0, above the maximum, or printed out of another maximum (error).
    case scoreOutOfRange = "score-out-of-range"
    /// A score given as a percentage that is not a whole number of points out of the maximum (error).
    case scorePercentNotWhole = "score-percent-not-whole"
    /// Ratings or key questions for a service that has no row in `inspections.csv` (error).
    case missingInspection = "missing-inspection"
    /// An inspection recorded under another framework than the one used for checking (warning).
    case frameworkMismatch = "framework-mismatch"
    /// A service id that is not a lower-case slug such as `north-somerset` (warning).
    case invalidServiceID = "invalid-service-id"
    /// A case-based domain whose sample size is blank, so relevant counts cannot be bounded (info).
    case missingSampleSize = "missing-sample-size"
    /// Two mentions of a rating (a standard's or the overall rating) in one report differ (error; extraction only).
    case ratingDisagrees = "rating-disagrees"
    /// Two statements of a sample size in one report differ (warning; extraction only).
    case sampleDisagrees = "sample-disagrees"
    /// A discretion footnote's "from" rating is not the rule rating of the standard's printed
    /// key-question counts (warning; extraction only).
    case discretionSourceDisagrees = "discretion-source-disagrees"
    /// A contextual table's printed percentages do not sum to 100 (warning, or info when rounding
    /// explains the difference; extraction only).
    case percentagesDoNotSum = "percentages-do-not-sum"

    /// Whether only report extraction raises the code (``ConsistencyChecker`` never does): the
    /// figures it compares are printed twice in a report but held once in the dataset.
    public var isExtractionOnly: Bool {
        switch self {
        case .ratingDisagrees, .sampleDisagrees, .discretionSourceDisagrees, .percentagesDoNotSum: true
        default: false
        }
    }

    /// What the finding means, in one sentence.
    public var explanation: String {
        switch self {
        case .yesExceedsRelevant: return "More yes cases than relevant cases for a key question."
        case .relevantExceedsSample: return "More relevant cases than cases in the domain's sample."
        case .percentMismatch: return "The printed percentage is not yes/relevant rounded half up or half to even."
        case .percentImpossible: return "No fraction with at most the sample size of relevant cases rounds to the printed percentage."
        case .printedBandDiffers: return "The printed (rounded) percentage falls in another band than the exact fraction, which decides the band."
        case .bandAmbiguousPercent: return "Fractions consistent with the printed percentage fall in different bands."
        case .incompleteCounts: return "A key-question row has only one of relevant and yes, or neither counts nor a percentage."
        case .noRelevantCases: return "No relevant cases: the key question does not count towards its standard."
        case .missingKeyQuestion: return "A key question of the framework has no row, so its standard cannot be recomputed."
        case .unknownKeyQuestion: return "The key-question id is not in the framework."
        case .duplicateKeyQuestion: return "The key question appears more than once for the service."
        case .discretion: return "The published rating is one band from the rule rating, in a direction a professional-discretion trigger supports."
        case .unexplainedRating: return "The published rating differs from the rule rating and no discretion trigger explains it."
        case .ratingWithinRounding: return "The published rating differs from the printed percentages' rating but fits fractions that round to them."
        case .missingStandard: return "A standard of the framework has no published rating."
        case .duplicateStandard: return "The standard has more than one rating row for the service."
        case .unknownStandard: return "The standard id is not in the framework."
        case .unknownRatingWord: return "The rating word is not one of the framework's ratings or their accepted variants."
        case .missingRating: return "The rating is blank; it is reported, not guessed."
        case .scoreMismatch: return "The published score is not the sum of the published standard ratings."
        case .overallMismatch: return "The overall rating is not the band the score falls in."
        case .scoreOutOfRange: return "The score is below 0, above the framework maximum, or out of another maximum."
        case .scorePercentNotWhole: return "The score percentage is not a whole number of points out of the maximum."
        case .missingInspection: return "The service has ratings or key questions but no row in inspections.csv."
        case .frameworkMismatch: return "The inspection names another framework than the one used for the checks."
        case .invalidServiceID: return "The service id is not a lower-case slug (letters, digits and single hyphens)."
        case .missingSampleSize: return "The domain's sample size is blank, so relevant counts and printed percentages cannot be bounded."
        case .ratingDisagrees: return "Two mentions of a rating in the report differ."
        case .sampleDisagrees: return "Two statements of a sample size in the report differ."
        case .discretionSourceDisagrees: return "A discretion footnote's original rating is not the rule rating of the printed key-question counts."
        case .percentagesDoNotSum: return "A contextual table's printed percentages do not sum to 100."
        }
    }
}
