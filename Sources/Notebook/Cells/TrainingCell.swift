import Datasets
import NN

/// After the demonstrations: the lesson's training part. Their untrained Sequential ending in `LogSoftmax(dim=1)`,
/// `NLLLoss`, the chosen optimiser, and `epochs` passes over the training split, each a new shuffle drawn from
/// the notebook's generator; accuracy on both splits after every epoch.
struct TrainingCell: NotebookCell {
    static let id = "training"
    static let title = "What training changes"

    /// The trained network.
    let model: Sequential
    let run: TrainingRun
    /// The optimisers' comparison, shown by the next section.
    let comparison: OptimizerComparison
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results: `{"training": {...}}`.
    struct Results: Encodable, Sendable {
        let training: Training
    }

    /// The run's settings and what each epoch gave.
    struct Training: Encodable, Sendable {
        let epochs: [TrainingRun.Epoch]
        let optimizer: String
        let lr: Double
        let momentum: Double?
        let batchSize: Int
        let diverged: TrainingRun.Divergence?
        /// `confusion[true class][predicted class]`: test images counted after training (absent if it diverged).
        let confusion: [[Int]]?
        /// The optimisers' comparison: one run per optimiser from the same weights on the same batches.
        let comparison: [OptimizerComparison.Entry]
    }

    /// The generator as it was when training began: a copy of it draws the same shuffles again.
    let shuffleDraws: TorchGenerator

