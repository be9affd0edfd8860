/// How report narratives talk about the framework's prompts and key questions: which key
/// questions each prompt label sits under, the phrases that name a prompt in running prose, and
/// the theme words that name a key question (`.1` desistance, `.2` the child's safety and
/// wellbeing, `.3` other people's safety).
///
/// Question tables print a prompt's full wording (read by ``PromptWording/promptLabel(for:)``);
/// narratives paraphrase it ("the views of parents/carers … were obtained and used"), so the
/// phrases here are shorter and a clause may match several labels. The labels are the same
/// vocabulary as the tables; a narrative figure whose clause names none of them is not given one.
enum NarrativePromptVocabulary {
    /// Key questions each prompt label sits under; `x` stands for domain 2 or 3.
    static let keyQuestionsOfPrompt: [String: [String]] = [
        "analyses-offending-behaviour": ["x.1.1"],
        "considers-diversity-family-social-context": ["x.1.1", "x.2.1"],
        "focuses-on-strengths-protective-factors": ["x.1.1"],
        "analyses-structural-barriers": ["x.1.1"],
        "considers-maturity-ability-motivation": ["x.1.1", "x.2.1"],
        "considers-victims-restorative-justice": ["x.1.1"],
        "involves-child-parents-carers": ["x.1.1", "x.2.1", "2.4.1", "2.4.3"],
        "identifies-safety-wellbeing-risks": ["x.1.2"],
        "uses-information-sources-other-agencies": ["x.1.2", "x.1.3"],
        "analyses-controls-interventions": ["2.1.2", "2.1.3"],
        "identifies-risk-of-harm-to-others": ["x.1.3"],
        "sets-out-services-sequencing-timescales": ["x.2.1"],
        "builds-on-strengths-protective-factors": ["2.2.1", "3.2.1", "2.3.1", "2.4.1"],
        "attends-to-victims-needs-wishes": ["x.2.1"],
        "plans-community-integration": ["3.2.1"],
        "promotes-safety-wellbeing": ["x.2.2", "x.3.2"],
        "involves-other-agencies-aligns-plans": ["x.2.2"],
        "sets-out-controls-interventions": ["2.2.2", "2.2.3"],
        "sets-out-contingency-arrangements": ["x.2.2", "x.2.3"],
        "promotes-safety-of-others": ["x.2.3"],
        "involves-other-agencies": ["x.2.3"],
        "addresses-victim-concerns-risks": ["x.2.3"],
        "delivers-services-sequencing-timescales": ["x.3.1"],
        "reflects-diversity-involves-parents-carers": ["x.3.1"],
        "maintains-working-relationship": ["x.3.1"],
        "promotes-community-integration": ["x.3.1"],
        "encourages-compliance": ["x.3.1"],
        "takes-enforcement-action": ["2.3.1"],
        "coordinates-other-agencies": ["x.3.2", "2.3.3"],
        "services-manage-risk-of-harm": ["x.3.3"],
        "protects-actual-potential-victims": ["x.3.3"],
        "responds-to-changes": ["2.4.1", "2.4.2", "2.4.3"],
        "considers-motivation-engagement-barriers": ["2.4.1"],
        "informed-by-other-agencies": ["2.4.2", "2.4.3"],
        "adjusts-plan": ["2.4.2", "2.4.3"],
        "recommends-proportionate-outcome": ["3.4.1"],
        "considers-child-understanding-responsibility": ["3.4.1"],
        "contributes-to-disposal-decision": ["3.4.1"],
        "explains-implications-to-child-parents-carers": ["3.4.1"],
        "informs-decision-in-time": ["3.4.1"],
        "records-decision-rationale": ["3.4.1"],
        "informs-police-of-progress": ["3.4.2"],
        "attends-to-compliance-enforcement": ["3.4.2"],
    ]

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
    /// above or by the table wording of ``PromptWording/promptRules``.
    static func candidates(in clause: String, standard: String, framework: Framework) -> [(keyQuestion: String, prompt: String)] {
        guard let domain = standard.first else { return [] }
        let keyQuestions = Set(framework.standard(standard)?.keyQuestions.map(\.id) ?? [])
        var out: [(String, String)] = []
        let tableWording = PromptWording.promptRules.map { (slug: $0.slug, alternatives: [$0.phrases]) }
        for cue in cues + tableWording where cue.alternatives.contains(where: { $0.allSatisfy { clause.has($0) } }) {
            for pattern in keyQuestionsOfPrompt[cue.slug] ?? [] {
                let id = pattern.hasPrefix("x.") ? "\(domain)" + pattern.dropFirst() : pattern
                if keyQuestions.contains(id), !out.contains(where: { $0.0 == id && $0.1 == cue.slug }) { out.append((id, cue.slug)) }
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
