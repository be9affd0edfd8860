/// Rows, JSON and text for ``SampleSize`` and ``ExactSampleSize`` results.
public enum SampleSizeReport {
    /// The JSON object for a sample size: `sample_size`, `unrounded`, `correction`, `rounding`,
    /// `z`, `n0`, the target and population, then (when given) `compare`, every form × rounding,
    /// and `exact`, the hypergeometric pair.
    public static func json(_ size: SampleSize, compare: [SampleSize] = [], exact: ExactSampleSize? = nil) -> JSONValue {
        var members = members(size)
        members.append(("assumptions", .array(size.assumptions.map { .string($0) })))
        if !compare.isEmpty {
            members.append(("compare", .array(compare.map { .object(Self.members($0).filter { ["correction", "rounding", "unrounded", "sample_size", "capped_at_population"].contains($0.0) }) })))
        }
        if let exact { members.append(("exact", exactJSON(exact))) }
        return .object(members)
    }

    private static func members(_ size: SampleSize) -> [(String, JSONValue)] {
        [
            ("sample_size", .integer(size.size)),
            ("unrounded", .number(size.unrounded)),
            ("correction", .string(size.correction.rawValue)),
            ("rounding", .string(size.rounding.rawValue)),
            ("z", .number(size.z)),
            ("n0", .number(size.infinitePopulationSize)),
            ("confidence", .number(size.target.confidence)),
            ("margin", .number(size.target.margin)),
            ("proportion", .number(size.target.proportion)),
            ("population", size.population.map { .integer($0) } ?? .null),
            ("capped_at_population", .bool(size.cappedAtPopulation)),
        ]
    }

    /// The JSON object for the exact pair.
    public static func exactJSON(_ exact: ExactSampleSize) -> JSONValue {
        .object([
            ("method", .string(exact.population == nil ? "exact-binomial" : "exact-hypergeometric")),
            ("first_sufficient", .integer(exact.firstSufficient)),
            ("coverage_at_first", .number(exact.coverageAtFirst)),
            ("sufficient_from", .integer(exact.sufficientFromHere)),
            ("coverage_at_sufficient_from", .number(exact.coverageFromHere)),
            ("population_successes", exact.populationSuccesses.map { .integer($0) } ?? .null),
            ("search_limit", .integer(exact.searchLimit)),
            ("assumptions", .array(exact.assumptions.map { .string($0) })),
        ])
    }

    /// CSV rows: one per sample size (`method` is the correction form), then two for the exact
    /// pair (`rounding` is `first-sufficient` or `sufficient-from`).
    public static func rows(_ sizes: [SampleSize], exact: ExactSampleSize? = nil) -> [ResultRow] {
        var rows = sizes.map { size in
            ResultRow([
                ("method", .text(size.correction.rawValue)),
                ("rounding", .text(size.rounding.rawValue)),
                ("sample_size", .integer(size.size)),
                ("unrounded", .number(size.unrounded)),
                ("coverage", .null),
                ("z", .number(size.z)),
                ("n0", .number(size.infinitePopulationSize)),
                ("confidence", .number(size.target.confidence)),
                ("margin", .number(size.target.margin)),
                ("proportion", .number(size.target.proportion)),
                ("population", size.population.map { .integer($0) } ?? .null),
            ])
        }
        if let exact {
            let method = exact.population == nil ? "exact-binomial" : "exact-hypergeometric"
            for (label, n, coverage) in [("first-sufficient", exact.firstSufficient, exact.coverageAtFirst),
                                         ("sufficient-from", exact.sufficientFromHere, exact.coverageFromHere)] {
                rows.append(ResultRow([
                    ("method", .text(method)), ("rounding", .text(label)), ("sample_size", .integer(n)),
                    ("unrounded", .null), ("coverage", .number(coverage)), ("z", .null), ("n0", .null),
                    ("confidence", .number(exact.target.confidence)), ("margin", .number(exact.target.margin)),
                    ("proportion", .number(exact.target.proportion)),
                    ("population", exact.population.map { .integer($0) } ?? .null),
                ]))
            }
        }
        return rows
    }

    /// Plain text: the target, z and n₀, the chosen size, and with `compare` a table of every
    /// form × rounding and the exact pair.
    public static func text(_ size: SampleSize, compare: [SampleSize] = [], exact: ExactSampleSize? = nil) -> String {
        var out = "Sample size for \(SamplingText.target(size.target)), "
        out += size.population.map { "population N = \($0)" } ?? "infinite population"
        out += "\nz = \(NumberFormatting.fixed(size.z, 7)), n0 = z^2 p(1-p)/e^2 = \(NumberFormatting.fixed(size.infinitePopulationSize, 4))\n"
        out += "\(size.correction.rawValue), rounded \(size.rounding.rawValue): n = \(size.size) (unrounded \(NumberFormatting.fixed(size.unrounded, 4)))"
        if size.cappedAtPopulation { out += ", capped at the population" }
        out += "\n"
        if !compare.isEmpty {
            out += "\n" + TextTable(header: ["correction", "formula", "rounding", "unrounded", "n"], rows: compare.map {
                [$0.correction.rawValue, formula($0.correction), $0.rounding.rawValue,
                 NumberFormatting.fixed($0.unrounded, 4), String($0.size)]
            }).render()
            let sizes = Set(compare.map(\.size))
            if sizes.count > 1 {
                out += "The forms and roundings disagree: \(sizes.sorted().map(String.init).joined(separator: ", ")).\n"
            } else {
                out += "Every form and rounding gives \(size.size).\n"
            }
        }
        if let exact {
            out += "\n" + exactText(exact)
        }
        return out
    }

    /// Text for the exact pair.
    public static func exactText(_ exact: ExactSampleSize) -> String {
        var out = exact.population == nil
            ? "Exact (binomial, p = \(exact.target.proportion)):\n"
            : "Exact (hypergeometric, K = \(exact.populationSuccesses ?? 0) of N = \(exact.population ?? 0)):\n"
        out += "  first n meeting the target:      \(exact.firstSufficient) (P(within margin) = \(NumberFormatting.fixed(exact.coverageAtFirst, 4)))\n"
        out += "  every n from this one meets it:  \(exact.sufficientFromHere) (P(within margin) = \(NumberFormatting.fixed(exact.coverageFromHere, 4)))\n"
        return out
    }

    static func formula(_ correction: FinitePopulationCorrection) -> String {
        switch correction {
        case .cochranA: return "n0/(1+(n0-1)/N)"
        case .cochranB: return "n0/(1+n0/N)"
        case .none: return "n0"
        }
    }
}

/// Shared wording for the sampling reports.
enum SamplingText {
    /// "80% confidence, margin ±5 points, p = 0.5".
    static func target(_ target: PrecisionTarget) -> String {
        "\(percent(target.confidence)) confidence, margin ±\(points(target.margin)) points, p = \(CellValue.shortest(target.proportion))"
    }

    /// A proportion as a percentage without needless decimals: 0.8 → "80%", 0.975 → "97.5%".
    static func percent(_ value: Double) -> String { CellValue.shortest((value * 1e10).rounded() / 1e8) + "%" }

    /// A margin in percentage points to two decimals: 0.05 → "5.00".
    static func points(_ value: Double) -> String { NumberFormatting.fixed(value * 100, 2) }
}
