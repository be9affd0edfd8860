import Foundation
import YJStat

/// A known adjusted effect planted in a ``SyntheticExtract``, so that a regression fitted to the
/// file can be checked against the truth.
///
/// Among records at stage `court` or `remand` (the children before the court, some of them
/// remanded), the stage is redrawn from a logistic model:
///
///     logit P(remand | court or remand) = −2.4 + log(oddsRatio) · [ethnicity = group]
///                                          + 0.5 · [sex = Male] + 0.15 · (age − 15)
///                                          + 1.0 · [offence = Robbery]
///                                          + 0.5 · [offence = Violence against the person]
///
/// so the adjusted odds ratio of remand for `group` against every other group (White among them)
/// is exactly `oddsRatio`, holding sex, age and offence fixed. To make the crude odds ratio
/// differ from the adjusted one, a quarter of the planted group's records are charged with
/// Robbery (a confounder: more likely for the group, and more likely to lead to remand).
/// Without a planted effect the generator's output is unchanged.
public struct SyntheticPlantedEffect: Sendable, Equatable, Hashable, Codable {
    /// The ethnic group that carries the effect (one of ``SyntheticExtract/ethnicGroups``).
    public var group: String
    /// The adjusted odds ratio of remand for `group`, > 0.
    public var oddsRatio: Double

    /// Creates a planted effect.
    public init(group: String, oddsRatio: Double) {
        self.group = group
        self.oddsRatio = oddsRatio
    }

    /// Parses `GROUP=ODDS_RATIO` (`Black=2.5`); `nil` unless the group is one of
    /// ``SyntheticExtract/ethnicGroups`` and the ratio a positive finite number.
    public init?(parsing text: String) {
        guard let filter = ColumnFilter(parsing: text), SyntheticExtract.ethnicGroups.contains(filter.column),
              let ratio = Double(filter.value), ratio.isFinite, ratio > 0 else { return nil }
        self.init(group: filter.column, oddsRatio: ratio)
    }

    /// The intercept of the planted model.
    public static let intercept = -2.4
    /// The coefficient of sex = Male.
    public static let maleEffect = 0.5
    /// The coefficient per year of age above 15.
    public static let agePerYear = 0.15
    /// The coefficients of offences (others 0).
    public static let offenceEffects = ["Robbery": 1.0, "Violence against the person": 0.5]

    /// Indices into the generator's tables, resolved once.
    struct Resolved: Sendable {
        let group: Int
        let logOddsRatio: Double
        let robbery: Int
        let violence: Int
        let court: Int
        let remand: Int
    }

    func resolved(offences: [String]) -> Resolved {
        Resolved(group: SyntheticExtract.ethnicGroups.firstIndex(of: group) ?? 0, logOddsRatio: Foundation.log(oddsRatio),
                 robbery: offences.firstIndex(of: "Robbery")!, violence: offences.firstIndex(of: "Violence against the person")!,
                 court: SyntheticExtract.stages.firstIndex(of: "court")!, remand: SyntheticExtract.stages.firstIndex(of: "remand")!)
    }
}

extension SyntheticPlantedEffect.Resolved {
    /// Applies the planted model to one drawn record: may change its offence (confounding)
    /// and, for a court or remand record, redraws the stage. A record whose offence text has a
    /// line break is written as an `Other` variant, so it gets no offence effect.
    func apply(ethnicity: Int, sex: Int, age: Int, lineBreak: Bool, stage: inout Int, offence: inout Int,
               random: inout SplitMix64) {
        guard stage == court || stage == remand else { return }
        if ethnicity == group, random.unit() < 0.25 { offence = robbery }
        var eta = SyntheticPlantedEffect.intercept + SyntheticPlantedEffect.agePerYear * Double(age - 15)
        if ethnicity == group { eta += logOddsRatio }
        if sex == 0 { eta += SyntheticPlantedEffect.maleEffect }
        if !lineBreak, offence == robbery { eta += SyntheticPlantedEffect.offenceEffects["Robbery"]! }
        if !lineBreak, offence == violence { eta += SyntheticPlantedEffect.offenceEffects["Violence against the person"]! }
        stage = random.unit() < 1 / (1 + Foundation.exp(-eta)) ? remand : court
    }
}
