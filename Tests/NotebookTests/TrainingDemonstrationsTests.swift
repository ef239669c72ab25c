import Datasets
import Foundation
import NN
import Plotting
@testable import Notebook
import TestSupport
import Testing

/// The sections around training: the lesson's demonstrations before it and the optimisers' comparison after it,
/// from one default run on the embedded sample.
@Suite struct TrainingDemonstrationsTests {
    /// One default run (seed 1, no timings), made once for the suite and only read after (the cells are not Sendable).
    nonisolated(unsafe) static let cells = Result { () throws -> CollectedCells in
        let (train, test) = (try MNISTDataset(.mnistSample, split: .train), try MNISTDataset(.mnistSample, split: .test))
        var cells = CollectedCells()
        try Notebook.run(training: train, test: test, kind: .mnistSample, seed: 1,
                         options: TrainingOptions(recordTimings: false), cells: &cells)
        return cells
    }

    @Test func bothLossesScoreTheUntrainedNetworkAlikeNearLnTen() throws {
        let cell = try #require(try Self.cells.get().first(LossesAndGradientsCell.self))
        #expect(cell.results.nllLoss == cell.results.crossEntropyLoss)
        #expect(abs(Double(cell.results.nllLoss) - log(10)) < 0.1, "an untrained network scores about ln 10: \(cell.results.nllLoss)")
        let printed = try #require(cell.section.outputs.first)
        let lines = printed.text.split(separator: "\n")
        #expect(lines.count == 2 && lines[0] == lines[1])
        #expect(lines[0].hasPrefix("tensor(2.") && lines[0].hasSuffix(", grad_fn=<NllLossBackward0>)"))
    }

    @Test func autogradGivesHalfOfXAsTheGradientOfTheMeanOfSquares() throws {
        let cell = try #require(try Self.cells.get().first(LossesAndGradientsCell.self))
        #expect(cell.results.gradIsHalfX)
        #expect(cell.results.xGrad == cell.results.x.map { $0.map { $0 / 2 } })
        let outputs = cell.section.outputs
        let y = try #require(outputs.first { $0.label.hasPrefix("y = x**2") })
        let z = try #require(outputs.first { $0.label.hasPrefix("z = y.mean()") })
        let x = try #require(outputs.first { $0.label.hasPrefix("x = torch.randn(2, 2, requires_grad=True)") })
        #expect(x.text.hasSuffix("], requires_grad=True)") && x.text.hasPrefix("tensor([["))
        #expect(y.text.hasSuffix(", grad_fn=<PowBackward0>)"))
        #expect(z.text.hasSuffix(", grad_fn=<MeanBackward0>)"))
        let grads = try #require(outputs.first { $0.label.hasPrefix("z.backward()") }).text.split(separator: "\n")
        #expect(grads.count == 4 && grads[0] == grads[2] && grads[1] == grads[3], "x.grad and x / 2 print alike")
    }

