import Datasets
import Foundation
import NN

/// The lesson's training loop run on the training split, epoch by epoch, with accuracies measured after each.
///
/// ```
/// for e in range(epochs):
///     running_loss = 0
///     for images, labels in trainloader:
///         images = images.view(images.shape[0], -1)
///         optimizer.zero_grad()
///         loss = criterion(model(images), labels)
///         loss.backward()
///         optimizer.step()
///         running_loss += loss.item()
///     print(f"Training loss: {running_loss/len(trainloader)}")
/// ```
/// A step whose loss is not finite (NaN or ±inf: the run diverged) stops training before its update.
struct TrainingRun {
    /// One completed epoch.
    struct Epoch: Encodable, Sendable {
        /// 1-based.
        let epoch: Int
        /// The mean of the epoch's batch losses, summed in Double as Python sums `loss.item()`.
        let trainLoss: Double
        /// The share of the training split classified right after the epoch.
        let trainAccuracy: Double
        /// The share of the test split classified right after the epoch.
        let testAccuracy: Double
        /// Seconds spent training in this epoch alone (0 without timings).
        let seconds: Double

        private enum CodingKeys: String, CodingKey {
            case epoch, trainLoss = "train_loss", trainAccuracy = "train_accuracy", testAccuracy = "test_accuracy", seconds
        }
    }

    /// Where a diverged run stopped.
    struct Divergence: Encodable, Sendable {
        /// The epoch (1-based) of the step whose loss was not finite.
        let epoch: Int
        /// The step within that epoch (1-based).
        let step: Int
        /// The loss as printed ("nan", "inf").
        let loss: String
    }

    /// Every step's loss, in order, up to (not including) a non-finite one.
    private(set) var stepLosses: [Float] = []
    /// The completed epochs.
    private(set) var epochs: [Epoch] = []
    /// Set when a step's loss was not finite.
    private(set) var divergence: Divergence?
    /// Steps per epoch (`len(trainloader)`).
    let stepsPerEpoch: Int

    /// Trains `model` with `options` on batches of `loader` (a new shuffle per epoch), evaluating on both splits.
    init(model: Sequential, loader: DataLoader, trainSet: (images: Tensor, labels: [Int]),
         testSet: (images: Tensor, labels: [Int]), options: TrainingOptions, name: String = "training",
         progress: TrainingProgress.Handler? = nil) {
        stepsPerEpoch = loader.batchCount
        let optimizer: Optimizer = switch options.optimizer {
        case .sgd: SGD(model.parameters(), lr: options.lr, momentum: options.momentum)
        case .adam: Adam(model.parameters(), lr: options.lr)
        }
        let criterion = NLLLoss()
        let clock = ContinuousClock()
        epochLoop: for epoch in stride(from: 1, through: options.epochs, by: 1) {
            let start = clock.now
            var runningLoss = 0.0
            var imagesSeen = 0
            for (index, batch) in loader.enumerated() {
                optimizer.zeroGrad()
                let loss = criterion(model(batch.images.view(batch.count, -1)), batch.labels)
                let value = loss.item()
                guard value.isFinite else {
                    divergence = Divergence(epoch: epoch, step: index + 1, loss: value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
                    break epochLoop
                }
                loss.backward()
                optimizer.step()
                stepLosses.append(value)
                runningLoss += Double(value)
                imagesSeen += batch.count
                if let progress {
                    progress(TrainingProgress(run: name, epoch: epoch, epochs: options.epochs, step: index + 1,
                                              stepsPerEpoch: stepsPerEpoch, loss: value,
                                              imagesPerSecond: Double(imagesSeen) / Self.seconds(start.duration(to: clock.now))))
                }
            }
            let seconds = options.recordTimings ? Self.seconds(start.duration(to: clock.now)) : 0
            epochs.append(Epoch(epoch: epoch, trainLoss: runningLoss / Double(stepsPerEpoch),
                                trainAccuracy: Self.accuracy(model, trainSet), testAccuracy: Self.accuracy(model, testSet),
                                seconds: seconds))
        }
    }

    /// A duration in seconds.
    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// The share of `set` that `model` classifies right, without recording gradients.
    static func accuracy(_ model: Module, _ set: (images: Tensor, labels: [Int])) -> Double {
        let correct = zip(predictions(model, set.images), set.labels).filter { $0 == $1 }.count
        return Double(correct) / Double(set.labels.count)
    }

    /// The class `model` gives each row of `images` (the index of its largest output), without gradients.
    static func predictions(_ model: Module, _ images: Tensor) -> [Int] {
        withNoGrad { model(images) }.argmax(dim: 1).storage.map { Int($0) }
    }
}
