// notebook-disproportionality: representation of Black and minority-ethnic children in each
// bundled service against national and local figures, the effect of unknown ethnicity, and the
// example counts table through the full relative-rate cascade.
import Foundation
import NotebookSupport
import YJStat

/// The example counts table that the relative-rate cascade runs on.
func countsURL(_ context: Notebook.Context) -> URL {
    context.arguments.datasets.appendingPathComponent("examples").appendingPathComponent("counts.csv")
}

exit(Notebook.main(name: "notebook-disproportionality",
                   abstract: "Representation of Black and minority-ethnic children in each bundled service against national and local figures, the effect of unknown ethnicity, and the example counts table through the relative-rate cascade.",
                   extraInputs: { [countsURL($0)] }) {
    try DisproportionalityNotebook.build(dataset: $0.dataset, countsURL: countsURL($0))
})
