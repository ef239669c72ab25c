import Foundation
import NNReportCLI

/// The `nnreport` executable: all logic lives in NNReportCLI (`NNReport.run`), which the tests call too.
@main
enum NNReportMain {
    /// Runs the command line and exits with its status.
    static func main() async {
        let status = await NNReport.run(arguments: Array(CommandLine.arguments.dropFirst()),
                                        stdout: FileDescriptorSink.standardOutput, stderr: FileDescriptorSink.standardError)
        exit(status)
    }
}
