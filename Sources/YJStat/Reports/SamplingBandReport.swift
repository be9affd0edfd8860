import Foundation

/// Rows, JSON and text for ``BandConfidence`` and ``DesignRisk`` results.
public enum BandReport {
    /// CSV rows for band confidence: one per band.
    public static func rows(_ result: BandConfidence) -> [ResultRow] {
        result.bands.enumerated().map { index, band in
            ResultRow([
                ("band", .text(band.band)),
                ("range", .text(band.range)),
                ("probability", .number(band.probability)),
                ("observed_band", .bool(index == result.observedBand)),
                ("successes", .integer(result.successes)),
                ("sample", .integer(result.sample)),
                ("population", result.population.map { .integer($0) } ?? .null),
                ("prior", .text(result.prior.rawValue)),
            ])
        }
    }

    /// The JSON object for band confidence.
    public static func json(_ result: BandConfidence) -> JSONValue {
        .object([
            ("successes", .integer(result.successes)),
            ("sample", .integer(result.sample)),
            ("population", result.population.map { .integer($0) } ?? .null),
            ("prior", .string(result.prior.rawValue)),
            ("observed_proportion", .number(Double(result.successes) / Double(result.sample))),
            ("observed_band", .string(result.bands[result.observedBand].band)),
            ("probability_observed_band", .number(result.probabilityObservedBand)),
            ("bands", .array(result.bands.map { .object([("band", .string($0.band)), ("range", .string($0.range)),
                                                         ("probability", .number($0.probability))]) })),
            ("assumptions", .array(result.assumptions.map { .string($0) })),
        ])
    }

    /// Plain text for band confidence.
    public static func text(_ result: BandConfidence) -> String {
        var out = "\(result.successes) of \(result.sample) = \(NumberFormatting.percent(Double(result.successes) / Double(result.sample), 2))"
        out += " (\(result.bands[result.observedBand].band))"
        out += result.population.map { ", sampled from \($0) relevant cases" } ?? ", population treated as infinite"
        out += "; \(result.prior.rawValue) prior\n\n"
        out += TextTable(header: ["population band", "range", "probability"], rows: result.bands.enumerated().map {
            [$1.band + ($0 == result.observedBand ? " *" : ""), $1.range, NumberFormatting.fixed($1.probability, 4)]
        }).render()
        out += "\nProbability the population is in the observed band (*): \(NumberFormatting.fixed(result.probabilityObservedBand, 4))\n"
        return out
    }

    /// CSV rows for design risk: one per true proportion, a probability column per band
    /// (`p_<band>` with the band name in lower case, spaces as underscores) and `p_wrong_band`.
    public static func rows(_ risks: [DesignRisk]) -> [ResultRow] {
        risks.map { risk in
            var cells: [(name: String, value: CellValue)] = [
                ("sample", .integer(risk.sample)),
                ("population", risk.population.map { .integer($0) } ?? .null),
                ("population_successes", risk.populationSuccesses.map { .integer($0) } ?? .null),
                ("true_proportion", .number(risk.trueProportion)),
                ("true_band", .text(risk.bands[risk.trueBand].band)),
            ]
            cells += risk.bands.map { ("p_" + columnName($0.band), .number($0.probability)) }
            cells.append(("p_wrong_band", .number(risk.probabilityWrongBand)))
            return ResultRow(cells)
        }
    }

    /// The JSON document for design risk: an object for one true proportion, an array for a table.
    public static func json(_ risks: [DesignRisk], single: Bool) -> JSONValue {
        let objects = risks.map { risk -> JSONValue in
            .object([
                ("sample", .integer(risk.sample)),
                ("population", risk.population.map { .integer($0) } ?? .null),
                ("population_successes", risk.populationSuccesses.map { .integer($0) } ?? .null),
                ("true_proportion", .number(risk.trueProportion)),
                ("true_band", .string(risk.bands[risk.trueBand].band)),
                ("probability_wrong_band", .number(risk.probabilityWrongBand)),
                ("observed_bands", .array(risk.bands.map { .object([("band", .string($0.band)), ("range", .string($0.range)),
                                                                      ("probability", .number($0.probability))]) })),
            ])
        }
        if single, let first = objects.first { return first }
        return .array(objects)
    }

    /// Plain text for design risk: one table row per true proportion.
    public static func text(_ risks: [DesignRisk]) -> String {
        guard let first = risks.first else { return "" }
        var out = "Design: sample of \(first.sample) "
        out += first.population.map { "from \($0) (hypergeometric)" } ?? "from an infinite population (binomial)"
        out += ". Probability of each observed band, by true population proportion:\n\n"
        let header = ["true %", "K", "true band"] + first.bands.map(\.band) + ["wrong band"]
        out += TextTable(header: header, rows: risks.map { risk in
            [NumberFormatting.percent(risk.trueProportion, 1), risk.populationSuccesses.map(String.init) ?? "–",
             risk.bands[risk.trueBand].band] + risk.bands.map { NumberFormatting.fixed($0.probability, 4) }
                + [NumberFormatting.fixed(risk.probabilityWrongBand, 4)]
        }).render()
        return out
    }

    private static func columnName(_ band: String) -> String {
        band.lowercased().replacingOccurrences(of: " ", with: "_")
    }
}
