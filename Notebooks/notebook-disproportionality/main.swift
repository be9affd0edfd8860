// notebook-disproportionality: representation of Black and minority-ethnic children in each
// bundled service against national and local figures, the effect of unknown ethnicity, and the
// example counts table through the full relative-rate cascade.
import Foundation
import YJStat

let name = "notebook-disproportionality"
do {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let arguments = try NotebookArguments.parse(Array(CommandLine.arguments.dropFirst()), name: name, currentDirectory: here,
                                                executable: Bundle.main.executableURL)
    let framework = try Framework.youth2018()
    let dataset = try SummaryDataset.read(directory: arguments.datasets, framework: framework)
    let countsURL = arguments.datasets.appendingPathComponent("examples").appendingPathComponent("counts.csv")
    var page = try DisproportionalityNotebook.build(dataset: dataset, countsURL: countsURL)
    page.paragraph("Tables and charts: \(arguments.outputFolder.path)")
    try page.write(to: arguments.outputFolder, protecting: dataset.inputFiles + [countsURL])
    FileHandle.standardOutput.write(Data(page.text.utf8))
} catch {
    FileHandle.standardError.write(Data("\(name): error: \(error)\n".utf8))
    exit(2)
}
