import Datasets
import Foundation
import NN

/// The same network trained three times, from the same initial weights on the same batches, by plain SGD,
/// SGD with momentum and Adam at the lesson's learning rates; only the optimiser differs.
struct OptimizerComparison {
    /// One optimiser's run.
    struct Entry: Encodable, Sendable {
        /// "SGD", "SGD, momentum 0.9" or "Adam".
        let name: String
        /// `sgd` or `adam`.
        let optimizer: String
        let lr: Double
        /// SGD's momentum (absent for Adam).
        let momentum: Double?
        /// Each completed epoch, as the training section reports its own.
        let epochs: [TrainingRun.Epoch]
        /// Where the run stopped on a non-finite loss, if it did.
        let diverged: TrainingRun.Divergence?
        /// Every step's loss (not written to report.json: the figure shows it).
        let stepLosses: [Float]

        private enum CodingKeys: String, CodingKey { case name, optimizer, lr, momentum, epochs, diverged }
    }

    /// The three settings: the lesson's plain SGD and SGD with momentum at lr 0.003, and Adam at PyTorch's default lr 0.001.
    static let settings: [(name: String, optimizer: TrainingOptions.OptimizerKind, lr: Double, momentum: Double)] = [
        ("SGD", .sgd, 0.003, 0), ("SGD, momentum 0.9", .sgd, 0.003, 0.9), ("Adam", .adam, 0.001, 0),
    ]

    /// The runs, in the order of `settings`.
    let entries: [Entry]
    /// Steps per epoch.
    let stepsPerEpoch: Int

    /// Trains one network per setting for `options.epochs` epochs of `options.batchSize` images: each made by
    /// `makeModel`, each shuffled by a copy of `shuffleDraws`, so all start alike and see the same batches.
    /// A setting that `reusing` already ran — same optimiser, learning rate and momentum, from the same start on the
    /// same batches — takes that run instead of training again: it would repeat it bit for bit.
    init(makeModel: () -> Sequential, shuffleDraws: TorchGenerator, training: MNISTDataset,
         trainSet: (images: Tensor, labels: [Int]), testSet: (images: Tensor, labels: [Int]), options: TrainingOptions,
         reusing done: TrainingRun? = nil, progress: TrainingProgress.Handler? = nil) {
        var stepsPerEpoch = 0
        entries = Self.settings.map { setting in
            let runOptions = TrainingOptions(epochs: options.epochs, lr: setting.lr, momentum: setting.momentum,
                                             optimizer: setting.optimizer, batchSize: options.batchSize,
                                             recordTimings: options.recordTimings)
            let run: TrainingRun
            if let done, Self.sameSettings(runOptions, options) {
                run = done
            } else {
                let loader = DataLoader(dataset: training, batchSize: options.batchSize, shuffle: true, generator: shuffleDraws.copy())
                run = TrainingRun(model: makeModel(), loader: loader, trainSet: trainSet, testSet: testSet, options: runOptions,
                                  name: setting.name, progress: progress)
            }
            stepsPerEpoch = run.stepsPerEpoch
            return Entry(name: setting.name, optimizer: setting.optimizer.rawValue, lr: setting.lr,
                         momentum: setting.optimizer == .sgd ? setting.momentum : nil, epochs: run.epochs,
                         diverged: run.divergence, stepLosses: run.stepLosses)
        }
        self.stepsPerEpoch = stepsPerEpoch
    }

    /// Whether two runs' options train alike (momentum counts for SGD only).
    static func sameSettings(_ a: TrainingOptions, _ b: TrainingOptions) -> Bool {
        a.optimizer == b.optimizer && a.lr == b.lr && a.epochs == b.epochs && a.batchSize == b.batchSize
            && (a.optimizer == .adam || a.momentum == b.momentum)
    }

    /// The results as an aligned table: each optimiser's last epoch loss and accuracies.
    var table: String {
        let header = ["optimizer", "lr", "last epoch loss", "train accuracy", "test accuracy"]
        let rows = entries.map { entry -> [String] in
            guard let last = entry.epochs.last, entry.diverged == nil else {
                return [entry.name, entry.lr.description, "diverged", "–", "–"]
            }
            return [entry.name, entry.lr.description, String(format: "%.4f", last.trainLoss), TrainingCell.percent(last.trainAccuracy),
                    TrainingCell.percent(last.testAccuracy)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - text.count) + text
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
