import Foundation
import NN
import NNReportCLI
import Report

/// The result of one `NNReport.run`.
struct CommandRun {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Runs the command line with the fixture content (or the notebook) and captures its output.
    static func run(_ arguments: [String], fixtures: Bool = true, terminal: Bool = false,
                    kernel: Result<MatrixKernel, MatrixKernelError> = MatrixKernel.selection) async -> CommandRun {
        let out = StringSink(), err = StringSink(isTerminal: terminal)
        let content: any ReportContent = fixtures ? FixtureContent() : NotebookContent()
        let status = await NNReport.run(arguments: arguments, stdout: out, stderr: err, content: content, kernel: kernel)
        return CommandRun(status: status, stdout: out.text, stderr: err.text)
    }
}
