/// The structure of the 2018–2021 youth inspection framework as the extractor uses it to find
/// its way through a report: standard ids and names, key-question ids and how their wording
/// reads, and short labels for the prompts under them.
///
/// Locating by structure rather than by line position is what lets the extractor read reports
/// it has not seen: a key question is known by its id where the report prints one
/// ("2.1.3. Does assessment …") and otherwise by its wording ("… keep other people safe?").
public enum YouthFrameworkOutline {
    /// The framework id written to `inspections.csv`.
    public static let frameworkID = "youth-2018"

    /// A standard of the framework.
    public struct Standard: Sendable, Equatable {
        /// `1.1` … `3.4`.
        public let id: String
        /// The standard's name as reports print it.
        public let name: String
        /// Key-question ids, empty for the organisational-delivery standards (1.x).
        public let keyQuestions: [String]
    }

    /// The 12 standards in report order.
    public static let standards: [Standard] = {
        let names = [("1.1", "Governance and leadership"), ("1.2", "Staff"), ("1.3", "Partnerships and services"),
                     ("1.4", "Information and facilities"), ("2.1", "Assessment"), ("2.2", "Planning"),
                     ("2.3", "Implementation and delivery"), ("2.4", "Reviewing"), ("3.1", "Assessment"),
                     ("3.2", "Planning"), ("3.3", "Implementation and delivery"), ("3.4", "Joint working")]
        return names.map { id, name in
            let count = id.hasPrefix("1.") ? 0 : (id == "3.4" ? 2 : 3)
            return Standard(id: id, name: name, keyQuestions: (1...max(count, 1)).prefix(count).map { "\(id).\($0)" })
        }
    }()

    /// The 23 key-question ids in report order.
    public static let keyQuestionIDs: [String] = standards.flatMap(\.keyQuestions)

    /// The standard with this id.
    public static func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }

    /// Which key question of a standard a question's wording asks, or `nil` when it reads as
    /// none of them. `.1` desistance, `.2` the child's safety, `.3` other people's safety; for
    /// 3.4, `.1` recommendations for joint decisions and `.2` work with the police.
    public static func keyQuestion(in standardID: String, wording: String) -> String? {
        let text = lastQuestion(in: wording).lowercased()
        if standardID == "3.4" {
            if text.has("recommendation") { return "3.4.1" }
            if text.has("police") { return "3.4.2" }
            return nil
        }
        guard standard(standardID)?.keyQuestions.isEmpty == false else { return nil }
        if text.has("desistance") { return "\(standardID).1" }
        if text.has("other people") || text.has("others safe") { return "\(standardID).3" }
        if text.has("child safe") || text.has("safety of the child") || text.has("keeping the child")
            || text.has("young person safe") || text.has("safety of the young person") {
            return "\(standardID).2"
        }
        return nil
    }

    /// The last question in a run of text: from the start of the sentence that holds the last
    /// `?` up to it (narrative before a table heading is dropped).
    static func lastQuestion(in text: String) -> Substring {
        guard let mark = text.lastIndex(of: "?") else { return text[...] }
        var start = text.startIndex
        var index = mark
        while index > text.startIndex {
            let before = text.index(before: index)
            if (text[before] == "." || text[before] == "!" || text[before] == ":") && text[index] == " " {
                start = index
                break
            }
            index = before
        }
        return text[start...mark]
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
