import Foundation
import ModelFiles
import NN
import Testing

/// `nnreport predict`'s two outputs, exactly, for weights whose answer is known: every weight zero and the last
/// bias favouring class 7, so that each image gets 7 with probability 3/12 and every other class 1/12.
@Suite struct PredictCommandTests {
    /// Writes the known weights as `name` in `folder` and two images with labels 7 and 2; returns the paths.
    private func setUp(_ folder: TemporaryFolder, name: String = "known.safetensors") throws -> (weights: String, images: String, labels: String) {
        var bias = [Float](repeating: 0, count: 10)
        bias[7] = Float(log(3.0))
        let shapes = [[128, 784], [128], [64, 128], [64], [10, 64]]
        let entries = zip(["0.weight", "0.bias", "2.weight", "2.bias", "4.weight"], shapes).map { ($0, Tensor.zeros($1)) }
            + [("4.bias", Tensor(shape: [10], storage: bias))]
        let weights = folder.url.appendingPathComponent(name)
        try StateDict(uniqueKeysWithValues: entries).write(to: weights)
        let images = folder.url.appendingPathComponent("two-idx3-ubyte")
        try CraftedFiles.sampleTestImages(count: 2).write(to: images)
        let labels = folder.url.appendingPathComponent("two-idx1-ubyte")
        try CraftedFiles.idx(dimensions: [2], data: [7, 2]).write(to: labels)
        return (weights.path, images.path, labels.path)
    }

    @Test func theTableAlignsEachImagesAnswerAndTheAccuracy() async throws {
        let folder = try TemporaryFolder("nnreport-predict")
        defer { folder.remove() }
        let (weights, images, labels) = try setUp(folder)
        let run = await CommandRun.run(["predict", "--weights", weights, "--images", images, "--labels", labels])
        #expect(run.status == 0 && run.stderr == "", "stderr: \(run.stderr)")
        #expect(run.stdout == """
            image  prediction  probability  label
                0           7       0.2500      7
                1           7       0.2500      2  *
            accuracy: 1 of 2 = 50.0% (* marks a wrong prediction)

            """)
        let unlabelled = await CommandRun.run(["predict", "--weights", weights, "--images", images])
        #expect(unlabelled.stdout == """
            image  prediction  probability
                0           7       0.2500
                1           7       0.2500

            """)
    }

    @Test func jsonHasOneObjectPerImage() async throws {
        let folder = try TemporaryFolder("nnreport-predict-json")
        defer { folder.remove() }
        let (weights, images, labels) = try setUp(folder, name: "known.pth")
        let run = await CommandRun.run(["predict", "--weights", weights, "--images", images, "--labels", labels, "--json"])
        #expect(run.status == 0 && run.stderr == "", "stderr: \(run.stderr)")
        let twelfth = Float(1) / 12, quarter = Float(3) / 12
        let parsed = try #require(PredictOutput(json: run.stdout))
        #expect(parsed.images.map(\.prediction) == [7, 7] && parsed.images.map(\.label) == [7, 2])
        for image in parsed.images {
            #expect(image.probabilities.enumerated().allSatisfy { abs($0.element - ($0.offset == 7 ? quarter : twelfth)) < 1e-7 })
        }
        // Valid JSON too, with exactly the three keys.
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(objects.count == 2 && objects.allSatisfy { Set($0.keys) == ["probabilities", "prediction", "label"] })
        let unlabelled = await CommandRun.run(["predict", "--weights", weights, "--images", images, "--json"])
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(unlabelled.stdout.utf8)) as? [[String: Any]])
        #expect(plain.allSatisfy { Set($0.keys) == ["probabilities", "prediction"] })
    }

    @Test func helpNamesTheNetworkAndTheNormalisation() async {
        let help = await CommandRun.run(["predict", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("(x/255 - 0.5)/0.5") && help.stdout.contains("--labels <file>") && help.stdout.contains("--json"))
        let root = await CommandRun.run(["--help"])
        #expect(root.stdout.contains("predict"))
    }
}
