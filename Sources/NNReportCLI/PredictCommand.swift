import ArgumentParser
import Foundation
import Report

/// `nnreport predict`: class probabilities of each image of an IDX file through the lesson's network with loaded weights.
public struct PredictCommand: ParsableCommand {
    /// Name, summary and examples.
    public static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Classify the images of an IDX file with a saved state dict of the lesson's network.",
        discussion: """
        The network is the lesson's Linear(784, 128)-ReLU-Linear(128, 64)-ReLU-Linear(64, 10)-Softmax(dim=1),
        its weights read from a .pth, .pt or .safetensors state dict in any of the lesson's naming schemes
        (0.weight…, input_to_hidden.weight…, input_to_hidden_one.weight…). Images are 28x28, raw or gzip,
        normalised as in the report: (x/255 - 0.5)/0.5.

        Examples:
          nnreport predict --weights trained.pth --images t10k-images-idx3-ubyte.gz
          nnreport predict --weights trained.safetensors --images t10k-images-idx3-ubyte --labels t10k-labels-idx1-ubyte
          nnreport predict --weights trained.pth --images images.gz --json
        """)

    /// `--weights FILE`.
    @Option(name: .long, help: ArgumentHelp("The state dict to classify with (.pth, .pt or .safetensors).", valueName: "file"))
    var weights: String

    /// `--images FILE`.
    @Option(name: .long, help: ArgumentHelp("An IDX images file of 28x28 images (raw or .gz).", valueName: "file"))
    var images: String

    /// `--labels FILE`.
    @Option(name: .long, help: ArgumentHelp("Its IDX labels file (raw or .gz): adds each label and the accuracy.", valueName: "file"))
    var labels: String?

    /// `--json`.
    @Flag(name: .long, help: "Print a JSON array, one object per image: probabilities, prediction, label.")
    var json = false

    /// Required by ParsableCommand.
    public init() {}

    /// Rejects a weights file whose extension names no format, as a usage error (64), before reading anything.
    public func validate() throws {
        try GenerateCommand.requireFormat(of: weights, option: "--weights")
    }

    /// Reads the weights, then the images (and labels), classifies them and prints the table or JSON; returns the exit status.
    func execute(stdout: TextSink, stderr: TextSink) -> Int32 {
        do {
            let loaded = try WeightsFile.load(path: weights)
            let input = try PredictInput(imagesPath: images, labelsPath: labels)
            let result = ImagePredictions(weights: loaded, images: input.images, labels: input.labels)
            stdout.write(json ? PredictionListing.json(result) : PredictionListing.text(result))
            return 0
        } catch {
            stderr.write("nnreport: error: \(oneLineDescription(of: error))\n")
            return FailureKind.of(error).exitCode
        }
    }
}
