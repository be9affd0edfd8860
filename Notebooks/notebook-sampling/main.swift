// notebook-sampling: how inspection samples are sized, whether the bundled inspections' samples
// support the stated precision, and how often samples of those sizes give the wrong band.
import Foundation
import NotebookSupport
import YJStat

exit(Notebook.main(name: "notebook-sampling",
                   abstract: "How inspection samples are sized, whether the bundled inspections' samples support the stated precision, and how often samples of those sizes give the wrong band.") { try SamplingNotebook.build(dataset: $0.dataset) })
