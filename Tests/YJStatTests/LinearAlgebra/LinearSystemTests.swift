import Foundation
import Testing
@testable import YJStat

/// Normwise relative tolerance for well-conditioned systems (κ₂ ≤ 10, or ≤ 10 after diagonal
/// equilibration for "spd-scaled-n4"): rounding gives errors near n κ ε ≈ 3e-14, so 1e-12 is
/// tight yet leaves room for the oracle's own rounding.
private let wellConditionedTolerance = 1e-12

/// Normwise relative tolerance for an ill-conditioned system (κ₂ from 1.5e7 to 1.5e10) against
/// its exact solution: κ₂(A) · ε, the rule-of-thumb forward error of a backward-stable solver
/// (Higham 2002, §1.6 and Theorems 7.2, 10.4, whose rigorous bounds add a factor of order n).
/// Both backends measure at most 0.08 κ₂ ε on these systems (Hilbert n = 8 is the worst), so
/// the tolerance is tight without being flaky.
private func illConditionedTolerance(_ system: LinearAlgebraFixture.System) -> Double {
    system.condition * Double.ulpOfOne
}

private func tolerance(_ system: LinearAlgebraFixture.System) -> Double {
    system.conditioning == "well" ? wellConditionedTolerance : illConditionedTolerance(system)
}

@Suite("LinearSystem")
struct LinearSystemTests {
    @Test("Fixture has the documented grid: sizes 1…12 of both kinds plus ill-conditioned and error cases")
    func fixtureIsComplete() throws {
        let fixture = try LinearAlgebraFixture.load()
        for kind in ["spd", "general"] {
            let sizes = Set(fixture.systems.filter { $0.kind == kind && $0.conditioning == "well" }.map(\.size))
            #expect(sizes.isSuperset(of: 1...12), "\(kind) sizes \(sizes.sorted())")
            #expect(fixture.systems.contains { $0.kind == kind && $0.conditioning == "ill" })
        }
        #expect(fixture.systems.contains { $0.rightHandSides > 1 })
        #expect(fixture.notPositiveDefinite.count >= 3)
        #expect(fixture.singular.count >= 3)
    }

    @Test("Active backend follows the LAPACKE trait")
    func activeBackend() {
        #if LAPACKE
        #expect(LinearSystem.backend == .lapacke)
        #expect(LinearSystem.backend.description == "lapacke")
        #expect(LinearSystem.Backend.available == [.swift, .lapacke])
        #else
        #expect(LinearSystem.backend == .swift)
        #expect(LinearSystem.backend.description == "swift")
        #expect(LinearSystem.Backend.available == [.swift])
        #endif
    }

