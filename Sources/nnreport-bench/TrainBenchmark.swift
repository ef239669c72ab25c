import Datasets
import NN

/// Prints the training throughput of the lesson's network: images/s over one epoch, the share of
/// that time spent in matrix products, and the test accuracy after the epoch.
///
/// Sequential(Linear 784→128, ReLU, Linear 128→64, ReLU, Linear 64→10, LogSoftmax(dim=1)),
/// NLLLoss, SGD(lr 0.003, momentum 0.9), batches of 64, on the embedded MNIST sample and, when
/// installed, Fashion-MNIST; each epoch from a fresh model. Two loops, as
/// `scripts/bench_torch_train.py` runs them in PyTorch: the whole training set pre-loaded as one
/// tensor, one permutation per epoch and each batch gathered from it; and the `DataLoader`, which
/// converts each batch's bytes as it goes. Lines:
/// `train relu-784-128-64-10 fashion-mnist preloaded (60000 images, …): 51234 images/s (products 61%); test accuracy …`.
func benchmarkTrain() {
    print("kernel: \(MatrixKernel.active); threads: \(KernelThreads.count)")
    TrainBenchmark.run(.mnistSample, label: "mnist-sample", runs: 5)
    if DatasetSource.isFashionMNISTInstalled {
        TrainBenchmark.run(.fashionMNIST(directory: nil), label: "fashion-mnist", runs: 3)
    } else {
        print("train fashion-mnist: absent (\(DatasetSource.debianFashionMNISTDirectory) not found; "
              + "apt-get install dataset-fashion-mnist)")
    }
}

/// One dataset's training benchmark.
enum TrainBenchmark {
    /// How batches reach the model.
    enum Loop: String, CaseIterable {
        /// The normalised training set in memory, batches gathered by a per-epoch permutation.
        case preloaded
        /// `DataLoader`: each batch converted from the dataset's bytes.
        case dataloader
    }

    /// What one epoch from a fresh model gave.
    struct Epoch {
        /// Training images per second.
        let rate: Double
        /// The share of the epoch's time spent in matrix products.
        let productShare: Double
        /// The share of test images classified right afterwards.
        let accuracy: Double
    }

    static let batchSize = 64

    /// Loads both splits of `source` and prints one line per loop: the median of `runs` epochs.
    static func run(_ source: DatasetSource, label: String, runs: Int) {
        let train: MNISTDataset, test: MNISTDataset
        do {
            train = try MNISTDataset(source, split: .train)
            test = try MNISTDataset(source, split: .test)
        } catch {
            print("train \(label): error: \(error)")
            return
        }
        let images = train.imagesTensor(transform: .mnist).view(train.count, -1)
        let labels = train.labels.map(Int.init)
        let testImages = test.imagesTensor(transform: .mnist).view(test.count, -1)
        let testLabels = test.labels.map(Int.init)
        for loop in Loop.allCases {
            let epochs = (0..<runs).map { run in
                epoch(loop, seed: UInt64(run), images: images, labels: labels, dataset: train,
                      testImages: testImages, testLabels: testLabels)
            }
            let rates = epochs.map(\.rate).sorted(), shares = epochs.map(\.productShare).sorted()
            let accuracies = epochs.map { format($0.accuracy, digits: 4) }.joined(separator: ", ")
            let meanAccuracy = epochs.map(\.accuracy).reduce(0, +) / Double(runs)
            print("train relu-784-128-64-10 \(label) \(loop.rawValue) (\(train.count) images, batch \(batchSize), "
                  + "\(runs) epochs from fresh models): \(Int(rates[runs / 2].rounded())) images/s "
                  + "(matrix products \(Int((shares[runs / 2] * 100).rounded()))% of the time); "
                  + "test accuracy after 1 epoch \(accuracies) (mean \(format(meanAccuracy, digits: 4)))")
        }
    }

    /// The lesson's training network, initialised from `generator`.
    static func network(generator: inout Generator) -> Sequential {
        Sequential(Linear(784, 128, generator: &generator), ReLU(), Linear(128, 64, generator: &generator), ReLU(),
                   Linear(64, 10, generator: &generator), LogSoftmax(dim: 1))
    }

    /// Trains a fresh model for one epoch through `loop`, timing it, then measures its test accuracy.
    static func epoch(_ loop: Loop, seed: UInt64, images: Tensor, labels: [Int], dataset: MNISTDataset,
                      testImages: Tensor, testLabels: [Int]) -> Epoch {
        var generator = Generator(seed: seed)
        let model = network(generator: &generator)
        let optimizer = SGD(model.parameters(), lr: 0.003, momentum: 0.9)
        let criterion = NLLLoss()
        /// One step on a batch: the lesson's training loop body.
        func step(_ batch: Tensor, _ targets: [Int]) {
            optimizer.zeroGrad()
            let loss = criterion(model(batch), targets)
            loss.backward()
            optimizer.step()
        }
        let clock = ContinuousClock()
        let start = clock.now
        let (_, products) = ProductTimer.measure {
            switch loop {
            case .preloaded:
                let order = generator.permutation(labels.count)
                for first in stride(from: 0, to: order.count, by: batchSize) {
                    let indices = Array(order[first..<min(first + batchSize, order.count)])
                    step(images.indexSelect(dim: 0, indices: indices), indices.map { labels[$0] })
                }
            case .dataloader:
                for batch in DataLoader(dataset: dataset, batchSize: batchSize, shuffle: true, seed: seed) {
                    step(batch.images.view(batch.count, -1), batch.labels)
                }
            }
        }
        let elapsed = seconds(start.duration(to: clock.now))
        let predictions = withNoGrad { model(testImages) }.argmax(dim: 1).storage
        let correct = zip(predictions, testLabels).filter { Int($0) == $1 }.count
        return Epoch(rate: Double(labels.count) / elapsed, productShare: seconds(products) / elapsed,
                     accuracy: Double(correct) / Double(testLabels.count))
    }

    /// `duration` in seconds.
    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// `value` with `digits` decimals.
    private static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let fraction = String(scaled % Int(scale))
        return "\(scaled / Int(scale)).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}
