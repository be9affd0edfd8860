import Foundation

/// Newton–Raphson / iteratively reweighted least squares for a canonical-link GLM on covariate
/// patterns, optionally with Firth's penalty, optionally with some coefficients held fixed (for
/// profile likelihoods and likelihood-ratio tests). Internal engine of ``LogisticRegression``
/// and ``PoissonRegression``.
///
/// Each iteration forms the information I(β) = Xᵀ W X from the sparse design, factorises it
/// once with ``CholeskyFactorization`` (`dpotrf` under LAPACKE), and solves I_FF δ = U_F for the
/// free coordinates F (`dpotrs`). With Firth the score is U*ⱼ = Σᵢ xᵢⱼ (yᵢ − μᵢ + hᵢ κ₃ᵢ/(2wᵢ)),
/// hᵢ the diagonal of the hat matrix W½ X I⁻¹ Xᵀ W½, and the objective is
/// ℓ*(β) = ℓ(β) + ½ log det I(β) (Firth 1993; Heinze & Schemper 2002, as in R's `logistf`).
/// A step that lowers the objective is halved (up to 30 times); when successive steps alternate
/// in direction (Firth's approximate Hessian overshooting) later steps are damped. Convergence: the largest step
/// component is below 1e-10 · (1 + max |β|), at which point Newton's quadratic convergence puts
/// the estimate within rounding of the optimum.
struct IRLSEstimator: Sendable {
    let design: DesignMatrix
    let outcome: [Double]
    let denominator: [Double]
    let offset: [Double]
    let family: GLMFamily
    let firth: Bool
    let backend: LinearSystem.Backend
    var maximumIterations = 100
    static let firthIterations = 1000

    init(design: DesignMatrix, patterns: CovariatePatterns, family: GLMFamily, firth: Bool, backend: LinearSystem.Backend) {
        self.design = design
        outcome = patterns.patterns.map(\.outcome)
        denominator = patterns.patterns.map(\.denominator)
        offset = patterns.patterns.map { family.offset(denominator: $0.denominator) }
        self.family = family
        self.firth = firth
        self.backend = backend
        if firth { maximumIterations = IRLSEstimator.firthIterations }
    }

    /// The state of the model at one β.
    struct Evaluation {
        var beta: [Double]
        var logLikelihood: Double
        /// ℓ, or ℓ + ½ log det I with Firth.
        var objective: Double
        var information: Matrix
        var factor: CholeskyFactorization
        var score: [Double]
        var means: [Double]
    }

    /// The result of one fit.
    struct Fit {
        var evaluation: Evaluation
        var iterations: Int
        var converged: Bool
        var lastStep: Double
        var stepHalvings: Int
        var objectiveHistory: [Double]
    }

    /// A starting β: the intercept at the link of the overall rate, other coefficients 0.
    func initialBeta() -> [Double] {
        var beta = [Double](repeating: 0, count: design.columnCount)
        let y = outcome.reduce(0, +), d = denominator.reduce(0, +)
        switch family {
        case .binomial:
            let p = min(max((y + 0.5) / (d + 1), 1e-8), 1 - 1e-8)
            beta[0] = Foundation.log(p / (1 - p))
        case .poisson:
            beta[0] = Foundation.log(max(y, 0.5) / d)
        }
        return beta
    }

    /// Fits the model, starting from `start` (default ``initialBeta()``), with the coordinates
    /// in `fixed` held at their given values.
    func fit(start: [Double]? = nil, fixed: [Int: Double] = [:]) throws -> Fit {
        var beta = start ?? initialBeta()
        for (index, value) in fixed { beta[index] = value }
        let free = (0..<design.columnCount).filter { fixed[$0] == nil }
        var current = try evaluate(beta)
        var history = [current.objective]
        var halvings = 0
        var lastStep = Double.infinity
        var previousStep: [Double] = []
        // A step may lower the objective by rounding only. Firth's steps are held to a tighter
        // slack, or overshooting steps that leave the penalised likelihood flat are accepted.
        let slack = firth ? 1e-15 : 1e-12
        var damping = 1.0
        for iteration in 1...maximumIterations {
            let step = try newtonStep(current, free: free)
            let size = step.reduce(0) { max($0, abs($1)) }
            let scale = 1 + current.beta.reduce(0) { max($0, abs($1)) }
            // With Firth the information matrix only approximates the penalised Hessian; where the
            // penalty's curvature is large (levels with a handful of records) full steps overshoot
            // and alternate in sign. Damp such steps so the iteration contracts.
            if firth, previousStep.count == step.count, Self.alternates(step, previousStep) {
                damping = max(damping / 2, 1.0 / 1024)
            } else {
                damping = min(1, damping * 1.5)
            }
            previousStep = step
            var factor = damping
            var candidate: Evaluation?
            for _ in 0...30 {
                var trial = current.beta
                for (k, index) in free.enumerated() { trial[index] += factor * step[k] }
                if let evaluation = try? evaluate(trial), evaluation.objective.isFinite,
                   evaluation.objective >= current.objective - slack * (1 + abs(current.objective)) {
                    candidate = evaluation
                    break
                }
                factor /= 2
                halvings += 1
            }
            guard let next = candidate else {
                // No step improves the objective: at the optimum to rounding.
                return Fit(evaluation: current, iterations: iteration, converged: size <= 1e-6 * scale,
                           lastStep: size, stepHalvings: halvings, objectiveHistory: history)
            }
            current = next
            history.append(current.objective)
            lastStep = size * factor
            if size <= 1e-10 * scale {
                return Fit(evaluation: current, iterations: iteration, converged: true,
                           lastStep: lastStep, stepHalvings: halvings, objectiveHistory: history)
            }
        }
        return Fit(evaluation: current, iterations: maximumIterations, converged: false,
                   lastStep: lastStep, stepHalvings: halvings, objectiveHistory: history)
    }