    #if !LAPACKE
    @Test("Asking for LAPACKE in a build without the trait throws backendUnavailable")
    func lapackeUnavailable() throws {
        let a = try Matrix([[2, 1], [1, 2]])
        #expect(throws: LinearAlgebraError.backendUnavailable(.lapacke)) {
            try LinearSystem.solve(a, [1, 1], backend: .lapacke)
        }
        #expect(throws: LinearAlgebraError.backendUnavailable(.lapacke)) {
            try LinearSystem.solveSymmetricPositiveDefinite(a, [1, 1], backend: .lapacke)
        }
        #expect(throws: LinearAlgebraError.backendUnavailable(.lapacke)) {
            try LinearSystem.inverseSymmetricPositiveDefinite(a, backend: .lapacke)
        }
    }
    #endif

    @Test("Solutions match the scipy / mpmath fixture", arguments: LinearSystem.Backend.available)
    func solutionsMatchFixture(backend: LinearSystem.Backend) throws {
        let fixture = try LinearAlgebraFixture.load()
        for system in fixture.systems {
            let a = try system.matrix()
            let b = try system.rightHandSideMatrix()
            let x: Matrix
            if system.kind == "spd" {
                x = try LinearSystem.solveSymmetricPositiveDefinite(a, b, backend: backend)
            } else {
                x = try LinearSystem.solve(a, b, backend: backend)
            }
            #expect(x.rows == system.size && x.columns == system.rightHandSides, "\(system.name)")
            let error = LinearAlgebraFixture.relativeError(x.elements, system.x)
            #expect(error <= tolerance(system), "\(system.name) [\(backend)]: relative error \(error)")
        }
    }

    @Test("Single right-hand side agrees with the multiple right-hand-side solve", arguments: LinearSystem.Backend.available)
    func singleRightHandSide(backend: LinearSystem.Backend) throws {
        let fixture = try LinearAlgebraFixture.load()
        for system in fixture.systems {
            let a = try system.matrix()
            let b = try system.rightHandSideMatrix()
            for column in 0..<system.rightHandSides {
                let expected = (0..<system.size).map { system.x[$0 * system.rightHandSides + column] }
                let x = system.kind == "spd"
                    ? try LinearSystem.solveSymmetricPositiveDefinite(a, b.column(column), backend: backend)
                    : try LinearSystem.solve(a, b.column(column), backend: backend)
                let error = LinearAlgebraFixture.relativeError(x, expected)
                #expect(error <= tolerance(system), "\(system.name) column \(column) [\(backend)]: \(error)")
            }
        }
    }

    @Test("LU also solves the SPD systems", arguments: LinearSystem.Backend.available)
    func luSolvesSymmetricSystems(backend: LinearSystem.Backend) throws {
        let fixture = try LinearAlgebraFixture.load()
        for system in fixture.systems where system.kind == "spd" && system.conditioning == "well" {
            let x = try LinearSystem.solve(try system.matrix(), try system.rightHandSideMatrix(), backend: backend)
            let error = LinearAlgebraFixture.relativeError(x.elements, system.x)
            #expect(error <= wellConditionedTolerance, "\(system.name) [\(backend)]: \(error)")
        }
    }

    @Test("SPD inverses match the fixture and are exactly symmetric", arguments: LinearSystem.Backend.available)
    func inversesMatchFixture(backend: LinearSystem.Backend) throws {
        let fixture = try LinearAlgebraFixture.load()
        for system in fixture.systems where system.kind == "spd" {
            let expected = try #require(system.inverse, "\(system.name) has no inverse")
            let inverse = try LinearSystem.inverseSymmetricPositiveDefinite(try system.matrix(), backend: backend)
            let error = LinearAlgebraFixture.relativeError(inverse.elements, expected)
            #expect(error <= tolerance(system), "\(system.name) [\(backend)]: relative error \(error)")
            #expect(inverse == inverse.transposed(), "\(system.name) [\(backend)] inverse not symmetric")
        }
    }

    @Test(
        "LAPACKE and pure Swift agree",
        .enabled(if: LinearSystem.Backend.lapacke.isAvailable, "built without the LAPACKE trait")
    )
    func backendsAgree() throws {
        let fixture = try LinearAlgebraFixture.load()
        for system in fixture.systems {
            let a = try system.matrix()
            let b = try system.rightHandSideMatrix()
            // Both are backward stable, so they differ by about n κ ε; 1e-12 for the
            // well-conditioned grid, the ill-conditioned tolerance otherwise.
            let limit = tolerance(system)
            if system.kind == "spd" {
                let swift = try LinearSystem.solveSymmetricPositiveDefinite(a, b, backend: .swift)
                let lapacke = try LinearSystem.solveSymmetricPositiveDefinite(a, b, backend: .lapacke)
                #expect(LinearAlgebraFixture.relativeError(lapacke.elements, swift.elements) <= limit, "\(system.name)")
                let swiftInverse = try LinearSystem.inverseSymmetricPositiveDefinite(a, backend: .swift)
                let lapackeInverse = try LinearSystem.inverseSymmetricPositiveDefinite(a, backend: .lapacke)
                #expect(
                    LinearAlgebraFixture.relativeError(lapackeInverse.elements, swiftInverse.elements) <= limit,
                    "\(system.name) inverse")
            }
            let swift = try LinearSystem.solve(a, b, backend: .swift)
            let lapacke = try LinearSystem.solve(a, b, backend: .lapacke)
            #expect(LinearAlgebraFixture.relativeError(lapacke.elements, swift.elements) <= limit, "\(system.name) LU")
        }
    }

    @Test("Residuals of the solutions are at rounding level", arguments: LinearSystem.Backend.available)
    func residualsAreSmall(backend: LinearSystem.Backend) throws {
        // Backward stability: ‖b − A x̂‖∞ ≤ c n ε ‖A‖∞ ‖x̂‖∞ even for ill-conditioned A; c = 4.
        let fixture = try LinearAlgebraFixture.load()
        for system in fixture.systems where system.rightHandSides == 1 {
            let a = try system.matrix()
            let x = system.kind == "spd"
                ? try LinearSystem.solveSymmetricPositiveDefinite(a, system.b, backend: backend)
                : try LinearSystem.solve(a, system.b, backend: backend)
            let ax = try a.multiplied(by: x)
            let residual = zip(system.b, ax).reduce(0) { max($0, abs($1.0 - $1.1)) }
            let normA = (0..<a.rows).map { a.row($0).reduce(0) { $0 + abs($1) } }.max() ?? 0
            let normX = x.reduce(0) { max($0, abs($1)) }
            let bound = 4 * Double(system.size) * Double.ulpOfOne * normA * normX
            #expect(residual <= bound, "\(system.name) [\(backend)]: residual \(residual), bound \(bound)")
        }
    }

    // MARK: Error cases

    @Test("Not positive definite: the failing leading minor matches scipy", arguments: LinearSystem.Backend.available)
    func notPositiveDefiniteMatchesScipy(backend: LinearSystem.Backend) throws {
        let fixture = try LinearAlgebraFixture.load()
        for testCase in fixture.notPositiveDefinite {
            let a = try Matrix(rows: testCase.size, columns: testCase.size, elements: testCase.a)
            let b = [Double](repeating: 1, count: testCase.size)
            let expected = LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: testCase.leadingMinorOrder)
            #expect(throws: expected, "\(testCase.name) [\(backend)]") {
                try LinearSystem.solveSymmetricPositiveDefinite(a, b, backend: backend)
            }
            #expect(throws: expected, "\(testCase.name) [\(backend)] inverse") {
                try LinearSystem.inverseSymmetricPositiveDefinite(a, backend: backend)
            }
        }
    }

    @Test("Singular: the vanishing pivot matches scipy", arguments: LinearSystem.Backend.available)
    func singularMatchesScipy(backend: LinearSystem.Backend) throws {
        let fixture = try LinearAlgebraFixture.load()
        for testCase in fixture.singular {
            let a = try Matrix(rows: testCase.size, columns: testCase.size, elements: testCase.a)
            let b = [Double](repeating: 1, count: testCase.size)
            #expect(throws: LinearAlgebraError.singular(pivot: testCase.pivot), "\(testCase.name) [\(backend)]") {
                try LinearSystem.solve(a, b, backend: backend)
            }
        }
    }

    @Test("Matrices singular only to working precision are rejected by both factorisations", arguments: LinearSystem.Backend.available)
    func singularToWorkingPrecision(backend: LinearSystem.Backend) throws {
        // [[1, 1], [1, 1 + ε]]: exact pivots are ε, within the n ε = 2ε threshold, although
        // LAPACK's exact tests alone would accept them.
        let nearlySingular = try Matrix([[1, 1], [1, 1 + Double.ulpOfOne]])
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) {
            try LinearSystem.solve(nearlySingular, [1, 2], backend: backend)
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: 2)) {
            try LinearSystem.solveSymmetricPositiveDefinite(nearlySingular, [1, 2], backend: backend)
        }
        // Xᵀ X for the exactly collinear design columns (1, t, 3t − 2), t = 1…6: integer
        // entries, so A is exact and its Cholesky pivot 3 is zero up to rounding.
        let design = try Matrix((1...6).map { t in [1, Double(t), 3 * Double(t) - 2] })
        let gram = try design.transposed().multiplied(by: design)
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: 3)) {
            try LinearSystem.inverseSymmetricPositiveDefinite(gram, backend: backend)
        }
        #expect(throws: LinearAlgebraError.singular(pivot: 3)) {
            try LinearSystem.solve(gram, [1, 1, 1], backend: backend)
        }
    }

    @Test("Shape errors: non-square matrices and mismatched right-hand sides", arguments: LinearSystem.Backend.available)
    func shapeErrors(backend: LinearSystem.Backend) throws {
        let rectangular = try Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) {
            try LinearSystem.solve(rectangular, [1, 2], backend: backend)
        }
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) {
            try LinearSystem.solveSymmetricPositiveDefinite(rectangular, [1, 2], backend: backend)
        }
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) {
            try LinearSystem.inverseSymmetricPositiveDefinite(rectangular, backend: backend)
        }
        let a = try Matrix([[4, 1], [1, 3]])
        let mismatch = LinearAlgebraError.dimensionMismatch("right-hand side length", expected: 2, actual: 3)
        #expect(throws: mismatch) { try LinearSystem.solve(a, [1, 2, 3], backend: backend) }
        #expect(throws: mismatch) { try LinearSystem.solveSymmetricPositiveDefinite(a, [1, 2, 3], backend: backend) }
        let tall = try Matrix(rows: 3, columns: 2, repeating: 1)
        #expect(throws: mismatch) { try LinearSystem.solve(a, tall, backend: backend) }
        #expect(throws: mismatch) { try LinearSystem.solveSymmetricPositiveDefinite(a, tall, backend: backend) }
    }

    @Test("Non-finite inputs, asymmetric matrices and overflowing solutions throw", arguments: LinearSystem.Backend.available)
    func invalidValues(backend: LinearSystem.Backend) throws {
        let withNaN = try Matrix([[1, 0], [.nan, 1]])
        #expect(throws: LinearAlgebraError.nonFiniteElement(operand: "coefficient matrix", row: 1, column: 0)) {
            try LinearSystem.solve(withNaN, [1, 1], backend: backend)
        }
        #expect(throws: LinearAlgebraError.nonFiniteElement(operand: "coefficient matrix", row: 1, column: 0)) {
            try LinearSystem.solveSymmetricPositiveDefinite(withNaN, [1, 1], backend: backend)
        }
        let a = try Matrix([[4, 1], [1, 3]])
        #expect(throws: LinearAlgebraError.nonFiniteElement(operand: "right-hand side", row: 1, column: 0)) {
            try LinearSystem.solve(a, [1, .infinity], backend: backend)
        }
        #expect(throws: LinearAlgebraError.nonFiniteElement(operand: "right-hand side", row: 0, column: 0)) {
            try LinearSystem.solveSymmetricPositiveDefinite(a, [-.infinity, 1], backend: backend)
        }
        let asymmetric = try Matrix([[4, 1], [1.5, 3]])
        #expect(throws: LinearAlgebraError.notSymmetric(row: 1, column: 0)) {
            try LinearSystem.solveSymmetricPositiveDefinite(asymmetric, [1, 1], backend: backend)
        }
        #expect(throws: LinearAlgebraError.notSymmetric(row: 1, column: 0)) {
            try LinearSystem.inverseSymmetricPositiveDefinite(asymmetric, backend: backend)
        }
        // Rounding-level asymmetry (one ulp) is tolerated; the lower triangle is used.
        let nearlySymmetric = try Matrix([[4, 1], [(1.0).nextUp, 3]])
        let x = try LinearSystem.solveSymmetricPositiveDefinite(nearlySymmetric, [5, 4], backend: backend)
        #expect(LinearAlgebraFixture.relativeError(x, [1, 1]) <= 1e-14)
        // x = 1e300 / 1e-300 overflows although every input is finite.
        let tiny = try Matrix([[1e-300]])
        #expect(throws: LinearAlgebraError.nonFiniteResult) {
            try LinearSystem.solve(tiny, [1e300], backend: backend)
        }
        #expect(throws: LinearAlgebraError.nonFiniteResult) {
            try LinearSystem.solveSymmetricPositiveDefinite(tiny, [1e300], backend: backend)
        }
    }

    @Test("Small hand-checked systems and the empty system", arguments: LinearSystem.Backend.available)
    func handCheckedSystems(backend: LinearSystem.Backend) throws {
        // [[4, 2], [2, 5]] = L Lᵀ with L = [[2, 0], [1, 2]]: every step is exact in binary.
        // x = [0.5, 0] solves it for b = [2, 1]; the inverse is [[5, -2], [-2, 4]] / 16.
        let spd = try Matrix([[4, 2], [2, 5]])
        #expect(try LinearSystem.solveSymmetricPositiveDefinite(spd, [2, 1], backend: backend) == [0.5, 0])
        #expect(try LinearSystem.inverseSymmetricPositiveDefinite(spd, backend: backend)
            == Matrix([[0.3125, -0.125], [-0.125, 0.25]]))
        // Needs a row exchange: [[0, 1], [1, 0]] x = [3, 7] → x = [7, 3].
        let permutation = try Matrix([[0, 1], [1, 0]])
        #expect(try LinearSystem.solve(permutation, [3, 7], backend: backend) == [7, 3])
        let empty = try Matrix(rows: 0, columns: 0)
        #expect(try LinearSystem.solve(empty, [], backend: backend) == [])
        #expect(try LinearSystem.solveSymmetricPositiveDefinite(empty, [], backend: backend) == [])
        #expect(try LinearSystem.inverseSymmetricPositiveDefinite(empty, backend: backend) == empty)
    }

    @Test("Error descriptions name the failing position")
    func errorDescriptions() {
        #expect(LinearAlgebraError.notPositiveDefinite(leadingMinorOrder: 3).description.contains("order 3"))
        #expect(LinearAlgebraError.singular(pivot: 2).description.contains("pivot 2"))
        #expect(LinearAlgebraError.notSquare(rows: 2, columns: 3).description.contains("2 × 3"))
        #expect(LinearAlgebraError.dimensionMismatch("right-hand side length", expected: 2, actual: 3)
            .description == "dimension mismatch: right-hand side length is 3 but must be 2")
        #expect(LinearAlgebraError.backendUnavailable(.lapacke).description.contains("--traits LAPACKE"))
    }
}
