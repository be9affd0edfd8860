// notebook-comparisons: the bundled services against England and Wales and against each other,
// with funnel charts.
import Foundation
import YJStat

let name = "notebook-comparisons"
do {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let arguments = try NotebookArguments.parse(Array(CommandLine.arguments.dropFirst()), name: name, currentDirectory: here,
                                                executable: Bundle.main.executableURL)
    let framework = try Framework.youth2018()
    let dataset = try SummaryDataset.read(directory: arguments.datasets, framework: framework)
    var page = try ComparisonsNotebook.build(dataset: dataset, framework: framework)
    page.paragraph("Tables and charts: \(arguments.outputFolder.path)")
    try page.write(to: arguments.outputFolder, protecting: dataset.inputFiles)
    FileHandle.standardOutput.write(Data(page.text.utf8))
} catch {
    FileHandle.standardError.write(Data("\(name): error: \(error)\n".utf8))
    exit(2)
}