    /// Trains `model` (the demonstrations' untrained network) on `training` with shuffles drawn from the state's
    /// generator, measuring it on `training` and `test`.
    /// Then trains copies of it as it starts (`makeInitialModel`) by the three optimisers of the comparison on the
    /// same shuffles, without touching the state's generator.
    init(model: Sequential, makeInitialModel: () -> Sequential, state: inout NotebookState, training: MNISTDataset,
         test: MNISTDataset, options: TrainingOptions, progress: TrainingProgress.Handler? = nil) throws {
        self.model = model
        shuffleDraws = state.generator.copy()
        let loader = DataLoader(dataset: training, batchSize: options.batchSize, shuffle: true, generator: state.generator)
        let trainSet = (images: training.imagesTensor().view(training.count, -1), labels: training.labels.map(Int.init))
        let testSet = (images: test.imagesTensor().view(test.count, -1), labels: test.labels.map(Int.init))
        let shown = testSet.images.narrow(dim: 0, start: 0, length: 1)   // (1, 784): the first test image
        let before = withNoGrad { model(shown) }.exp()
        run = TrainingRun(model: model, loader: loader, trainSet: trainSet, testSet: testSet, options: options,
                          progress: progress)
        let after = withNoGrad { model(shown) }.exp()
        comparison = OptimizerComparison(makeModel: makeInitialModel, shuffleDraws: shuffleDraws, training: training,
                                         trainSet: trainSet, testSet: testSet, options: options, reusing: run,
                                         progress: progress)

        var section = NotebookSection()
        section.paragraphs(NotebookProse.training(options, kind: state.kind, loaded: state.weights != nil))
        if let loaded = state.weights { section.paragraph(NotebookProse.loadedTraining(loaded.source)) }
        section.output("print(model)", model.description)
        let lossLines = run.epochs.map { "Training loss: \($0.trainLoss.description)" }
        if !lossLines.isEmpty {
            section.output("print(f\"Training loss: {running_loss/len(trainloader)}\")", lossLines.joined(separator: "\n"))
        }
        if let divergence = run.divergence {
            section.warning(NotebookProse.divergence(divergence, stepsPerEpoch: run.stepsPerEpoch))
        }
        if !run.stepLosses.isEmpty {
            section.figure(try trainingLossFigure(stepLosses: run.stepLosses, epochMeans: run.epochs.map(\.trainLoss),
                                                  stepsPerEpoch: run.stepsPerEpoch),
                           fileName: "training-loss.png", caption: "The loss of every step, and each epoch's mean.")
        }
        if !run.epochs.isEmpty {
            section.output("accuracy after each epoch", run.epochs.map {
                "epoch \($0.epoch): train \(Self.percent($0.trainAccuracy)), test \(Self.percent($0.testAccuracy))"
            }.joined(separator: "\n"))
            section.figure(try accuracyFigure(train: run.epochs.map(\.trainAccuracy), test: run.epochs.map(\.testAccuracy)),
                           fileName: "training-accuracy.png", caption: "Train and test accuracy after each epoch.")
        }
        let trained = !run.epochs.isEmpty && run.divergence == nil
        let testPredictions = trained ? TrainingRun.predictions(model, testSet.images) : []
        let confusion = trained ? Self.confusion(predicted: testPredictions, labels: testSet.labels,
                                                 classes: state.classNames.count) : nil
        if let confusion {
            section.output("confusion matrix of the test split (rows: true class, columns: predicted class)",
                           Self.table(confusion))
        }
        let names: [String]? = state.labelsClassesByName ? state.classNames : nil
        if let confusion {
            section.figure(try confusionFigure(confusion, classNames: names), fileName: "confusion.png",
                           caption: "Where the trained network's answers on the test split go.")
            // Garment names make titles up to "T-shirt/top (Pullover)": four to a row leave them room.
            let columns = state.labelsClassesByName ? 4 : 8
            let shownCount = min(columns * 3, testSet.labels.count)
            let images = (0..<shownCount).map { Array(testSet.images.storage[($0 * 784)..<(($0 + 1) * 784)]) }
            section.figure(try predictionGridFigure(images: images, predicted: Array(testPredictions.prefix(shownCount)),
                                                    labels: Array(testSet.labels.prefix(shownCount)),
                                                    classNames: state.classNames, columns: columns),
                           fileName: "test-predictions.png",
                           caption: "The first \(shownCount) test images with the trained network's answers; mistakes are framed in red, with the true label in brackets.")
        }
        let pixels = shown.storage
        if before.storage.allSatisfy(\.isFinite) {
            section.figure(try classificationFigure(pixels: pixels, probabilities: before.storage, classNames: names),
                           fileName: "classify-before-training.png",
                           caption: "The first test image through the new network before training.")
        }
        if after.storage.allSatisfy(\.isFinite) && !run.epochs.isEmpty {
            section.figure(try classificationFigure(pixels: pixels, probabilities: after.storage, classNames: names),
                           fileName: "classify-after-training.png",
                           caption: "The same image through the same network after training.")
        }
        self.section = section
        results = Results(training: Training(
            epochs: run.epochs, optimizer: options.optimizer.rawValue, lr: options.lr,
            momentum: options.optimizer == .sgd ? options.momentum : nil, batchSize: options.batchSize,
            diverged: run.divergence, confusion: confusion, comparison: comparison.entries))
    }

    /// Counts of (true class, predicted class) pairs.
    static func confusion(predicted: [Int], labels: [Int], classes: Int) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (prediction, label) in zip(predicted, labels) { counts[label][prediction] += 1 }
        return counts
    }

    /// The matrix as right-aligned columns, one row per line, headed by the class indices.
    static func table(_ counts: [[Int]]) -> String {
        let width = max(3, (counts.joined().max() ?? 0).description.count + 1)
        func row(_ head: String, _ cells: [String]) -> String {
            head.padding(toLength: 4, withPad: " ", startingAt: 0)
                + cells.map { String(repeating: " ", count: max(0, width - $0.count)) + $0 }.joined()
        }
        return ([row("", counts.indices.map(String.init))] + counts.enumerated().map { row(String($0.offset), $0.element.map(String.init)) })
            .joined(separator: "\n")
    }

    /// A share as a percentage with two decimals ("85.30%").
    static func percent(_ share: Double) -> String {
        let hundredths = Int((share * 10_000).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
