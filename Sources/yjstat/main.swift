import Foundation
import YJStat

InputFiles.beginTracking()
StandardOutput.ignoreBrokenPipeSignal()

exit(CLI.main(Array(CommandLine.arguments.dropFirst())).rawValue)
