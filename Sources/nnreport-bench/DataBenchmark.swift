import Datasets
import NN

/// Prints how long loading and normalising a whole dataset takes: the MNIST sample, and full Fashion-MNIST when installed.
func benchmarkData() {
    DataBenchmark.run(.mnistSample, label: "mnist-sample", repeats: 7)
    if DatasetSource.isFashionMNISTInstalled {
        DataBenchmark.run(.fashionMNIST(directory: nil), label: "fashion-mnist", repeats: 3)
    } else {
        print("data.load+normalize fashion-mnist: absent (\(DatasetSource.debianFashionMNISTDirectory) not found; apt-get install dataset-fashion-mnist)")
    }
}

/// Times both splits of one dataset: IDX read + inflate + validate, then bytes → normalised (N, 1, 28, 28) tensors.
enum DataBenchmark {
    /// Runs `repeats` times and prints the median total with its load / normalise parts.
    static func run(_ source: DatasetSource, label: String, repeats: Int) {
        var loads: [Double] = [], normalizes: [Double] = [], totals: [Double] = []
        var images = 0
        let clock = ContinuousClock()
        do {
            for _ in 0..<repeats {
                let start = clock.now
                let splits = try DatasetSplit.allCases.map { try MNISTDataset(source, split: $0) }
                let loaded = clock.now
                let tensors = splits.map { $0.imagesTensor(transform: .mnist) }
                let end = clock.now
                // Keep the work observable so it cannot be optimised away.
                images = tensors.reduce(0) { $0 + $1.shape[0] }
                precondition(tensors.allSatisfy { $0.storage.last.map { (-1...1).contains($0) } ?? true })
                loads.append(milliseconds(loaded - start))
                normalizes.append(milliseconds(end - loaded))
                totals.append(milliseconds(end - start))
            }
        } catch {
            print("data.load+normalize \(label): error: \(error)")
            return
        }
        print("data.load+normalize \(label) (\(images) images): \(format(median(totals))) ms "
              + "(load \(format(median(loads))) ms + normalize \(format(median(normalizes))) ms; median of \(repeats))")
    }

    /// The duration in milliseconds.
    private static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1e3 + Double(parts.attoseconds) * 1e-15
    }

    /// The middle value (upper middle for an even count).
    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// One decimal place.
    private static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
    }
}
