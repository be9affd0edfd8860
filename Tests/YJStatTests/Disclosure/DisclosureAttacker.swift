import Foundation

/// A reader trying to recover hidden counts from a published disproportionality output (issue
/// 13). Foundation only, so the library and CLI test targets share it.
///
/// It reads the rendered CSV, JSON and text, turns every published number it can interpret into
/// a linear equation over the unknown counts x[group][stage] — counts; bases; rate × base;
/// reference counts (a named group's count, or with `rest` the sum of the other known groups);
/// reference rate × reference base; rate / RRI × reference base; excess + reference rate × base;
/// count / share = the stage's known total (stage and base shares); the unknown count; the
/// unknown-ethnicity upper rate × base = count + unknown; the text's "u of T" (stage total) and
/// totals-row sentences — and solves them: Gaussian elimination finds every count the equations
/// fix exactly, and interval propagation (over the equations and their reduced row-echelon
/// combinations, with 0 ≤ x ≤ population and, when the stages are nested, a stage's count
/// between the next stage's and the previous stage's) bounds the others. Nonlinear figures (odds
/// ratios, p-values, interval bounds, RRI bounds under unknown ethnicity) are not inverted.
///
/// The tidy table (issue 18) publishes rounded figures and no reference columns: the reference
/// is the row flagged `reference` (else `rest`), its bases come from the published rows, and each
/// rounded rate, RRI, excess or cumulative RRI is read as the interval its rounding allows (the
/// tighter of its printed digits and the table's rounding rule), a pair of linear inequalities
/// over the counts (``ranges``) that the interval propagation uses beside the equations.
struct DisclosureAttacker {
    let groups: [String]
    let stages: [String]
    let unknown: String?
    let populationStage: String
    /// Whether a reader may assume each stage's count is at most the previous stage's.
    let nested: Bool
    /// Whether each stage's base is the previous stage (else the population).
    let previousBase: Bool
    var equations: [(coefficients: [Int: Double], rhs: Double)] = []
    /// Figures printed rounded (a rate to one decimal, an RRI to three figures): each gives a
    /// range, low ≤ Σ a·x ≤ high, used by the interval propagation (DisclosureAttacker+Tables).
    var ranges: [(coefficients: [Int: Double], low: Double, high: Double)] = []
    /// The reference group ("rest" for all other known groups), for tables whose rows do not say.
    var reference: String?
    /// Stage words as printed (a board pack's "Court disposals"), by stage name.
    var stageLabels: [String: String] = [:]
    var rows: [[String: String]] = []
    /// Rows read from tables printed rounded (DisclosureAttacker+Tables).
    var printedRows: [[String: String]] = []
    var lower: [Double]
    var upper: [Double]

    init(groups: [String], stages: [String], unknown: String?, nested: Bool, previousBase: Bool, populationStage: String = "population") {
        self.previousBase = previousBase
        self.groups = groups
        self.stages = stages
        self.unknown = unknown
        self.nested = nested
        self.populationStage = populationStage
        lower = Array(repeating: 0, count: groups.count * stages.count)
        upper = Array(repeating: .infinity, count: groups.count * stages.count)
    }

    var known: [String] { groups.filter { $0 != unknown } }

    func variable(_ group: String, _ stage: String) -> Int? {
        guard let g = groups.firstIndex(of: group), let s = stages.firstIndex(of: stage) else { return nil }
        return g * stages.count + s
    }

    mutating func equate(_ cells: [(String, String)], _ value: Double, scale: [Double]? = nil) {
        var coefficients: [Int: Double] = [:]
        for (i, cell) in cells.enumerated() {
            guard let v = variable(cell.0, cell.1) else { return }
            coefficients[v, default: 0] += scale?[i] ?? 1
        }
        guard value.isFinite, !coefficients.isEmpty else { return }
        equations.append((coefficients, value))
    }

    // MARK: reading

    /// Splits one CSV line, honouring double quotes.
    static func csvFields(_ line: Substring) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" { quoted = false } else { current.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(current); current = "" } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }

