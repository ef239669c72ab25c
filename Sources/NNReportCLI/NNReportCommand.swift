import ArgumentParser
import Datasets
import NN
import Report

/// `nnreport`: the root command, with the subcommands `generate` and `predict`.
public struct NNReportCommand: ParsableCommand {
    /// Name, summary, examples, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "nnreport",
        abstract: "Runs the lesson \"Neural Networks in PyTorch\" with a Swift tensor engine on real MNIST digits and writes a static HTML report.",
        discussion: """
        Examples:
          nnreport generate                     # output/index.html, embedded sample
          nnreport generate --dataset mnist --data-dir ~/mnist --seed 7
          nnreport generate --dataset fashion-mnist --self-contained
          nnreport generate --no-timings --quiet   # byte-identical reruns
          nnreport generate --save-weights trained.pth
          nnreport predict --weights trained.pth --images t10k-images-idx3-ubyte.gz

        Exit status (sysexits): 0 success, 64 usage, 65 bad data or template,
        66 missing input, 70 internal error, 73 cannot create the output,
        74 input/output error.
        """,
        version: "nnreport \(BuildInfo.nnreportVersion) (Swift \(BuildInfo.swiftVersion))\n"
            + "matrix kernel: \(MatrixKernel.active)",
        subcommands: [GenerateCommand.self, PredictCommand.self])

    /// Required by ParsableCommand.
    public init() {}
}

/// `--dataset mnist-sample|mnist|fashion-mnist`, by the raw values of the Datasets target's kinds.
extension DatasetKind: ExpressibleByArgument {}
