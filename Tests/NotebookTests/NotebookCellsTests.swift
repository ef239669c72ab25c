import Datasets
import Foundation
import NN
@testable import Notebook
import Testing

/// The notebook's ten cells run in order on the embedded sample, their values checked against independent references.
@Suite struct NotebookCellsTests {
    /// The embedded sample's training split, loaded once for the whole suite (it is immutable).
    static let training = Result { try MNISTDataset(.mnistSample, split: .train) }

    /// Runs the whole notebook with `seed` and keeps every cell.
    private func runNotebook(seed: UInt64 = 1) throws -> CollectedCells {
        var cells = CollectedCells()
        try Notebook.run(training: Self.training.get(), kind: .mnistSample, seed: seed, cells: &cells)
        return cells
    }

    // MARK: - The order of the cells and of the draws

    @Test func theCellsRunInTheOutlinesOrder() throws {
        let cells = try runNotebook()
        #expect(cells.ids == Notebook.outline.map(\.id))
        #expect(cells.ids == [
            "the-data", "flattening", "network-from-tensors", "softmax-by-hand", "network-module",
            "activation-functions", "relunet", "forward-pass", "sequential", "sequential-named",
        ])
    }

    @Test func oneGeneratorDrawsEverythingInTheNotebooksOrder() throws {
        let cells = try runNotebook(seed: 5)
        let training = try Self.training.get()
        // The same draws written out by hand, in the notebook's order, from one generator seeded once.
        let generator = TorchGenerator(seed: 5)
        func nextBatchIndices() -> [Int] {
            // next(iter(trainloader)): iter() draws the base seed; the first next() draws the sampler's seed,
            // seeds a fresh generator with it and takes randperm from that.
            _ = generator.randomInt64()
            let sampler = TorchGenerator(seed: generator.randomInt64())
            return Array(sampler.randperm(training.count).prefix(64))
        }
        let firstBatch = nextBatchIndices()
        let w1 = Tensor.randn([784, 256], generator: generator), b1 = Tensor.randn([256], generator: generator)
        let w2 = Tensor.randn([256, 10], generator: generator), b2 = Tensor.randn([10], generator: generator)
        let network = Network(generator: generator)
        let reluNet = ReluNet(generator: generator)
        reluNet.inputToHiddenOne.bias?.fill_(0)
        reluNet.inputToHiddenOne.weight.normal_(mean: 0, std: 0.01, generator: generator)
        let forwardPassBatch = nextBatchIndices()
        let sequential = Sequential.notebookIndexed(generator: generator)
        let sequentialBatch = nextBatchIndices()
        let named = Sequential.notebookNamed(generator: generator)

        let data = try #require(cells.first(DataCell.self))
        #expect(data.batch.indices == firstBatch)
        let inputs = try #require(cells.first(FlatteningCell.self)).inputs
        #expect(try #require(cells.first(TensorNetworkCell.self)).out == (inputs.matmul(w1) + b1).sigmoid().matmul(w2) + b2)
        #expect(try #require(cells.first(ModuleCell.self)).model.parameterValues == network.parameterValues)
        #expect(try #require(cells.first(ReluNetCell.self)).model.parameterValues == reluNet.parameterValues)
        let forwardPass = try #require(cells.first(ForwardPassCell.self))
        #expect(forwardPass.pass.datasetIndex == forwardPassBatch[0])
        let sequentialCell = try #require(cells.first(SequentialCell.self))
        #expect(sequentialCell.model.parameterValues == sequential.parameterValues)
        #expect(sequentialCell.pass.datasetIndex == sequentialBatch[0])
        #expect(try #require(cells.first(NamedSequentialCell.self)).model.parameterValues == named.parameterValues)
        // Three iterators, three different first batches.
        #expect(firstBatch[0] != forwardPassBatch[0] || forwardPassBatch[0] != sequentialBatch[0])
    }

    // MARK: - Softmax by hand

    @Test func softmaxByHandEqualsTensorSoftmaxAndADoubleReference() {
        var generator = Generator(seed: 42)
        let scores = Tensor.randn([64, 10], generator: &generator) * 8   // logits of a realistic spread
        let byHand = SoftmaxCell.softmax(scores)
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
        let probabilities = SoftmaxCell.softmax(scores)
        #expect(probabilities.storage.allSatisfy { !$0.isNaN && $0.isFinite }, "\(probabilities.storage)")
        #expect(probabilities.storage[0..<3] == [1, 0, 0])
        for value in probabilities.storage[3..<9] { #expect(abs(value - 1.0 / 3) <= 1e-6) }
        // e^-1 / (1 + e^-1) and 1 / (1 + e^-1) for the last row.
        #expect(abs(probabilities[3, 1] - Float(1 / (1 + M_E))) <= 1e-6)
        #expect(abs(probabilities[3, 2] - Float(M_E / (1 + M_E))) <= 1e-6)
        #expect(probabilities[3, 0] == 0)
    }

    @Test func softmaxCellSumsEveryRowOfTheTensorNetworkToOne() throws {
        let cells = try runNotebook()
        let out = try #require(cells.first(TensorNetworkCell.self)).out
        #expect(out.shape == [64, 10])
        let results = try #require(cells.first(SoftmaxCell.self)).results
        #expect(results.sums.count == 64)
        let reference = out.softmax(dim: 1).sum(dim: 1).storage
        for (row, sum) in results.sums.enumerated() {
            #expect(abs(sum - 1) <= 1e-6, "row \(row) sums to \(sum)")
            #expect(abs(sum - reference[row]) <= 1e-6)
        }
        #expect(results.probabilitiesShape == [64, 10])
        #expect(results.allClose)
    }

    // MARK: - The data and flattening

    @Test func theFirstBatchHasTheNotebookShapesAndNormalisedPixelsOfTheDataset() throws {
        let data = try #require(try runNotebook().first(DataCell.self))
        #expect(data.results.imagesShape == [64, 1, 28, 28])
        #expect(data.results.labelsShape == [64])
        let batch = data.batch
        #expect(batch.images.shape == [64, 1, 28, 28] && batch.labelTensor.shape == [64])
        let pixels = batch.images.storage
        #expect(pixels.min() == -1 && pixels.max() == 1, "pixels span [\(pixels.min() ?? .nan), \(pixels.max() ?? .nan)], not [-1, 1]")
        #expect(data.results.pixelRange == [-1, 1])
        // Every pixel is (byte / 255 − 0.5) / 0.5 of the training image the loader picked, and labels match.
        let train = try Self.training.get()
        for (position, index) in batch.indices.enumerated() {
            #expect(batch.labels[position] == train.label(at: index))
            let bytes = Array(train.pixels(at: index))
            let image = batch.images[position].storage
            let worst = zip(bytes, image).map { abs((Float($0) / 255 - 0.5) / 0.5 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-6, "image \(position) (dataset index \(index)) differs from its bytes by \(worst)")
        }
        #expect(data.results.label == batch.labels[1])
        #expect(data.section.outputs.last?.text == "tensor(\(batch.labels[1]))")
        #expect(data.section.outputs.first?.text.hasSuffix("torch.Size([64, 1, 28, 28])\ntorch.Size([64])") == true)
    }

    @Test func flatteningGives64By784WithTheSameValuesInRowMajorOrder() throws {
        let cells = try runNotebook()
        let flattening = try #require(cells.first(FlatteningCell.self))
        #expect(flattening.results.before == [64, 1, 28, 28])
        #expect(flattening.results.after == [64, 784])
        #expect(flattening.results.valuesUnchanged)
        #expect(flattening.section.outputs.map(\.text) == ["torch.Size([64, 1, 28, 28])", "torch.Size([64, 784])"])
        let images = try #require(cells.first(DataCell.self)).batch.images
        let inputs = flattening.inputs
        #expect(inputs.shape == [64, 784])
        for (image, row, column) in [(0, 0, 0), (1, 14, 14), (5, 27, 3), (63, 27, 27), (31, 9, 20)] {
            #expect(inputs[image, row * 28 + column] == images.element(at: [image, 0, row, column]))
        }
    }

    // MARK: - Networks

    @Test func reluNetPrintsItsSecondLayerAsInitialisedAndReinitialisesItsFirst() throws {
        let cell = try #require(try runNotebook().first(ReluNetCell.self))
        let model = cell.model
        // The printed second layer keeps its initialisation, within ±1/√128.
        let printed = model.hiddenOneToHiddenTwo
        let bound = Float(1 / Double(128).squareRoot())
        #expect(abs(Linear.initialisationBound(inFeatures: 128) - bound) <= 1e-7)
        #expect(printed.weight.shape == [64, 128] && printed.bias?.shape == [64])
        let initial = printed.weight.data.storage + (printed.bias?.data.storage ?? [])
        #expect(initial.allSatisfy { abs($0) <= bound }, "a value exceeds ±1/√128")
        #expect(initial.map(abs).max()! > 0.95 * bound, "8256 uniform draws should come close to the bound")
        #expect(cell.results.largestInitialWeight == printed.weight.data.storage.map(abs).max()!)
        #expect(cell.results.bound == Linear.initialisationBound(inFeatures: 128))
        #expect(cell.section.outputs.first { $0.label == "print(model.hidden_one_to_hidden_two.weight)" }?.text == printed.weight.description)
        #expect(cell.section.outputs.first { $0.label == "print(model.hidden_one_to_hidden_two.bias)" }?.text == printed.bias?.description)

        // The first layer is re-initialised: bias zeros, weight normal with std 0.01; it is printed after.
        let first = model.inputToHiddenOne
        #expect(first.bias?.data.storage == [Float](repeating: 0, count: 128))
        let weights = first.weight.data.storage.map(Double.init)
        let mean = weights.reduce(0, +) / Double(weights.count)
        let std = (weights.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(weights.count)).squareRoot()
        #expect(abs(std - 0.01) <= 0.0005, "std \(std) is not 0.01 within 5%")
        #expect(abs(mean) <= 0.0005)
        #expect(cell.results.reinitialisedLayer == "input_to_hidden_one" && cell.results.reinitialisedBiasIsZero)
        #expect(abs(Double(cell.results.reinitialisedWeightStd) - std) <= 1e-6)
        #expect(cell.section.outputs.last?.label == "model.input_to_hidden_one.weight.data.normal_(std=0.01); print(model.input_to_hidden_one.weight)")
        #expect(cell.section.outputs.last?.text == first.weight.description)
        // The third layer keeps its initialisation too.
        #expect(model.hiddenTwoToOutput.weight.data.storage.allSatisfy { abs($0) <= Linear.initialisationBound(inFeatures: 64) })
    }

    @Test func theNetworkModuleAndItsFunctionalFormGiveIdenticalOutputs() throws {
        let cells = try runNotebook()
        let cell = try #require(cells.first(ModuleCell.self))
        #expect(cell.results.functionalIdentical)
        #expect(cell.results.maxDifference == 0)
        #expect(cell.results.outputShape == [64, 10])
        let model = cell.model
        let inputs = try #require(cells.first(FlatteningCell.self)).inputs
        let moduleOutput = model(inputs), functionalOutput = model.forwardFunctional(inputs)
        #expect(moduleOutput.storage == functionalOutput.storage)
        // Both equal softmax(sigmoid(x Wᵀ + b) Vᵀ + c) written out with tensor operations.
        let hidden = (inputs.matmul(model.hidden.weight.data.t()) + model.hidden.bias!.data).sigmoid()
        let reference = (hidden.matmul(model.output.weight.data.t()) + model.output.bias!.data).softmax(dim: 1)
        let worst = zip(moduleOutput.storage, reference.storage).map { abs($0 - $1) }.max()!
        #expect(worst <= 1e-6, "module output differs from the written-out network by \(worst)")
        #expect(cell.results.parameterNames == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"])
    }

    @Test func theNamedSequentialsFirstLayerIsTheLayerNamedInputToHidden() throws {
        let cell = try #require(try runNotebook().first(NamedSequentialCell.self))
        #expect(cell.results.sameObject)
        #expect(cell.section.outputs.last?.text == "True")
        #expect(cell.results.parameterNames == [
            "input_to_hidden.weight", "input_to_hidden.bias", "hidden_to_hidden.weight", "hidden_to_hidden.bias",
            "output.weight", "output.bias",
        ])
        #expect(cell.model["input_to_hidden"] === cell.model[0])
        #expect(cell.model["relu_1"] !== cell.model[0])
    }

    @Test func theForwardPassesGiveTenProbabilitiesAndTheirArgmax() throws {
        let cells = try runNotebook()
        let forwardPass = try #require(cells.first(ForwardPassCell.self))
        let sequential = try #require(cells.first(SequentialCell.self))
        for (id, pass, section) in [("forward-pass", forwardPass.pass, forwardPass.section), ("sequential", sequential.pass, sequential.section)] {
            let probabilities = pass.results.probabilities
            #expect(probabilities.count == 10)
            #expect(abs(probabilities.reduce(0, +) - 1) <= 1e-5)
            #expect(probabilities.firstIndex(of: probabilities.max()!) == pass.results.argmax)
            // Untrained: every probability near one in ten.
            #expect(probabilities.allSatisfy { $0 > 0.05 && $0 < 0.2 }, "\(id): \(probabilities)")
            #expect(section.outputs.first { $0.label == "highest = probabilities.argmax(); print(highest)" }?.text == "tensor(\(pass.results.argmax))")
        }
        #expect(forwardPass.results.probabilities == forwardPass.pass.results.probabilities)
    }

    // MARK: - Determinism and figures

    @Test func theSameSeedGivesIdenticalResultsAndAnotherSeedDifferentOnes() throws {
        let first = try runNotebook(seed: 1).encodedResults(), second = try runNotebook(seed: 1).encodedResults()
        let other = try runNotebook(seed: 2).encodedResults()
        #expect(first.count == 10)
        #expect(first == second)
        // Every section whose values depend on random numbers changes with the seed.
        for id in ["the-data", "network-from-tensors", "softmax-by-hand", "relunet", "forward-pass", "sequential"] {
            #expect(first[id] != other[id], "\(id) ignores the seed")
        }
        // The activation functions use fixed inputs and print no random values.
        #expect(first["activation-functions"] == other["activation-functions"])
    }

    @Test(arguments: [UInt64(0), 7, UInt64.max])
    func extremeSeedsStillGiveValidResults(seed: UInt64) throws {
        let cells = try runNotebook(seed: seed)
        #expect(cells.ids.count == 10)
        let sums = try #require(cells.first(SoftmaxCell.self)).results.sums
        #expect(sums.count == 64)
        for sum in sums { #expect(abs(sum - 1) <= 1e-6, "seed \(seed): a row sums to \(sum)") }
        #expect(try #require(cells.first(ModuleCell.self)).results.functionalIdentical)
        #expect(try #require(cells.first(NamedSequentialCell.self)).results.sameObject)
        let std = try #require(cells.first(ReluNetCell.self)).results.reinitialisedWeightStd
        #expect(abs(std - 0.01) <= 0.0005, "seed \(seed): std \(std)")
        let labels = try #require(cells.first(DataCell.self)).batch.labels
        #expect(Set(labels).count >= 5, "seed \(seed): a shuffled batch of 64 holds many classes, got \(labels)")
    }

    @Test func eachCellShowsItsFigures() throws {
        let cells = try runNotebook()
        let expected = [
            "the-data": ["digit.png"], "flattening": [], "network-from-tensors": [], "softmax-by-hand": ["softmax-sums.png"],
            "network-module": [], "activation-functions": ["activations.png"], "relunet": [], "forward-pass": ["classify-relunet.png"],
            "sequential": ["classify-sequential.png"], "sequential-named": [],
        ]
        #expect(Set(cells.ids) == Set(expected.keys))
        for cell in cells.cells {
            let id = type(of: cell).id
            #expect(cell.section.figureFileNames == expected[id], "figures of \(id)")
            for case let .figure(figure, _, caption) in cell.section.blocks {
                #expect(!caption.isEmpty && figure.altText.count > 20, "\(id)")
            }
        }
    }
}

/// A `CellRunner` that keeps every cell, for tests.
struct CollectedCells: CellRunner {
    /// The cells, in the order they ran.
    private(set) var cells: [any NotebookCell] = []

    mutating func run<Cell: NotebookCell>(_ make: () throws -> Cell) throws -> Cell {
        let cell = try make()
        cells.append(cell)
        return cell
    }

    /// The ids of the cells, in order.
    var ids: [String] { cells.map { type(of: $0).id } }

    /// The first cell of type `type`.
    func first<Cell: NotebookCell>(_ type: Cell.Type) -> Cell? {
        cells.lazy.compactMap { $0 as? Cell }.first
    }

    /// Each cell's results as JSON, by id.
    func encodedResults() throws -> [String: Data] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try Dictionary(uniqueKeysWithValues: cells.map { (type(of: $0).id, try encoder.encode($0.results)) })
    }
}

extension Module {
    /// Every parameter's values, in order: two models with equal values were initialised by the same draws.
    var parameterValues: [[Float]] { parameters().map(\.data.storage) }
}