    mutating func read(csv: String) {
        let lines = csv.split(whereSeparator: \.isNewline)
        guard let header = lines.first.map(Self.csvFields) else { return }
        for line in lines.dropFirst() {
            let fields = Self.csvFields(line)
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, fields).map { ($0, $1) }))
        }
    }

    /// JSON: a result document's `rows` (or a bare array of rows).
    mutating func read(json: String) throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let objects = (parsed as? [[String: Any]]) ?? ((parsed as? [String: Any])?["rows"] as? [[String: Any]]) ?? []
        for object in objects {
            var row: [String: String] = [:]
            for (key, value) in object {
                if let n = value as? NSNumber { row[key] = n.stringValue }
                else if let s = value as? String { row[key] = s }
            }
            rows.append(row)
        }
    }

    /// The text output: the table by stage, the unknown-ethnicity line and totals sentences.
    mutating func read(text: String) {
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.count >= 4, stages.contains(words[0]), groups.contains(words[1]) {
                var row = ["group": words[1], "stage": words[0], "count": words[2], "base": words[3]]
                if let s = stages.firstIndex(of: words[0]), previousBase, s > 0 { row["base_stage"] = stages[s - 1] }
                rows.append(row)
            }
            if let unknown, line.contains("Ethnicity '\(unknown)':") {
                let parts = line.components(separatedBy: ": ").dropFirst().joined(separator: ": ").components(separatedBy: ", ")
                for part in parts {
                    let w = part.split(separator: " ").map(String.init)
                    guard w.count >= 2, stages.contains(w[0]), let u = Double(w[1]) else { continue }
                    equate([(unknown, w[0])], u)
                    if w.count >= 4, w[2] == "of", let total = Double(w[3]) {
                        equate(groups.map { ($0, w[0]) }, total)
                    }
                }
            }
            // Totals rows: "'Total' at arrest: 197, the sum of the groups" / "is 197 but the groups add up to 190".
            for stage in stages where line.contains("sum of the groups") || line.contains("add up to") {
                if let r = line.range(of: "at \(stage): ") {
                    let rest = line[r.upperBound...].prefix { $0.isNumber }
                    if let total = Double(rest) { equate(groups.map { ($0, stage) }, total) }
                }
                if line.contains("at \(stage) is "), let r = line.range(of: "add up to ") {
                    if let total = Double(line[r.upperBound...].prefix { $0.isNumber }) { equate(groups.map { ($0, stage) }, total) }
                }
            }
        }
    }

    // MARK: equations from rows

    mutating func buildEquations() {
        buildTidyInequalities()
        func number(_ row: [String: String], _ key: String) -> Double? {
            guard let text = row[key], let v = Double(text), v.isFinite else { return nil }
            return v
        }
        for row in rows {
            guard let g = row["group"], let c = row["stage"], groups.contains(g) else { continue }
            let b = row["base_stage"] ?? populationStage
            let unit = number(row, "rate_per") ?? (b == populationStage ? 1000 : 100)
            let others = known.filter { $0 != g }
            let reference = row["reference"]
            func referenceCells(_ stage: String) -> [(String, String)]? {
                guard let reference else { return nil }
                if reference == "rest" { return others.map { ($0, stage) } }
                return groups.contains(reference) ? [(reference, stage)] : nil
            }
            let count = number(row, "count"), base = number(row, "base")
            if let count { equate([(g, c)], count) }
            if let base {
                if b == populationStage {
                    for s in stages { if let v = variable(g, s) { upper[v] = min(upper[v], base) } }
                } else { equate([(g, b)], base) }
            }
            if let rate = number(row, "rate"), let base { equate([(g, c)], rate * base / unit) }
            let referenceBase = number(row, "reference_base")
            if let cells = referenceCells(c) {
                if let v = number(row, "reference_count") { equate(cells, v) }
                if let rate = number(row, "reference_rate"), let referenceBase { equate(cells, rate * referenceBase / unit) }
                if let rri = number(row, "rri"), rri > 0, let rate = number(row, "rate"), let referenceBase {
                    equate(cells, rate / rri * referenceBase / unit)
                }
            }
            if let cells = referenceCells(b), b != populationStage, let referenceBase { equate(cells, referenceBase) }
            if let excess = number(row, "excess"), let rate = number(row, "reference_rate"), let base {
                equate([(g, c)], excess + rate * base / unit)
            }
            if let share = number(row, "stage_share"), share > 0, let count { equate(known.map { ($0, c) }, count / share) }
            if let share = number(row, "base_share"), share > 0, let base, b != populationStage {
                equate(known.map { ($0, b) }, base / share)
            }
            if let unknown {
                if let u = number(row, "unknown_count") { equate([(unknown, c)], u) }
                if let upperRate = number(row, "rate_unknown_upper"), let base, b == populationStage, upperRate * base / unit < base - 0.5 {
                    equate([(g, c), (unknown, c)], upperRate * base / unit)
                }
            }
        }
        buildPrintedEquations()
    }

    // MARK: inequalities from the tidy table

    mutating func bound(_ cells: [(String, String)], scale: [Double], lo: Double, hi: Double) {
        var coefficients: [Int: Double] = [:]
        for (i, cell) in cells.enumerated() {
            guard let v = variable(cell.0, cell.1) else { return }
            coefficients[v, default: 0] += scale[i]
        }
        guard !lo.isNaN, !hi.isNaN, lo.isFinite || hi.isFinite, !coefficients.isEmpty else { return }
        ranges.append((coefficients, lo, hi))
    }

    /// How far a published figure may be from the true value: its printed digits (a full-precision
    /// value is the exact double) or the tidy table's rounding (1 decimal place, or 3 significant
    /// figures), whichever is tighter — a rounded published value is an interval, not an equation.
    static func halfWidth(_ text: String, significant: Bool) -> Double? {
        guard let v = Double(text), v.isFinite else { return nil }
        let lower = text.lowercased()
        var exponent = 0, mantissa = Substring(lower)
        if let e = lower.firstIndex(of: "e") { exponent = Int(lower[lower.index(after: e)...]) ?? 0; mantissa = lower[..<e] }
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        let printed = 0.5 * pow(10, Double(exponent - decimals))
        let rounding = significant ? (v == 0 ? 0 : 0.5 * pow(10, floor(log10(abs(v))) - 2)) : 0.05
        return min(printed, rounding) + 1e-12 * abs(v)
    }

    /// Reads the tidy columns (`rate_per_1000`/`rate_per_100`, `rri`, `excess_children`,
    /// `cumulative_rri`): the reference group is the row flagged `reference` (else `rest`), its
    /// bases and the populations come from the published rows, and every rounded figure gives a
    /// pair of linear inequalities over the counts.
    mutating func buildTidyInequalities() {
        func value(_ row: [String: String], _ key: String) -> Double? { row[key].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } }
        let tidy = rows.filter { row in row.keys.contains { $0.hasPrefix("rate_per_") } && row["rate"] == nil }
        guard !tidy.isEmpty else { return }
        var base: [String: Double] = [:], population: [String: Double] = [:]
        for row in tidy {
            guard let g = row["group"], let c = row["stage"], let n = value(row, "base") else { continue }
            base["\(g)|\(c)"] = n
            if (row["base_stage"] ?? populationStage) == populationStage { population[g] = n }
        }
        let referenceGroup = tidy.first { ($0["flags"] ?? "").split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces) == "reference" } }?["group"]
        for row in tidy {
            guard let g = row["group"], let c = row["stage"], groups.contains(g), g != referenceGroup else { continue }
            let b = row["base_stage"] ?? populationStage
            let referenceGroups = referenceGroup.map { [$0] } ?? known.filter { $0 != g }
            let cells = referenceGroups.map { ($0, c) }
            let referenceBase = referenceGroups.map { base["\($0)|\(c)"] }.reduce(Optional(0.0)) { sum, n in sum.flatMap { s in n.map { s + $0 } } }
            let n = value(row, "base")
            if let key = row.keys.first(where: { $0.hasPrefix("rate_per_") }), let unit = Double(key.dropFirst("rate_per_".count)),
               let text = row[key], let r = Double(text), let hw = Self.halfWidth(text, significant: false), let n {
                bound([(g, c)], scale: [1], lo: (r - hw) * n / unit, hi: (r + hw) * n / unit)
            }
            guard let n, n > 0, let R = referenceBase, R > 0 else { continue }
            // rri = (x/n) / (S/R): x·R/n − rri·S = 0, rri within its rounding.
            if let text = row["rri"], let rri = Double(text), rri > 0, let hw = Self.halfWidth(text, significant: true),
               !(row["method"] ?? "").contains("haldane") {
                bound([(g, c)] + cells, scale: [R / n] + cells.map { _ in -(rri - hw) }, lo: 0, hi: .infinity)
                bound([(g, c)] + cells, scale: [R / n] + cells.map { _ in -(rri + hw) }, lo: -.infinity, hi: 0)
            }
            // excess = x − n/R·S.
            if let text = row["excess_children"], let e = Double(text), let hw = Self.halfWidth(text, significant: false) {
                bound([(g, c)] + cells, scale: [1] + cells.map { _ in -n / R }, lo: e - hw, hi: e + hw)
            }
            // cumulative RRI = (x/N_g) / (S/N_ref) over the populations.
            if b != populationStage, let text = row["cumulative_rri"], let q = Double(text), q > 0,
               let hw = Self.halfWidth(text, significant: true), let Ng = population[g] {
                let Nref = referenceGroups.map { population[$0] }.reduce(Optional(0.0)) { sum, n in sum.flatMap { s in n.map { s + $0 } } }
                if let Nref, Nref > 0, Ng > 0 {
                    bound([(g, c)] + cells, scale: [Nref / Ng] + cells.map { _ in -(q - hw) }, lo: 0, hi: .infinity)
                    bound([(g, c)] + cells, scale: [Nref / Ng] + cells.map { _ in -(q + hw) }, lo: -.infinity, hi: 0)
                }
            }
        }
    }

    // MARK: solving

    /// Reduced row-echelon form of the equations (partial pivoting), as equations.
    func reduced() -> [(coefficients: [Int: Double], rhs: Double)] {
        let n = lower.count
        var m = equations.map { eq -> [Double] in
            var row = Array(repeating: 0.0, count: n + 1)
            for (k, v) in eq.coefficients { row[k] = v }
            row[n] = eq.rhs
            return row
        }
        var pivotRow = 0
        for column in 0..<n where pivotRow < m.count {
            guard let best = (pivotRow..<m.count).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                  abs(m[best][column]) > 1e-9 else { continue }
            m.swapAt(pivotRow, best)
            let p = m[pivotRow][column]
            m[pivotRow] = m[pivotRow].map { $0 / p }
            for r in m.indices where r != pivotRow && abs(m[r][column]) > 1e-12 {
                let f = m[r][column]
                for k in 0...n { m[r][k] -= f * m[pivotRow][k] }
            }
            pivotRow += 1
        }
        return m.prefix(pivotRow).map { row in
            var coefficients: [Int: Double] = [:]
            for k in 0..<n where abs(row[k]) > 1e-9 { coefficients[k] = row[k] }
            return (coefficients, row[n])
        }
    }

    /// For each count: whether the equations fix it exactly, and the narrowest interval found.
    func solve() -> [(exact: Double?, lower: Double, upper: Double)] {
        let rref = reduced()
        var exact = [Double?](repeating: nil, count: lower.count)
        for eq in rref where eq.coefficients.count == 1 {
            let (k, a) = eq.coefficients.first!
            exact[k] = eq.rhs / a
        }
        var lo = lower, hi = upper
        for (k, v) in exact.enumerated() { if let v { lo[k] = max(lo[k], v); hi[k] = min(hi[k], v) } }
        let all = (equations + rref).map { ($0.coefficients, $0.rhs, $0.rhs) } + ranges.map { ($0.coefficients, $0.low, $0.high) }
        for _ in 0..<60 {
            var changed = false
            for (coefficients, low, high) in all {
                for (j, a) in coefficients {
                    // a·x_j ∈ [low − max Σ a_i x_i, high − min Σ a_i x_i] over the others' intervals.
                    var minRest = 0.0, maxRest = 0.0
                    for (i, c) in coefficients where i != j {
                        minRest += c > 0 ? c * lo[i] : c * hi[i]
                        maxRest += c > 0 ? c * hi[i] : c * lo[i]
                    }
                    let from = low - maxRest, to = high - minRest
                    var newLo = a > 0 ? from / a : to / a, newHi = a > 0 ? to / a : from / a
                    if newLo.isNaN { newLo = -.infinity }
                    if newHi.isNaN { newHi = .infinity }
                    if newLo > lo[j] + 1e-9 { lo[j] = newLo; changed = true }
                    if newHi < hi[j] - 1e-9 { hi[j] = newHi; changed = true }
                }
            }
            if nested {
                for g in groups.indices {
                    for s in stages.indices.dropLast() {
                        let a = g * stages.count + s, b = a + 1
                        if lo[b] > lo[a] + 1e-9 { lo[a] = lo[b]; changed = true }
                        if hi[a] < hi[b] - 1e-9 { hi[b] = hi[a]; changed = true }
                    }
                }
            }
            if propagate(ranges: ranges, lower: &lo, upper: &hi) { changed = true }
            if !changed { break }
        }
        return lower.indices.map { (exact[$0], lo[$0], hi[$0]) }
    }

    /// Every protected count (1…K−1) the reader can fix exactly or to an interval narrower than
    /// K − 1 (within ±(K − 1)/2), as "group at stage: how".
    func leaks(counts: [String: [Int]], threshold k: Int) -> [String] {
        let solved = solve()
        var found: [String] = []
        for (g, group) in groups.enumerated() {
            for (s, stage) in stages.enumerated() {
                guard let value = counts[group]?[s], (1..<k).contains(value) else { continue }
                let r = solved[g * stages.count + s]
                if let e = r.exact { found.append("\(group) at \(stage) = \(value): determined exactly (\(e))") }
                // Counts are whole numbers: the reader rounds the bounds inwards.
                else if (r.upper + 1e-6).rounded(.down) - (r.lower - 1e-6).rounded(.up) < Double(k - 1) {
                    found.append("\(group) at \(stage) = \(value): within [\(r.lower), \(r.upper)]")
                }
            }
        }
        return found
    }
}

