import Datasets
import Foundation
import NN
@testable import Notebook
import TestSupport
import Testing

/// `nnreport generate`'s defaults (seed 1, the embedded sample, 5 epochs of SGD) against the same run in real
/// PyTorch 2.13 (`Tests/Fixtures/torch-training-run-reference.json`, written by
/// `scripts/torch_training_run_reference.py`): the same draws exactly, the same training up to float rounding
/// (`TrainingRunTolerances`).
@Suite struct TorchTrainingRunParityTests {
    /// The tolerances for this process's matrix kernel.
    static let tolerances = TrainingRunTolerances.active

    /// The fixture's record.
    struct Reference: Decodable {
        let trainCount: Int, testCount: Int
        let untrainedLoss: Double
        let x: [Double]
        let untrainedParameters: [Summary]
        let stepLosses: [Double]
        let epochResults: [EpochResult]
    }

    /// One epoch as PyTorch ran it.
    struct EpochResult: Decodable {
        let epoch: Int
        let firstBatchLabels: [Int]
        let trainLoss: Double
        let trainCorrect: Int, testCorrect: Int
        let parameters: [Summary]
        let lastWeight: [Double], lastBias: [Double]
    }

    /// A parameter in a few numbers (sums in Double).
    struct Summary: Decodable {
        let first: [Double], strided: [Double]
        let sum: Double, absSum: Double, norm: Double, maxAbs: Double

        /// The summary of `values`, as the script makes it.
        init(_ values: [Float]) {
            first = values.prefix(8).map(Double.init)
            strided = stride(from: 0, to: values.count, by: 257).map { Double(values[$0]) }
            sum = values.reduce(0) { $0 + Double($1) }
            absSum = values.reduce(0) { $0 + Swift.abs(Double($1)) }
            norm = values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            maxAbs = values.map { Swift.abs(Double($0)) }.max() ?? 0
        }

        /// How far each part is from `reference`'s, measured against the parameter's size: values by its largest
        /// value, the sum by the sum of absolute values, the rest by themselves.
        func differences(from reference: Summary) -> [(part: String, difference: Double)] {
            func values(_ mine: [Double], _ theirs: [Double]) -> Double {
                precondition(mine.count == theirs.count, "\(mine.count) values against \(theirs.count)")
                return zip(mine, theirs).map { Swift.abs($0 - $1) }.max() ?? 0
            }
            return [("first values", values(first, reference.first) / reference.maxAbs),
                    ("every 257th value", values(strided, reference.strided) / reference.maxAbs),
                    ("sum", Swift.abs(sum - reference.sum) / reference.absSum),
                    ("sum of absolute values", Swift.abs(absSum - reference.absSum) / reference.absSum),
                    ("L2 norm", Swift.abs(norm - reference.norm) / reference.norm),
                    ("largest absolute value", Swift.abs(maxAbs - reference.maxAbs) / reference.maxAbs)]
        }
    }

