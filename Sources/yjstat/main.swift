import Foundation
import YJStat
import YJStatCLI

InputFiles.beginTracking()
StandardOutput.ignoreBrokenPipeSignal()

exit(CLI.main(Array(CommandLine.arguments.dropFirst())).rawValue)