/// A random counts table for the attack tests (2–8 groups including Unknown, 1–6 stages,
/// counts 0–500 with many small ones, populations 600–20,000; nested along the stages when
/// asked, as `--base previous` needs).
struct RandomCountsTable {
    var groups: [String]
    var stages: [String]
    var counts: [String: [Int]]
    var populations: [String: Int]
    var nested: Bool

    init(groups: [String], stages: [String], counts: [String: [Int]], populations: [String: Int], nested: Bool) {
        self.groups = groups
        self.stages = stages
        self.counts = counts
        self.populations = populations
        self.nested = nested
    }

    init<R: RandomNumberGenerator>(using rng: inout R, nested: Bool) {
        groups = ["White"] + (1..<Int.random(in: 2...7, using: &rng)).map { "G\($0)" } + ["Unknown"]
        stages = (1...Int.random(in: 1...6, using: &rng)).map { "s\($0)" }
        self.nested = nested
        counts = [:]
        populations = [:]
        for g in groups {
            var row: [Int] = []
            for s in stages.indices {
                let cap = nested && s > 0 ? row[s - 1] : 500
                let small = Bool.random(using: &rng)
                row.append(Int.random(in: 0...(small ? min(12, cap) : cap), using: &rng))
            }
            counts[g] = row
            if g != "Unknown" { populations[g] = Int.random(in: 600...20_000, using: &rng) }
        }
    }

    var csv: String {
        var out = "group,population," + stages.joined(separator: ",") + "\n"
        for g in groups {
            out += "\(g),\(populations[g].map(String.init) ?? ""),"
            out += counts[g]!.map(String.init).joined(separator: ",") + "\n"
        }
        return out
    }
}
