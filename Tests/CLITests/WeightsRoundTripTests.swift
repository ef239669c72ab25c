import Datasets
import Foundation
import ModelFiles
import NN
import NNReportCLI
import Notebook
import Report
import TestSupport
import Testing

/// `--save-weights`, `--weights` and `predict` together: trained weights survive both formats bit for bit, files
/// written by PyTorch give PyTorch's probabilities, and the report shows the loaded weights as PyTorch prints them.
@Suite struct WeightsRoundTripTests {
    /// Runs `nnreport` on the notebook's content, keeping the trained network in `slot`.
    private func run(_ arguments: [String], slot: TrainedNetworkSlot = TrainedNetworkSlot()) async -> CommandRun {
        let out = StringSink(), err = StringSink()
        let status = await NNReport.run(arguments: arguments, stdout: out, stderr: err, content: NotebookContent(trainedNetwork: slot))
        return CommandRun(status: status, stdout: out.text, stderr: err.text)
    }

    /// The report.json of `folder`.
    private func document(_ folder: URL) throws -> ReportDocument {
        try JSONDecoder().decode(ReportDocument.self, from: Data(contentsOf: folder.appendingPathComponent("report.json")))
    }

    @Test func trainedWeightsSurviveBothFormatsBitForBit() async throws {
        let folder = try TemporaryFolder("nnreport-weights")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output").path
        let pth = folder.url.appendingPathComponent("trained.pth").path
        let safetensors = folder.url.appendingPathComponent("trained.safetensors").path
        let slot = TrainedNetworkSlot()
        let trained = await run(["generate", "--output", output, "--no-timings", "--epochs", "1", "--save-weights", pth], slot: slot)
        #expect(trained.status == 0, "stderr: \(trained.stderr)")
        #expect(trained.stdout.hasSuffix("Wrote \(pth) (the trained network's state dict, 6 tensors)\n"))
        let network = try #require(slot.network)
        let report = try document(URL(fileURLWithPath: output))
        // The same run again, saved as safetensors: training is deterministic, so the weights must be the same.
        let again = await run(["generate", "--output", output, "--no-timings", "--quiet", "--epochs", "1", "--save-weights", safetensors])
        #expect(again.status == 0 && again.stdout == "", "stderr: \(again.stderr)")

        // The files hold exactly the trained network's tensors, under the indexed keys (a checkpoint in the model's
        // order; safetensors sorts its header by key).
        let expected = network.stateDict()
        #expect(try StateDict(contentsOf: URL(fileURLWithPath: pth)) == StateDict(uniqueKeysWithValues: expected))
        let read = try StateDict(contentsOf: URL(fileURLWithPath: safetensors))
        #expect(read.keys.sorted() == expected.map(\.key).sorted())
        #expect(expected.allSatisfy { read[$0.key] == $0.tensor })

        // predict from each file: identical bits, and identical to the trained network's own weights run the same way.
        let images = CraftedFiles.sampleFile("t10k-images-idx3-ubyte.gz").path
        let labels = CraftedFiles.sampleFile("t10k-labels-idx1-ubyte.gz").path
        let fromPth = await CommandRun.run(["predict", "--weights", pth, "--images", images, "--labels", labels, "--json"])
        let fromSafetensors = await CommandRun.run(["predict", "--weights", safetensors, "--images", images, "--labels", labels, "--json"])
        #expect(fromPth.status == 0 && fromPth.stderr == "", "stderr: \(fromPth.stderr)")
        #expect(fromSafetensors.stdout == fromPth.stdout)
        let parsed = try #require(PredictOutput(json: fromPth.stdout))
        #expect(parsed.images.count == 1000)
        let reference = ImagePredictions(weights: try NotebookWeights(of: network, source: "memory"),
                                         images: try IDXReader.readImages(path: images), labels: nil)
        #expect(parsed.images.map(\.probabilities) == reference.probabilities)

        // The predictions are the trained network's own: its confusion matrix and test accuracy in report.json.
        var confusion = Array(repeating: Array(repeating: 0, count: 10), count: 10)
        for image in parsed.images { confusion[try #require(image.label)][image.prediction] += 1 }
        let training = try #require(report.sections.first { $0.id == "training" }?.results["training"])
        guard case let .object(results) = training, case let .array(rows)? = results["confusion"],
              case let .array(epochs)? = results["epochs"], case let .object(last)? = epochs.last else {
            Issue.record("no training results in report.json")
            return
        }
        #expect(rows == confusion.map { .array($0.map { .int($0) }) })
        let correct = parsed.images.filter { $0.prediction == $0.label }.count
        #expect(last["test_accuracy"] == .double(Double(correct) / 1000))

        // The text table ends with the same accuracy.
        let table = await CommandRun.run(["predict", "--weights", pth, "--images", images, "--labels", labels])
        #expect(table.stdout.hasSuffix("accuracy: \(correct) of 1000 = \(String(format: "%.1f", Double(correct) / 10))% (* marks a wrong prediction)\n"))
    }

    @Test func pytorchsFilesGivePyTorchsProbabilities() async throws {
        struct Document: Decodable {
            struct Probabilities: Decodable {
                let byFile: [String: [[Double]]]
                let torch1ByFile: [String: [[Double]]]?
            }
            let probabilities: Probabilities
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let reference = try decoder.decode(Document.self, from: Data(contentsOf: TestPaths.modelFile("expected.json"))).probabilities
        let folder = try TemporaryFolder("nnreport-predict")
        defer { folder.remove() }
        let images = folder.url.appendingPathComponent("eight-idx3-ubyte")
        try CraftedFiles.sampleTestImages(count: 8).write(to: images)
        let expectations = reference.byFile.map { ($0.key, $0.value) } + (reference.torch1ByFile ?? [:]).map { ($0.key, $0.value) }
        #expect(expectations.count == 4)
        for (file, rows) in expectations {
            let run = await CommandRun.run(["predict", "--weights", TestPaths.modelFile(file).path, "--images", images.path, "--json"])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let parsed = try #require(PredictOutput(json: run.stdout))
            #expect(parsed.images.count == 8 && rows.count == 8)
            for (image, torchRow) in zip(parsed.images, rows) {
                let worst = zip(image.probabilities, torchRow).map { abs(Double($0) - $1) }.max() ?? .infinity
                #expect(worst <= 1e-5, "\(file): \(image.probabilities) vs \(torchRow)")
                #expect(image.prediction == torchRow.indices.max { torchRow[$0] < torchRow[$1] })
            }
        }
    }

    @Test func theReportPrintsLoadedWeightsAsPyTorchDoes() async throws {
        struct Document: Decodable {
            struct Printed: Decodable { let file: String, code: String, text: String }
            struct Probabilities: Decodable { let printedParameter: Printed }
            let probabilities: Probabilities
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let printed = try decoder.decode(Document.self, from: Data(contentsOf: TestPaths.modelFile("expected.json"))).probabilities.printedParameter
        #expect(printed.file == "notebook-torch2.pth" && printed.code == "print(model[0].weight)")
        let folder = try TemporaryFolder("nnreport-weights-print")
        defer { folder.remove() }
        let withWeights = folder.url.appendingPathComponent("with")
        let without = folder.url.appendingPathComponent("without")
        let run = await run(["generate", "--output", withWeights.path, "--no-timings", "--quiet", "--epochs", "0",
                             "--weights", TestPaths.modelFile(printed.file).path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(await self.run(["generate", "--output", without.path, "--no-timings", "--quiet", "--epochs", "0"]).status == 0)
        let loaded = try document(withWeights), initial = try document(without)
        let sequential = try #require(loaded.sections.first { $0.id == "sequential" })
        #expect(sequential.outputs.first { $0.label == printed.code }?.text == printed.text)
        #expect(printed.text.hasPrefix("Parameter containing:\ntensor([[-0.0003,  0.0192, -0.0294,  ...,  0.0219,  0.0037,  0.0021],"))

        // The random draws are the notebook's: every batch, and so every shown image and label, is the same.
        for id in ["the-data", "flattening", "network-from-tensors", "network-module"] {
            #expect(loaded.sections.first { $0.id == id } == initial.sections.first { $0.id == id }, "\(id)")
        }
        for id in ["forward-pass", "sequential"] {
            let a = try #require(loaded.sections.first { $0.id == id }), b = try #require(initial.sections.first { $0.id == id })
            #expect(a.results["label"] == b.results["label"] && a.results["label"] != nil, "\(id)")
            #expect(a.results["probabilities"] != b.results["probabilities"], "\(id): the loaded weights are used")
        }
        let file = try Data(contentsOf: TestPaths.modelFile(printed.file))
        #expect(loaded.reproducibility.weights == WeightsFileRecord(name: "notebook-torch2.pth", bytes: file.count,
                                                                    sha256: SHA256.hexDigest(of: file), keys: "indexed"))
        #expect(initial.reproducibility.weights == nil)
        let reluNet = try #require(loaded.sections.first { $0.id == "relunet" })
        #expect(reluNet.results["loadedWeights"] == .string("notebook-torch2.pth"))
        #expect(initial.sections.first { $0.id == "relunet" }?.results["loadedWeights"] == nil)

        // The page says where the weights came from, and no longer that the printed values are the initial ones.
        let page = try String(contentsOf: withWeights.appendingPathComponent("index.html"), encoding: .utf8)
        let initialPage = try String(contentsOf: without.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("The weights printed and used below were loaded from <code>notebook-torch2.pth</code> (<code>--weights</code>)."))
        #expect(page.components(separatedBy: "hold the weights loaded from <code>notebook-torch2.pth</code>").count == 3)
        #expect(!page.contains("which bounds every value of it printed below") && initialPage.contains("which bounds every value of it printed below"))
        #expect(page.contains("<dt>Weights</dt><dd><code>notebook-torch2.pth</code> (indexed keys, \(grouped(file.count)) bytes), loaded into the lesson's 784-128-64-10 models; SHA-256 <code class=\"digest\">\(SHA256.hexDigest(of: file))</code></dd>"))
        #expect(!initialPage.contains("<dt>Weights</dt>"))
    }

    @Test func theThreeNamingSchemesGiveTheSameReport() async throws {
        let folder = try TemporaryFolder("nnreport-weights-schemes")
        defer { folder.remove() }
        let stateDict = try StateDict(contentsOf: TestPaths.modelFile("notebook.safetensors"))
        let weights = try NotebookWeights(stateDict: stateDict.entries, source: "weights.safetensors")
        var figures: [[String: Data]] = []
        var documents: [ReportDocument] = []
        for scheme in NotebookWeights.Scheme.allCases {
            let schemeFolder = folder.url.appendingPathComponent(scheme.rawValue, isDirectory: true)
            try FileManager.default.createDirectory(at: schemeFolder, withIntermediateDirectories: true)
            let file = schemeFolder.appendingPathComponent("weights.safetensors")
            try StateDict(uniqueKeysWithValues: weights.stateDict(scheme)).write(to: file)
            let output = schemeFolder.appendingPathComponent("output")
            let run = await run(["generate", "--output", output.path, "--no-timings", "--quiet", "--epochs", "0", "--weights", file.path])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            figures.append(try TemporaryFolder.contents(of: output).filter { $0.key.hasPrefix("figures/") })
            let document = try document(output)
            #expect(document.reproducibility.weights?.keys == scheme.rawValue)
            documents.append(document)
        }
        // The same sections and figures; only the reproducibility block's record of the file differs.
        #expect(figures.count == 3 && !figures[0].isEmpty && figures[1] == figures[0] && figures[2] == figures[0])
        #expect(documents[1].sections == documents[0].sections && documents[2].sections == documents[0].sections)
    }

    @Test func zeroEpochsSaveTheLoadedWeightsInAnotherFormat() async throws {
        let folder = try TemporaryFolder("nnreport-weights-convert")
        defer { folder.remove() }
        let converted = folder.url.appendingPathComponent("converted.safetensors")
        let run = await run(["generate", "--output", folder.url.appendingPathComponent("output").path, "--no-timings", "--epochs", "0",
                             "--weights", TestPaths.modelFile("notebook-torch1.pth").path, "--save-weights", converted.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.hasSuffix("Wrote \(converted.path) (the loaded network's state dict, 6 tensors)\n"))
        let original = try StateDict(contentsOf: TestPaths.modelFile("notebook-torch1.pth"))
        let read = try StateDict(contentsOf: converted)
        #expect(read.keys.sorted() == original.keys.sorted() && original.entries.allSatisfy { read[$0.key] == $0.tensor })
    }

    @Test func trainingStartsFromTheLoadedWeights() async throws {
        let folder = try TemporaryFolder("nnreport-weights-training")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output")
        let saved = folder.url.appendingPathComponent("after.pth")
        let loaded = TestPaths.modelFile("notebook-torch2.pth")
        // A step of 1e-30 moves no float32 weight of this size: what is saved is what training started from.
        let run = await run(["generate", "--output", output.path, "--no-timings", "--quiet", "--epochs", "1", "--lr", "1e-30",
                             "--weights", loaded.path, "--save-weights", saved.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try StateDict(contentsOf: saved) == StateDict(contentsOf: loaded))
        let page = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Training starts from the weights loaded from <code>notebook-torch2.pth</code>"))
        // Nor does the page call the loaded network untrained.
        #expect(page.contains("Everything above ran the weights loaded from the file. Training goes on from them:"))
        #expect(page.contains("the next section trains, holding the weights loaded from the file:"))
        #expect(!page.contains("still untrained") && !page.contains("Everything above ran an untrained network"))
    }

    /// 440123 → "440,123", as the page groups digits.
    private func grouped(_ value: Int) -> String {
        var digits = String(value), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ",")
    }
}
