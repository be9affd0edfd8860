// notebook-sampling: how inspection samples are sized, whether the bundled inspections' samples
// support the stated precision, and how often samples of those sizes give the wrong band.
import Foundation
import YJStat

let name = "notebook-sampling"
do {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let arguments = try NotebookArguments.parse(Array(CommandLine.arguments.dropFirst()), name: name, currentDirectory: here,
                                                executable: Bundle.main.executableURL)
    let framework = try Framework.youth2018()
    let dataset = try SummaryDataset.read(directory: arguments.datasets, framework: framework)
    var page = try SamplingNotebook.build(dataset: dataset)
    page.paragraph("Tables and charts: \(arguments.outputFolder.path)")
    try page.write(to: arguments.outputFolder, protecting: dataset.inputFiles)
    FileHandle.standardOutput.write(Data(page.text.utf8))
} catch {
    FileHandle.standardError.write(Data("\(name): error: \(error)\n".utf8))
    exit(2)
}
