// notebook-comparisons: the bundled services against England and Wales and against each other,
// with funnel charts.
import Foundation
import NotebookSupport
import YJStat

exit(Notebook.main(name: "notebook-comparisons",
                   abstract: "The bundled services against England and Wales and against each other, with funnel charts.") { try ComparisonsNotebook.build(dataset: $0.dataset, framework: $0.framework) })
