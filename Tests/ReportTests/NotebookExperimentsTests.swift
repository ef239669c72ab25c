import Datasets
import Foundation
import NN
import Notebook
@testable import Report
import Testing

/// The notebook's ten experiments run on the embedded sample, their values checked against independent references.
@Suite struct NotebookExperimentsTests {
    /// The embedded sample, loaded once for the whole suite (it is immutable).
    static let sample = Result { try DatasetFilesLoader.load(kind: .mnistSample, dataDirectory: nil) }

    /// A fresh context over the sample.
    private func context(seed: UInt64 = 1) throws -> ExperimentContext {
        ExperimentContext(seed: seed, dataset: try Self.sample.get())
    }

    /// Runs the registry's experiments in page order up to and including `lastID` (all by default) in `context`.
    @discardableResult
    private func runNotebook(in context: ExperimentContext, through lastID: String? = nil) throws -> [String: ReportSection] {
        var sections: [String: ReportSection] = [:]
        for experiment in ExperimentRegistry.notebook(dataset: context.dataset.kind, seed: context.seed) {
            let section = try experiment.run(in: context)
            #expect(section.id == experiment.id && section.title == experiment.title)
            sections[section.id] = section
            if experiment.id == lastID { break }
        }
        return sections
    }

    // MARK: - Softmax by hand

    @Test func softmaxByHandEqualsTensorSoftmaxAndADoubleReference() {
        var generator = Generator(seed: 42)
        let scores = Tensor.randn([64, 10], generator: &generator) * 8   // logits of a realistic spread
        let byHand = SoftmaxExperiment.softmax(scores)
        let library = scores.softmax(dim: 1)
        #expect(byHand.shape == [64, 10])
        for (index, (a, b)) in zip(byHand.storage, library.storage).enumerated() {
            #expect(abs(a - b) <= 1e-6, "element \(index): \(a) by hand, \(b) from Tensor.softmax")
        }
        for row in 0..<64 {
            let logits = (0..<10).map { Double(scores[row, $0]) }
            let largest = logits.max()!
            let exps = logits.map { Foundation.exp($0 - largest) }
            let total = exps.reduce(0, +)
            for column in 0..<10 {
                #expect(abs(Double(byHand[row, column]) - exps[column] / total) <= 1e-6, "(\(row), \(column)) against the Double reference")
            }
            let sum = (0..<10).reduce(0.0) { $0 + Double(byHand[row, $1]) }
            #expect(abs(sum - 1) <= 1e-6, "row \(row) sums to \(sum)")
        }
    }

