// notebook-ratings: every bundled inspection's ratings recomputed by the published rules, the
// professional-discretion cases, and the percentages whose band depends on rounding or one case.
import Foundation
import YJStat

exit(Notebook.main(name: "notebook-ratings") { try RatingsNotebook.build(dataset: $0.dataset, framework: $0.framework) })