    @Test func oneStepMovesTheCopyByTheLearningRateTimesTheGradient() throws {
        let cell = try #require(try Self.cells.get().first(LossesAndGradientsCell.self))
        let outputs = cell.section.outputs
        #expect(try #require(outputs.first { $0.label.contains("print('Initial weights - '") }).text
            .hasPrefix("Initial weights -  Parameter containing:\ntensor([["))
        #expect(try #require(outputs.first { $0.label.contains("print('Gradient -'") }).text.hasPrefix("Gradient - tensor([["))
        #expect(try #require(outputs.first { $0.label.contains("print('Updated weights - '") }).text
            .hasPrefix("Updated weights -  Parameter containing:\ntensor([["))
        // Redo the step by hand: the largest change is lr × the largest gradient, up to float rounding.
        let copy = cell.makeInitialModel()
        let first = try #require(copy[0] as? Linear)
        let train = try MNISTDataset(.mnistSample, split: .train)
        var batches = DataLoader(dataset: train, batchSize: 64, shuffle: false).makeIterator()
        let next = batches.next()
        let batch = try #require(next)
        NLLLoss()(copy(batch.images.view(64, -1)), batch.labels).backward()
        let largestGradient = try #require(first.weight.grad).storage.map { abs($0) }.max() ?? 0
        #expect(abs(Double(cell.results.largestWeightChange) - 0.01 * Double(largestGradient)) < 1e-7)
        #expect(cell.results.largestWeightChange > 0)
    }

    @Test func theDemonstrationsLeaveTheTrainedNetworksStartUntouched() throws {
        let cells = try Self.cells.get()
        let demonstrations = try #require(cells.first(LossesAndGradientsCell.self))
        let training = try #require(cells.first(TrainingCell.self))
        #expect(demonstrations.model === training.model, "the training cell trains the demonstrations' network")
        // makeInitialModel makes the same initial weights again; the trained ones have moved away from them.
        let fresh = demonstrations.makeInitialModel()
        let freshFirst = try #require(fresh[0] as? Linear), trainedFirst = try #require(training.model[0] as? Linear)
        #expect(freshFirst.weight.data.shape == trainedFirst.weight.data.shape)
        #expect(freshFirst.weight.data.storage != trainedFirst.weight.data.storage)
    }

    @Test func theComparisonStartsAlikeAndItsMomentumRunIsTheTrainingRun() throws {
        let cells = try Self.cells.get()
        let training = try #require(cells.first(TrainingCell.self))
        let entries = training.comparison.entries
        #expect(entries.map(\.name) == ["SGD", "SGD, momentum 0.9", "Adam"])
        #expect(entries.map(\.optimizer) == ["sgd", "sgd", "adam"] && entries.map(\.lr) == [0.003, 0.003, 0.001])
        #expect(entries.map(\.momentum) == [0, 0.9, nil])
        // Same weights, same first batch: every first loss is the same number.
        #expect(Set(entries.map { $0.stepLosses.first }).count == 1)
        // The defaults are SGD with momentum 0.9 at lr 0.003: the comparison takes the training run for it, and
        // training that setting again from the same start on the same batches repeats it bit for bit.
        #expect(entries[1].stepLosses == training.run.stepLosses)
        let demonstrations = try #require(cells.first(LossesAndGradientsCell.self))
        let (train, test) = (try MNISTDataset(.mnistSample, split: .train), try MNISTDataset(.mnistSample, split: .test))
        let again = OptimizerComparison(
            makeModel: demonstrations.makeInitialModel, shuffleDraws: training.shuffleDraws, training: train,
            trainSet: (train.imagesTensor().view(train.count, -1), train.labels.map(Int.init)),
            testSet: (test.imagesTensor().view(test.count, -1), test.labels.map(Int.init)),
            options: TrainingOptions(epochs: 1, recordTimings: false))
        #expect(again.entries[1].stepLosses == Array(training.run.stepLosses.prefix(63)))
        #expect(again.entries[1].epochs.first?.testAccuracy == training.run.epochs.first?.testAccuracy)
        #expect(again.entries[0].stepLosses == Array(entries[0].stepLosses.prefix(63)), "plain SGD, run twice, agrees too")
        #expect(entries.allSatisfy { $0.epochs.count == 5 && $0.diverged == nil })
        let sgd = try #require(entries[0].epochs.last).testAccuracy
        let momentum = try #require(entries[1].epochs.last).testAccuracy
        let adam = try #require(entries[2].epochs.last).testAccuracy
        #expect(sgd < 0.6 && momentum > 0.84 && adam > 0.84, "SGD \(sgd), momentum \(momentum), Adam \(adam)")
        #expect(training.results.training.comparison.map(\.name) == entries.map(\.name))
    }

    @Test func theComparisonSectionShowsOneFigureAndATable() throws {
        let cell = try #require(try Self.cells.get().first(OptimizerComparisonCell.self))
        #expect(cell.section.figureFileNames == ["optimizers-loss.png"])
        let table = try #require(cell.section.outputs.first).text.split(separator: "\n")
        #expect(table.first == "optimizer             lr  last epoch loss  train accuracy  test accuracy")
        #expect(table.count == 4 && table[1].hasPrefix("SGD                0.003  ") && table[3].hasPrefix("Adam               0.001  "))
        #expect(Set(table.map(\.count)).count == 1, "the columns line up")
    }

    @Test func trailingMeansAverageTheLastWindowOfSteps() {
        #expect(trailingMeans([1, 3, 5, 7, 9], window: 2) == [1, 2, 4, 6, 8])
        #expect(trailingMeans([4, 2], window: 5) == [4, 3])
    }

    @Test func aProgressLineNamesEpochStepLossAndRate() {
        let progress = TrainingProgress(run: "training", epoch: 2, epochs: 5, step: 31, stepsPerEpoch: 63, loss: 0.41318,
                                        imagesPerSecond: 162_000.4)
        #expect(progress.line == "training: epoch 2/5 · step 31/63 · loss 0.4132 · 162,000 images/s")
        let adam = TrainingProgress(run: "Adam", epoch: 1, epochs: 1, step: 1, stepsPerEpoch: 938, loss: .nan, imagesPerSecond: 999)
        #expect(adam.line == "comparing Adam: epoch 1/1 · step 1/938 · loss nan · 999 images/s")
        #expect(AltText.grouped(1_234_567) == "1,234,567" && AltText.grouped(12) == "12" && AltText.grouped(-1000) == "-1,000")
    }
}

/// Training on Fashion-MNIST's kind: every figure that shows classes names them by garment.
@Suite struct TrainingClassNamesTests {
    @Test func everyFigureWithClassesNamesTheGarments() throws {
        // The embedded digits labelled as Fashion-MNIST's kind: what matters here is the names, not the pictures.
        let (train, test) = (try MNISTDataset(.mnistSample, split: .train), try MNISTDataset(.mnistSample, split: .test))
        var cells = CollectedCells()
        try Notebook.run(training: train, test: test, kind: .fashionMNIST, seed: 1,
                         options: TrainingOptions(epochs: 1, recordTimings: false), cells: &cells)
        let training = try #require(cells.first(TrainingCell.self))
        let garments = Set(DatasetKind.fashionMNISTClassNames)
        var named: [String] = []
        for case let .figure(figure, fileName, _) in training.section.blocks {
            let canvas = RecordingCanvas(for: figure.figure)
            figure.figure.draw(on: canvas)
            let strings = canvas.strings
            if strings.contains(where: { text in garments.contains { text.hasPrefix($0) } }) { named.append(fileName) }
            if fileName == "confusion.png" {
                #expect(garments.isSubset(of: strings), "both axes of the confusion matrix name every class")
            }
        }
        #expect(named == ["confusion.png", "test-predictions.png", "classify-before-training.png", "classify-after-training.png"])
    }
}