    @Test func softmaxByHandStaysFiniteForScoresOfPlusMinusAThousand() {
        let scores = Tensor(rows: [[1000, -1000, 0], [1000, 1000, 1000], [-1000, -1000, -1000], [-1000, 999, 1000]])
        let probabilities = SoftmaxExperiment.softmax(scores)
        #expect(probabilities.storage.allSatisfy { !$0.isNaN && $0.isFinite }, "\(probabilities.storage)")
        #expect(probabilities.storage[0..<3] == [1, 0, 0])
        for value in probabilities.storage[3..<9] { #expect(abs(value - 1.0 / 3) <= 1e-6) }
        // e^-1 / (1 + e^-1) and 1 / (1 + e^-1) for the last row.
        #expect(abs(probabilities[3, 1] - Float(1 / (1 + M_E))) <= 1e-6)
        #expect(abs(probabilities[3, 2] - Float(M_E / (1 + M_E))) <= 1e-6)
        #expect(probabilities[3, 0] == 0)
    }

    @Test func softmaxExperimentSumsEveryRowOfTheTensorNetworkToOne() throws {
        let context = try context()
        let sections = try runNotebook(in: context, through: "softmax-by-hand")
        let out = context.shared(WeightsNetworkExperiment.outputKey) { Tensor.zeros([1]) }
        #expect(out.shape == [64, 10])
        let section = try #require(sections["softmax-by-hand"])
        guard case let .array(sums)? = section.results["sums"] else { Issue.record("no sums"); return }
        #expect(sums.count == 64)
        let reference = out.softmax(dim: 1).sum(dim: 1).storage
        for (row, value) in sums.enumerated() {
            guard case let .double(sum) = value else { Issue.record("sum \(row) is \(value)"); continue }
            #expect(abs(sum - 1) <= 1e-6, "row \(row) sums to \(sum)")
            #expect(abs(sum - Double(reference[row])) <= 1e-6)
        }
        #expect(section.results["probabilitiesShape"] == .ints([64, 10]))
        #expect(section.results["allClose"] == .bool(true))
    }

    // MARK: - The data and flattening

    @Test func theFirstBatchHasTheNotebookShapesAndNormalisedPixelsOfTheDataset() throws {
        let context = try context()
        let section = try DataExperiment().run(in: context)
        #expect(section.results["imagesShape"] == .ints([64, 1, 28, 28]))
        #expect(section.results["labelsShape"] == .ints([64]))
        let batch = context.firstBatch
        #expect(batch.images.shape == [64, 1, 28, 28] && batch.labelTensor.shape == [64])
        let pixels = batch.images.storage
        #expect(pixels.min() == -1 && pixels.max() == 1, "pixels span [\(pixels.min() ?? .nan), \(pixels.max() ?? .nan)], not [-1, 1]")
        #expect(section.results["pixelRange"] == .floats([-1, 1]))
        // Every pixel is (byte / 255 − 0.5) / 0.5 of the training image the loader picked, and labels match.
        let train = context.dataset.train
        #expect(batch.indices == Array(context.trainLoader.order(forEpoch: 0).prefix(64)))
        for (position, index) in batch.indices.enumerated() {
            #expect(batch.labels[position] == train.label(at: index))
            let bytes = Array(train.pixels(at: index))
            let image = batch.images[position].storage
            let worst = zip(bytes, image).map { abs((Float($0) / 255 - 0.5) / 0.5 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-6, "image \(position) (dataset index \(index)) differs from its bytes by \(worst)")
        }
        guard case let .int(label)? = section.results["label"] else { Issue.record("no label"); return }
        #expect(label == batch.labels[1])
        #expect(section.outputs.last?.text == "tensor(\(label))")
        #expect(section.outputs.first?.text.hasSuffix("torch.Size([64, 1, 28, 28])\ntorch.Size([64])") == true)
    }

    @Test func flatteningGives64By784WithTheSameValuesInRowMajorOrder() throws {
        let context = try context()
        let section = try FlatteningExperiment().run(in: context)
        #expect(section.results["before"] == .ints([64, 1, 28, 28]))
        #expect(section.results["after"] == .ints([64, 784]))
        #expect(section.results["valuesUnchanged"] == .bool(true))
        #expect(section.outputs.map(\.text) == ["torch.Size([64, 1, 28, 28])", "torch.Size([64, 784])"])
        let images = context.firstBatch.images
        let inputs = images.view(64, -1)
        #expect(inputs.shape == [64, 784])
        for (image, row, column) in [(0, 0, 0), (1, 14, 14), (5, 27, 3), (63, 27, 27), (31, 9, 20)] {
            #expect(inputs[image, row * 28 + column] == images.element(at: [image, 0, row, column]))
        }
    }

    // MARK: - Networks

    @Test func reluNetSecondLayerStartsWithinTheBoundAndIsReinitialisedToZeroBiasAndStd001() throws {
        let context = try context()
        // The same model the experiment builds: its generator is derived from the seed and the experiment's id.
        var generator = context.generator(for: "relunet")
        let fresh = ReluNet(generator: &generator)
        let layer = fresh.hiddenOneToHiddenTwo
        let bound = Float(1 / Double(128).squareRoot())
        #expect(abs(Linear.initialisationBound(inFeatures: 128) - bound) <= 1e-7)
        #expect(layer.weight.shape == [64, 128] && layer.bias?.shape == [64])
        let initial = layer.weight.data.storage + (layer.bias?.data.storage ?? [])
        #expect(initial.allSatisfy { abs($0) <= bound }, "a value exceeds ±1/√128")
        #expect(initial.map(abs).max()! > 0.95 * bound, "8256 uniform draws should come close to the bound")
        let mean = initial.reduce(0, +) / Float(initial.count)
        #expect(abs(mean) < 0.005, "uniform(−b, b) has mean 0, got \(mean)")

        let sections = try runNotebook(in: context, through: "relunet")
        let section = try #require(sections["relunet"])
        #expect(section.results["largestInitialWeight"] == .float(layer.weight.data.storage.map(abs).max()!))
        #expect(section.results["bound"] == .float(Linear.initialisationBound(inFeatures: 128)))
        #expect(section.outputs.first { $0.label == "print(model.hidden_one_to_hidden_two.weight)" }?.text == layer.weight.description)

        let model = context.shared(ReluNetExperiment.modelKey) { ReluNet(generator: &generator) }
        #expect(model !== fresh)
        let reinitialised = model.hiddenOneToHiddenTwo
        #expect(reinitialised.bias?.data.storage == [Float](repeating: 0, count: 64))
        let weights = reinitialised.weight.data.storage.map(Double.init)
        let weightMean = weights.reduce(0, +) / Double(weights.count)
        let std = (weights.map { ($0 - weightMean) * ($0 - weightMean) }.reduce(0, +) / Double(weights.count)).squareRoot()
        #expect(abs(std - 0.01) <= 0.001, "std \(std) is not 0.01 within 10%")
        #expect(abs(weightMean) <= 0.001)
        // The other layers keep their initialisation.
        #expect(model.inputToHiddenOne.weight.data.storage == fresh.inputToHiddenOne.weight.data.storage)
        #expect(model.hiddenTwoToOutput.bias?.data.storage == fresh.hiddenTwoToOutput.bias?.data.storage)
    }

    @Test func theNetworkModuleAndItsFunctionalFormGiveIdenticalOutputs() throws {
        let context = try context()
        let section = try ModuleExperiment().run(in: context)
        #expect(section.results["functionalIdentical"] == .bool(true))
        #expect(section.results["maxDifference"] == .float(0))
        #expect(section.results["outputShape"] == .ints([64, 10]))
        var generator = context.generator(for: "network-module")
        let model = Network(generator: &generator)
        let inputs = context.firstBatch.images.view(64, 784)
        let moduleOutput = model(inputs), functionalOutput = model.forwardFunctional(inputs)
        #expect(moduleOutput.storage == functionalOutput.storage)
        // Both equal softmax(sigmoid(x Wᵀ + b) Vᵀ + c) written out with tensor operations.
        let hidden = (inputs.matmul(model.hidden.weight.data.t()) + model.hidden.bias!.data).sigmoid()
        let reference = (hidden.matmul(model.output.weight.data.t()) + model.output.bias!.data).softmax(dim: 1)
        let worst = zip(moduleOutput.storage, reference.storage).map { abs($0 - $1) }.max()!
        #expect(worst <= 1e-6, "module output differs from the written-out network by \(worst)")
        #expect(section.results["parameterNames"] == .strings(["hidden.weight", "hidden.bias", "output.weight", "output.bias"]))
    }

    @Test func theNamedSequentialsFirstLayerIsTheLayerNamedInputToHidden() throws {
        let context = try context()
        let section = try SequentialNamedExperiment().run(in: context)
        #expect(section.results["sameObject"] == .bool(true))
        #expect(section.outputs.last?.text == "True")
        #expect(section.results["parameterNames"] == .strings([
            "input_to_hidden.weight", "input_to_hidden.bias", "hidden_to_hidden.weight", "hidden_to_hidden.bias",
            "output.weight", "output.bias",
        ]))
        var generator = context.generator(for: "sequential-named")
        let model = Sequential.notebookNamed(generator: &generator)
        #expect(model["input_to_hidden"] === model[0])
        #expect(model["relu_1"] !== model[0])
    }

    @Test func theForwardPassesGiveTenProbabilitiesAndTheirArgmax() throws {
        let context = try context()
        let sections = try runNotebook(in: context)
        for id in ["forward-pass", "sequential"] {
            let section = try #require(sections[id])
            guard case let .array(values)? = section.results["probabilities"], case let .int(argmax)? = section.results["argmax"] else {
                Issue.record("\(id) has no probabilities or argmax"); continue
            }
            let probabilities = values.compactMap { value -> Float? in
                switch value { case let .double(p): return Float(p); case let .int(p): return Float(p); default: return nil }
            }
            #expect(probabilities.count == 10)
            #expect(abs(probabilities.reduce(0, +) - 1) <= 1e-5)
            #expect(probabilities.firstIndex(of: probabilities.max()!) == argmax)
            // Untrained: every probability near one in ten.
            #expect(probabilities.allSatisfy { $0 > 0.05 && $0 < 0.2 }, "\(id): \(probabilities)")
            #expect(section.outputs.first { $0.label == "highest = probabilities.argmax(); print(highest)" }?.text == "tensor(\(argmax))")
        }
    }

    // MARK: - Determinism and figures

    @Test func theSameSeedGivesIdenticalResultsAndAnotherSeedDifferentOnes() throws {
        func results(seed: UInt64) throws -> [String: [String: JSONValue]] {
            try runNotebook(in: context(seed: seed)).mapValues(\.results)
        }
        let first = try results(seed: 1), second = try results(seed: 1), other = try results(seed: 2)
        #expect(first.count == 10)
        #expect(first == second)
        #expect(first != other)
        // Every section whose values depend on random numbers changes with the seed.
        for id in ["the-data", "network-from-tensors", "softmax-by-hand", "relunet", "forward-pass", "sequential"] {
            #expect(first[id] != other[id], "\(id) ignores the seed")
        }
        // The activation functions use fixed inputs and print no random values.
        #expect(first["activation-functions"] == other["activation-functions"])
    }

    @Test(arguments: [UInt64(0), 7, UInt64.max])
    func extremeSeedsStillGiveValidResults(seed: UInt64) throws {
        let context = try context(seed: seed)
        let sections = try runNotebook(in: context)
        #expect(sections.count == 10)
        guard case let .array(sums)? = sections["softmax-by-hand"]?.results["sums"] else { Issue.record("no sums"); return }
        #expect(sums.count == 64)
        for case let .double(sum) in sums { #expect(abs(sum - 1) <= 1e-6, "seed \(seed): a row sums to \(sum)") }
        #expect(sections["network-module"]?.results["functionalIdentical"] == .bool(true))
        #expect(sections["sequential-named"]?.results["sameObject"] == .bool(true))
        guard case let .double(std)? = sections["relunet"]?.results["reinitialisedWeightStd"] else { Issue.record("no std"); return }
        #expect(abs(std - 0.01) <= 0.001, "seed \(seed): std \(std)")
        let labels = context.firstBatch.labels
        #expect(Set(labels).count >= 5, "seed \(seed): a shuffled batch of 64 holds many classes, got \(labels)")
    }

    @Test func eachSectionDrawsItsFigures() throws {
        let context = try context()
        let sections = try runNotebook(in: context)
        let expected = [
            "the-data": ["digit.png"], "flattening": [], "network-from-tensors": [], "softmax-by-hand": ["softmax-sums.png"],
            "network-module": [], "activation-functions": ["activations.png"], "relunet": [], "forward-pass": ["classify-relunet.png"],
            "sequential": ["classify-sequential.png"], "sequential-named": [],
        ]
        #expect(Set(sections.keys) == Set(expected.keys))
        for (id, names) in expected {
            let figures = try #require(sections[id]).figures
            #expect(figures.map(\.fileName) == names, "figures of \(id)")
            for figure in figures {
                let header = try #require(PNGHeader(figure.png), "\(figure.fileName) is not a PNG")
                #expect(figure.scale == 2 && header.width == 2 * figure.width && header.height == 2 * figure.height)
                #expect(figure.width >= 300 && figure.height >= 150, "\(figure.fileName) is \(figure.width)x\(figure.height)")
                #expect(!figure.caption.isEmpty && figure.altText.count > 20)
            }
        }
        // Drawing and encoding were timed as their own stages.
        #expect((context.attributed[.figures] ?? 0) > 0 && (context.attributed[.encoding] ?? 0) > 0)
    }
}