    /// The fixture.
    static let reference = Result { () throws -> Reference in
        let url = RepositoryPaths.tests("Fixtures").appendingPathComponent("torch-training-run-reference.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    /// One default run (no timings), with every parameter's values after each epoch, made once for the suite.
    nonisolated(unsafe) static let run = Result { () throws -> (cells: CollectedCells, epochs: [[[Float]]]) in
        let (train, test) = (try MNISTDataset(.mnistSample, split: .train), try MNISTDataset(.mnistSample, split: .test))
        var runner = TrainingModelRunner()
        let box = runner.box
        // After each epoch's last step, on the training thread: the trained network's values.
        let progress: TrainingProgress.Handler = { step in
            guard step.run == "training", step.step == step.stepsPerEpoch, let model = box.model else { return }
            box.epochs.append(model.parameterValues)
        }
        try Notebook.run(training: train, test: test, kind: .mnistSample, seed: 1,
                         options: TrainingOptions(recordTimings: false), progress: progress, cells: &runner)
        return (runner.cells, box.epochs)
    }

    @Test func theDemonstrationsDrawTheNetworkAndXThatPyTorchDraws() throws {
        let reference = try Self.reference.get()
        let cell = try #require(try Self.run.get().cells.first(LossesAndGradientsCell.self))
        #expect(cell.results.x.joined().map(Double.init) == reference.x, "x = torch.randn(2, 2)")
        let drawn = cell.makeInitialModel().parameterValues  // the network as drawn, before training
        for (index, (values, expected)) in zip(drawn, reference.untrainedParameters).enumerated() {
            let summary = Summary(values)
            #expect(summary.first == expected.first && summary.strided == expected.strided, "parameter \(index): values")
            for part in summary.differences(from: expected) {
                #expect(part.difference <= 1e-12, "parameter \(index): \(part.part) differs by \(part.difference)")
            }
        }
        #expect(Swift.abs(Double(cell.results.nllLoss) - reference.untrainedLoss) <= 1e-6,
                "untrained loss \(cell.results.nllLoss), torch \(reference.untrainedLoss)")
    }

    @Test func eachEpochShufflesAsPyTorchsDataLoader() throws {
        let reference = try Self.reference.get()
        let cell = try #require(try Self.run.get().cells.first(TrainingCell.self))
        let loader = DataLoader(dataset: try MNISTDataset(.mnistSample, split: .train), batchSize: 64, shuffle: true,
                                generator: cell.shuffleDraws.copy())
        for epoch in reference.epochResults {
            var batches = loader.makeIterator()
            #expect(batches.next()?.labels == epoch.firstBatchLabels, "epoch \(epoch.epoch): first batch")
        }
    }

    @Test func everyStepsLossFollowsPyTorchsToFloatRounding() throws {
        let reference = try Self.reference.get()
        let run = try #require(try Self.run.get().cells.first(TrainingCell.self)).run
        try #require(run.stepLosses.count == reference.stepLosses.count)
        for (epoch, tolerance) in Self.tolerances.stepLoss.enumerated() {
            let steps = (epoch * run.stepsPerEpoch)..<((epoch + 1) * run.stepsPerEpoch)
            let worst = steps.map {
                Swift.abs(Double(run.stepLosses[$0]) - reference.stepLosses[$0]) / reference.stepLosses[$0]
            }.max() ?? 0
            #expect(worst <= tolerance, "epoch \(epoch + 1): step losses differ by up to \(worst) (relative)")
            let mean = run.epochs[epoch].trainLoss, expected = reference.epochResults[epoch].trainLoss
            #expect(Swift.abs(mean - expected) / expected <= Self.tolerances.meanLoss,
                    "epoch \(epoch + 1): mean loss \(mean), torch \(expected)")
        }
    }

    @Test func theWeightsAfterEachEpochFollowPyTorchsToFloatRounding() throws {
        let reference = try Self.reference.get()
        let epochs = try Self.run.get().epochs
        try #require(epochs.count == reference.epochResults.count)
        for ((values, expected), tolerance) in zip(zip(epochs, reference.epochResults), Self.tolerances.weights) {
            var parts = zip(values, expected.parameters).enumerated().flatMap { index, pair in
                Summary(pair.0).differences(from: pair.1).map { ("parameter \(index): \($0.part)", $0.difference) }
            }
            // The whole last layer, value by value, against its largest weight and its largest bias.
            let (weight, bias) = (expected.parameters[4], expected.parameters[5])
            parts.append(("last weight", Self.largestDifference(values[4], expected.lastWeight) / weight.maxAbs))
            parts.append(("last bias", Self.largestDifference(values[5], expected.lastBias) / bias.maxAbs))
            let worst = parts.max { $0.1 < $1.1 } ?? ("nothing", 0)
            #expect(worst.1 <= tolerance,
                    "epoch \(expected.epoch): weights differ by up to \(worst.1) (relative to their size), in \(worst.0)")
        }
    }

    /// The largest absolute difference between two equally long lists of values.
    static func largestDifference(_ values: [Float], _ expected: [Double]) -> Double {
        precondition(values.count == expected.count, "lists of \(values.count) and \(expected.count) values")
        return zip(values, expected).map { Swift.abs(Double($0) - $1) }.max() ?? 0
    }

    @Test func theAccuracyAfterEachEpochIsPyTorchsWithinAFewImages() throws {
        let reference = try Self.reference.get()
        let run = try #require(try Self.run.get().cells.first(TrainingCell.self)).run
        try #require(run.epochs.count == reference.epochResults.count)
        for (epoch, expected) in zip(run.epochs, reference.epochResults) {
            let train = Int((epoch.trainAccuracy * Double(reference.trainCount)).rounded())
            let test = Int((epoch.testAccuracy * Double(reference.testCount)).rounded())
            #expect(Swift.abs(train - expected.trainCorrect) <= Self.tolerances.images,
                    "epoch \(epoch.epoch): train \(train), torch \(expected.trainCorrect)")
            #expect(Swift.abs(test - expected.testCorrect) <= Self.tolerances.images,
                    "epoch \(epoch.epoch): test \(test), torch \(expected.testCorrect)")
        }
    }
}
