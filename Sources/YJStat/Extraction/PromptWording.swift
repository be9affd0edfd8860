/// yjstat's short labels for the prompts under each key question, and the table wording that
/// identifies them. The labels are our own names, stable across services (see
/// `Datasets/README.md`); the framework structure itself (standards, key questions, their
/// wording cues, bands and score rules) is read from the framework file, not from here.
public enum PromptWording {
    /// The last question in a run of text: from the start of the sentence that holds the last
    /// `?` up to it (narrative before a table heading is dropped).
    static func lastQuestion(in text: String) -> Substring {
        // By bytes: the marks looked for are ASCII, so their indices are character boundaries.
        let utf8 = text.utf8
        guard let mark = utf8.lastIndex(of: UInt8(ascii: "?")) else { return text[...] }
        var start = utf8.startIndex
        var index = mark
        while index > utf8.startIndex {
            let before = utf8.index(before: index)
            let byte = utf8[before]
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: ":")) && utf8[index] == UInt8(ascii: " ") {
                start = index
                break
            }
            index = before
        }
        return text[start..<utf8.index(after: mark)]
    }

    /// Prompt labels and the phrases that identify them, tried in order (the first whose phrases
    /// all occur in the lower-cased prompt wording wins; general phrases such as "promote the
    /// safety" come last because specific prompts end with them too). The labels are yjstat's own short
    /// names, stable across services (see `Datasets/README.md`).
    static let promptRules: [(slug: String, phrases: [String])] = [
        ("analyses-offending-behaviour", ["analysis of offending behaviour"]),
        ("reflects-diversity-involves-parents-carers", ["delivery reflect the diversity"]),
        ("considers-diversity-family-social-context", ["diversity and wider familial"]),
        ("focuses-on-strengths-protective-factors", ["focus on the child's strengths"]),
        ("analyses-structural-barriers", ["structural barriers"]),
        ("considers-maturity-ability-motivation", ["maturity"]),
        ("considers-victims-restorative-justice", ["restorative justice"]),
        ("identifies-safety-wellbeing-risks", ["identify and analyse any risks to the safety"]),
        ("uses-information-sources-other-agencies", ["draw sufficiently on available sources"]),
        ("analyses-controls-interventions", ["assessment analyse controls and interventions"]),
        ("identifies-risk-of-harm-to-others", ["identify and analyse any risk of harm"]),
        ("sets-out-services-sequencing-timescales", ["set out the services"]),
        ("builds-on-strengths-protective-factors", ["strengths and protective factors, and seek"]),
        ("builds-on-strengths-protective-factors", ["build upon the child's strengths"]),
        ("builds-on-strengths-protective-factors", ["building upon the child's strengths"]),
        ("plans-community-integration", ["planning take sufficient account of opportunities for community integration"]),
        ("promotes-community-integration", ["community integration"]),
        ("attends-to-victims-needs-wishes", ["needs and wishes of the victim"]),
        ("involves-child-parents-carers", ["meaningfully involved"]),
        ("involves-other-agencies-aligns-plans", ["alignment with other plans"]),
        ("sets-out-controls-interventions", ["set out the necessary controls"]),
        ("sets-out-contingency-arrangements", ["contingency"]),
        ("addresses-victim-concerns-risks", ["concerns and risks related to actual and potential victims"]),
        ("involves-other-agencies", ["planning involve other agencies"]),
        ("delivers-services-sequencing-timescales", ["delivered services those most likely"]),
        ("maintains-working-relationship", ["working relationship"]),
        ("encourages-compliance", ["encouraging and enabling"]),
        ("takes-enforcement-action", ["enforcement actions"]),
        ("coordinates-other-agencies", ["involvement of other"]),
        ("services-manage-risk-of-harm", ["delivered services sufficient to manage"]),
        ("protects-actual-potential-victims", ["protection of actual and potential victims"]),
        ("responds-to-changes", ["identify and respond to changes"]),
        ("considers-motivation-engagement-barriers", ["motivation and engagement"]),
        ("informed-by-other-agencies", ["reviewing informed by"]),
        ("adjusts-plan", ["necessary adjustments"]),
        ("recommends-proportionate-outcome", ["appropriate and proportionate"]),
        ("considers-child-understanding-responsibility", ["understanding of the offence"]),
        ("contributes-to-disposal-decision", ["positive contribution"]),
        ("explains-implications-to-child-parents-carers", ["implications of receiving"]),
        ("informs-decision-in-time", ["timely to meet"]),
        ("records-decision-rationale", ["rationale for joint disposal"]),
        ("informs-police-of-progress", ["inform the police of progress"]),
        ("attends-to-compliance-enforcement", ["compliance with and enforcement"]),
        ("promotes-safety-of-others", ["promote the safety of other people"]),
        ("promotes-safety-wellbeing", ["promote the safety and wellbeing"]),
    ]

    /// The prompt label for a prompt's wording, or `nil` when no rule matches.
    public static func promptLabel(for wording: String) -> String? {
        let text = lastQuestion(in: wording).lowercased().replacingAll("  ", with: " ")
        return promptRules.first { rule in rule.phrases.allSatisfy { text.has($0) } }?.slug
    }
}
