extension LinearSystem {
    /// An implementation of the ``LinearSystem`` solvers.
    ///
    /// The raw value (`"swift"` or `"lapacke"`) is the name shown in reports and logs.
    public enum Backend: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// The pure-Swift Cholesky and LU code in this module; always available.
        case swift

        /// The system LAPACKE library (`LAPACKE_dposv`, `LAPACKE_dgesv`, `LAPACKE_dpotrf`,
        /// `LAPACKE_dpotri`); available only when the package is built with the trait
        /// `LAPACKE`.
        case lapacke

        /// Whether this backend was compiled into the current build.
        public var isAvailable: Bool {
            switch self {
            case .swift:
                return true
            case .lapacke:
                #if LAPACKE
                return true
                #else
                return false
                #endif
            }
        }

        /// The backends compiled into the current build, ``swift`` first.
        public static var available: [Backend] {
            allCases.filter(\.isAvailable)
        }

        /// The raw value, `"swift"` or `"lapacke"`.
        public var description: String { rawValue }
    }
}