    /// Whether two successive steps point in nearly opposite directions (cosine below −½).
    static func alternates(_ a: [Double], _ b: [Double]) -> Bool {
        var dot = 0.0, aa = 0.0, bb = 0.0
        for i in a.indices { dot += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i] }
        return aa > 0 && bb > 0 && dot < -0.5 * (aa * bb).squareRoot()
    }

    /// δ_F = I_FF⁻¹ U_F.
    private func newtonStep(_ evaluation: Evaluation, free: [Int]) throws -> [Double] {
        if free.count == design.columnCount {
            return try evaluation.factor.solve(evaluation.score)
        }
        if free.isEmpty { return [] }
        let p = design.columnCount
        var sub = [Double](repeating: 0, count: free.count * free.count)
        for (a, i) in free.enumerated() {
            for (b, j) in free.enumerated() { sub[a * free.count + b] = evaluation.information.elements[i * p + j] }
        }
        let factor = try factorise(Matrix(uncheckedRows: free.count, columns: free.count, elements: sub), names: free.map { design.columnNames[$0] })
        return try factor.solve(free.map { evaluation.score[$0] })
    }

    /// ℓ, I, its factor, the (Firth-modified) score and the means at β.
    func evaluate(_ beta: [Double]) throws -> Evaluation {
        let p = design.columnCount
        var information = [Double](repeating: 0, count: p * p)
        var logLikelihood = 0.0
        var residual = [Double](repeating: 0, count: outcome.count)
        var weights = [Double](repeating: 0, count: outcome.count)
        var firthFactors = [Double](repeating: 0, count: outcome.count)
        var means = [Double](repeating: 0, count: outcome.count)
        for (row, active) in design.activeColumns.enumerated() {
            var eta = offset[row]
            for column in active { eta += beta[column] }
            let moments = family.moments(eta: eta, denominator: denominator[row])
            means[row] = moments.mean
            weights[row] = moments.weight
            firthFactors[row] = moments.firthFactor
            residual[row] = outcome[row] - moments.mean
            logLikelihood += family.logLikelihood(outcome: outcome[row], denominator: denominator[row], eta: eta)
            for a in active {
                for b in active where b <= a { information[a * p + b] += moments.weight }
            }
        }
        for a in 0..<p { for b in 0..<a { information[b * p + a] = information[a * p + b] } }
        let informationMatrix = Matrix(uncheckedRows: p, columns: p, elements: information)
        let factor = try factorise(informationMatrix, names: design.columnNames)
        var score = [Double](repeating: 0, count: p)
        var objective = logLikelihood
        if firth {
            let covariance = try factor.inverse().elements
            objective += 0.5 * factor.logDeterminant
            for (row, active) in design.activeColumns.enumerated() {
                var quadratic = 0.0
                for a in active { for b in active { quadratic += covariance[a * p + b] } }
                residual[row] += weights[row] * quadratic * firthFactors[row]
            }
        }
        for (row, active) in design.activeColumns.enumerated() {
            for column in active { score[column] += residual[row] }
        }
        return Evaluation(beta: beta, logLikelihood: logLikelihood, objective: objective, information: informationMatrix,
                          factor: factor, score: score, means: means)
    }

    /// Cholesky of an information matrix, mapping a rank deficiency to ``ModelError/aliased(column:)``.
    private func factorise(_ matrix: Matrix, names: [String]) throws -> CholeskyFactorization {
        do {
            return try CholeskyFactorization(matrix, backend: backend)
        } catch LinearAlgebraError.notPositiveDefinite(let order) {
            throw ModelError.aliased(column: names[order - 1])
        }
    }
}
