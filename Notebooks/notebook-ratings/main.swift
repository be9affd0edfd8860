// notebook-ratings: every bundled inspection's ratings recomputed by the published rules, the
// professional-discretion cases, and the percentages whose band depends on rounding or one case.
import Foundation
import NotebookSupport
import YJStat

exit(Notebook.main(name: "notebook-ratings",
                   abstract: "Every bundled inspection's ratings recomputed by the published rules, the professional-discretion cases, and the percentages whose band depends on rounding or one case.") { try RatingsNotebook.build(dataset: $0.dataset, framework: $0.framework) })
