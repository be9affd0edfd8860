/// How report narratives talk about the framework's prompts and key questions: the phrases that
/// name a prompt in running prose, and the theme words that name a key question (`.1`
/// desistance, `.2` the child's safety and wellbeing, `.3` other people's safety). Which key
/// questions a prompt sits under is the framework file's (``Framework/KeyQuestion/prompts``).
///
/// Question tables print a prompt's full wording (read by ``PromptWording/promptLabel(for:)``);
/// narratives paraphrase it ("the views of parents/carers … were obtained and used"), so the
/// phrases here are shorter and a clause may match several labels. The labels are the same
/// vocabulary as the tables; a narrative figure whose clause names none of them is not given one.
enum NarrativePromptVocabulary {
    /// Phrases that name a prompt in prose: a label matches when every phrase of one of its
    /// alternatives occurs in the lower-cased clause.
    static let cues: [(slug: String, alternatives: [[String]])] = [
        ("analyses-offending-behaviour", [["analys", "offending"], ["attitude", "offending"]]),
        ("considers-diversity-family-social-context", [["diversity", "famil"], ["diversity", "social context"]]),
        ("focuses-on-strengths-protective-factors", [["strengths"], ["protective factors"]]),
        ("analyses-structural-barriers", [["structural"]]),
        ("considers-maturity-ability-motivation", [["maturity"]]),
        ("considers-victims-restorative-justice", [["restorative justice"]]),
        ("involves-child-parents-carers", [["parent", "involv"], ["parent", "includ"], ["parent", "views"]]),
        ("identifies-safety-wellbeing-risks", [["identif", "risk"], ["outlin", "risk"], ["accurate", "risk"]]),
        ("identifies-risk-of-harm-to-others", [["identif", "risk"], ["outlin", "risk"], ["accurate", "risk"]]),
        ("uses-information-sources-other-agencies", [["information", "other agencies"], ["sources of information"]]),
        ("analyses-controls-interventions", [["controls and interventions"]]),
        ("sets-out-controls-interventions", [["controls and interventions"]]),
        ("sets-out-services-sequencing-timescales", [["sequenc"], ["timescale"]]),
        ("delivers-services-sequencing-timescales", [["sequenc"], ["timescale"]]),
        ("builds-on-strengths-protective-factors", [["strengths"], ["protective factors"]]),
        ("attends-to-victims-needs-wishes", [["wishes", "victim"], ["needs", "victim"]]),
        ("plans-community-integration", [["community integration"]]),
        ("promotes-community-integration", [["community integration"]]),
        ("promotes-safety-wellbeing", [["promot", "safety and wellbeing"], ["promot", "wellbeing"]]),
        ("involves-other-agencies-aligns-plans", [["involv", "other agencies"], ["other plans"]]),
        ("involves-other-agencies", [["involv", "other agencies"]]),
        ("sets-out-contingency-arrangements", [["contingency"]]),
        ("promotes-safety-of-others", [["promot", "safety of other"]]),
        ("addresses-victim-concerns-risks", [["actual and potential victims"]]),
        ("reflects-diversity-involves-parents-carers", [["diversity"]]),
        ("maintains-working-relationship", [["working relationship"], ["trusting relationship"]]),
        ("encourages-compliance", [["comply"], ["compliance"]]),
        ("takes-enforcement-action", [["enforcement"]]),
        ("coordinates-other-agencies", [["involvement of other agencies"], ["other agencies", "coordinat"]]),
        ("services-manage-risk-of-harm", [["services", "manage", "risk of harm"], ["services", "minimise", "risk"]]),
        ("protects-actual-potential-victims", [["actual and potential victims"], ["protection", "victim"]]),
        ("responds-to-changes", [["change", "respond"], ["change", "identif"]]),
        ("considers-motivation-engagement-barriers", [["motivation", "engagement"]]),
        ("informed-by-other-agencies", [["information from other agencies"], ["informed by other agencies"]]),
        ("adjusts-plan", [["plan", "adjust"], ["plan", "changed"]]),
        ("recommends-proportionate-outcome", [["proportionate"]]),
        ("considers-child-understanding-responsibility", [["understanding", "offence"]]),
        ("contributes-to-disposal-decision", [["contribut", "decision"]]),
        ("explains-implications-to-child-parents-carers", [["implications"]]),
        ("informs-decision-in-time", [["timel", "decision"]]),
        ("records-decision-rationale", [["rationale"]]),
        ("informs-police-of-progress", [["police", "progress"]]),
        ("attends-to-compliance-enforcement", [["compliance", "enforcement"]]),
    ]

    /// The (key question, prompt label) pairs of a standard that a clause names, by the phrases
    /// above or by the table wording of ``PromptWording/promptRules``: each label named, under
    /// every key question of the standard whose framework entry lists it
    /// (``Framework/KeyQuestion/prompts``), in key-question order.
    static func candidates(in clause: String, standard: String, framework: Framework) -> [(keyQuestion: String, prompt: String)] {
        let keyQuestions = framework.standard(standard)?.keyQuestions ?? []
        var out: [(String, String)] = []
        let tableWording = PromptWording.promptRules.map { (slug: $0.slug, alternatives: [$0.phrases]) }
        for cue in cues + tableWording where cue.alternatives.contains(where: { $0.allSatisfy { clause.has($0) } }) {
            for question in keyQuestions where question.prompts.contains(cue.slug) {
                if !out.contains(where: { $0.0 == question.id && $0.1 == cue.slug }) { out.append((question.id, cue.slug)) }
            }
        }
        return out
    }

    /// The key-question themes a text names: `1` desistance, `2` the child's safety and
    /// wellbeing, `3` other people's safety (risk of harm, victims).
    static func themes(of text: String) -> Set<Int> {
        var out: Set<Int> = []
        if text.has("desistance") { out.insert(1) }
        if text.has("wellbeing") || text.has("child safe") || text.has("children safe") || text.has("young person safe")
            || text.has("safety of the child") || text.has("safety of children") || text.has("safety of the young") {
            out.insert(2)
        }
        if text.has("other people") || text.has("others safe") || text.has("harm") || text.has("victim")
            || text.has("risk review") || text.has("risk management") {
            out.insert(3)
        }
        return out
    }
}
