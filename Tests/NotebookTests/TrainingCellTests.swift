import Datasets
import Foundation
import NN
@testable import Notebook
import Testing

/// The training section after the notebook's cells: a real run on the embedded sample.
@Suite struct TrainingCellTests {
    /// The embedded sample's two splits, loaded once.
    static let splits = Result { (try MNISTDataset(.mnistSample, split: .train), try MNISTDataset(.mnistSample, split: .test)) }

    /// Runs the notebook and its training part with `options` (no timings) and keeps every cell.
    private func run(_ options: TrainingOptions, seed: UInt64 = 1) throws -> CollectedCells {
        let (train, test) = try Self.splits.get()
        var cells = CollectedCells()
        var untimed = options
        untimed.recordTimings = false
        try Notebook.run(training: train, test: test, kind: .mnistSample, seed: seed, options: untimed, cells: &cells)
        return cells
    }

    @Test func theLessonsDefaultsReachEightyFourPercentOnTheTestSplitInFiveEpochs() throws {
        let cells = try run(TrainingOptions())
        #expect(cells.ids == Notebook.outline(training: TrainingOptions()).map(\.id))
        #expect(Array(cells.ids.suffix(3)) == ["losses-and-gradients", "training", "optimizers"] && cells.ids.count == 13)
        let cell = try #require(cells.first(TrainingCell.self))
        let epochs = cell.results.training.epochs
        #expect(epochs.map(\.epoch) == [1, 2, 3, 4, 5])
        let accuracy = try #require(epochs.last?.testAccuracy)
        #expect(accuracy >= 0.84, "test accuracy after 5 epochs: \(accuracy)")
        #expect(epochs.allSatisfy { $0.seconds == 0 }, "no timings were asked for")
        #expect(zip(epochs, epochs.dropFirst()).allSatisfy { $0.trainLoss > $1.trainLoss }, "the mean loss falls every epoch")
        #expect(cell.run.stepLosses.count == 5 * 63 && cell.run.stepsPerEpoch == 63)
        // Each printed mean is the Double mean of that epoch's batch losses, printed as Python prints a float.
        for (index, epoch) in epochs.enumerated() {
            let losses = cell.run.stepLosses[(index * 63)..<((index + 1) * 63)]
            #expect(epoch.trainLoss == losses.reduce(0.0) { $0 + Double($1) } / 63)
        }
        let printed = try #require(cell.section.outputs.first { $0.label.hasPrefix("print(f\"Training loss") })
        #expect(printed.text == epochs.map { "Training loss: \($0.trainLoss)" }.joined(separator: "\n"))
        #expect(cell.section.figureFileNames == [
            "training-loss.png", "training-accuracy.png", "confusion.png", "test-predictions.png",
            "classify-before-training.png", "classify-after-training.png",
        ])
        #expect(cell.results.training.optimizer == "sgd" && cell.results.training.lr == 0.003
                && cell.results.training.momentum == 0.9 && cell.results.training.batchSize == 64)
        #expect(cell.results.training.diverged == nil)
        // The confusion matrix counts every test image once, and its diagonal is the last test accuracy.
        let confusion = try #require(cell.results.training.confusion)
        #expect(confusion.count == 10 && confusion.allSatisfy { $0.count == 10 })
        #expect(confusion.joined().reduce(0, +) == 1000)
        #expect(Double((0..<10).map { confusion[$0][$0] }.reduce(0, +)) / 1000 == accuracy)
        #expect(confusion.map { $0.reduce(0, +) } == Array(repeating: 100, count: 10), "100 test images per class")
    }

    @Test func aShorterRunRepeatsTheLongerRunsFirstEpochsExactly() throws {
        let one = try #require(try run(TrainingOptions(epochs: 1)).first(TrainingCell.self))
        let other = try #require(try run(TrainingOptions(epochs: 1), seed: 2).first(TrainingCell.self))
        let again = try #require(try run(TrainingOptions(epochs: 1)).first(TrainingCell.self))
        #expect(one.run.stepLosses == again.run.stepLosses)
        #expect(one.run.stepLosses != other.run.stepLosses, "the seed changes the weights and the shuffle")
    }

    @Test func zeroEpochsLeaveTheNotebooksTenCells() throws {
        let cells = try run(.notebookOnly)
        #expect(cells.ids == Notebook.outline.map(\.id))
        #expect(Notebook.outline(training: .notebookOnly).map(\.id) == Notebook.outline.map(\.id))
    }

    @Test func aDivergingRunStopsAtItsFirstNonFiniteLossAndSaysSo() throws {
        let cells = try run(TrainingOptions(epochs: 2, lr: 1000))
        let cell = try #require(cells.first(TrainingCell.self))
        let divergence = try #require(cell.results.training.diverged)
        #expect(divergence.epoch == 1 && divergence.step == cell.run.stepLosses.count + 1)
        #expect(cell.run.epochs.isEmpty && cell.run.stepLosses.allSatisfy(\.isFinite))
        #expect(cell.results.training.confusion == nil)
        let warnings = cell.section.blocks.compactMap { block -> String? in
            if case let .warning(text) = block, text.hasPrefix("Warning: training diverged.") { return text }
            return nil
        }
        #expect(warnings.count == 1)
        #expect(!cell.section.figureFileNames.contains("training-accuracy.png"))
        #expect(!cell.section.figureFileNames.contains("classify-after-training.png"))
        #expect(!cell.section.figureFileNames.contains("confusion.png"))
    }

    @Test func adamTrainsTooAndReportsNoMomentum() throws {
        let cell = try #require(try run(TrainingOptions(epochs: 1, lr: 0.001, optimizer: .adam)).first(TrainingCell.self))
        #expect(cell.results.training.optimizer == "adam" && cell.results.training.momentum == nil)
        #expect(try #require(cell.run.epochs.first).testAccuracy > 0.7)
    }

    @Test func theConfusionTableAlignsItsColumns() {
        let table = TrainingCell.table(TrainingCell.confusion(predicted: [0, 1, 1, 2], labels: [0, 1, 2, 2], classes: 3))
        #expect(table == "      0  1  2\n0     1  0  0\n1     0  1  0\n2     0  1  1")
    }

    @Test func percentagesHaveTwoDecimals() {
        #expect(TrainingCell.percent(0.866) == "86.60%")
        #expect(TrainingCell.percent(0.88075) == "88.08%")
        #expect(TrainingCell.percent(0.0505) == "5.05%")
        #expect(TrainingCell.percent(1) == "100.00%")
    }
}
