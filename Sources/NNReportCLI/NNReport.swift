import ArgumentParser
import NN
import Report

/// The whole command line as a function, used by the executable and by the tests.
public enum NNReport {
    /// Parses `arguments` (without the program name), runs the command and returns its exit status;
    /// help and version go to `stdout`, errors to `stderr` as one line `nnreport: error: <message>`.
    /// `content` is the notebook's and `renderer` Cairo's unless a test passes its own.
    public static func run(arguments: [String], stdout: TextSink, stderr: TextSink,
                           content: any ReportContent = NotebookContent(),
                           renderer: any FigureRendering = CairoFigureRendering(),
                           kernel: Result<MatrixKernel, MatrixKernelError> = MatrixKernel.selection) async -> Int32 {
        do {
            var command = try NNReportCommand.parseAsRoot(arguments)
            if let generate = command as? GenerateCommand {
                return await generate.execute(stdout: stdout, stderr: stderr, content: content, renderer: renderer, kernel: kernel)
            }
            if let predict = command as? PredictCommand {
                return predict.execute(stdout: stdout, stderr: stderr)
            }
            try command.run()  // `help`, `--help` and the bare root throw a help request, handled below
            return 0
        } catch {
            let status = NNReportCommand.exitCode(for: error)
            if status == .success {
                stdout.write(NNReportCommand.fullMessage(for: error) + "\n")  // help and --version
                return 0
            }
            let message = NNReportCommand.message(for: error)
                .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let subcommand = arguments.first == PredictCommand.configuration.commandName ? "predict" : "generate"
            stderr.write("nnreport: error: \(message) (see 'nnreport \(subcommand) --help')\n")
            return status.rawValue
        }
    }
}
