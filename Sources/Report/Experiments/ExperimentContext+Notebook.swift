import Datasets
import NN
import Notebook

/// The values the notebook's experiments share: the data loader, its first batch, seeded generators.
extension ExperimentContext {
    /// The training-set loader: batches of 64, shuffled with the run's seed, a new order each epoch.
    var trainLoader: DataLoader {
        shared("notebook.trainLoader") {
            DataLoader(dataset: dataset.train, batchSize: 64, shuffle: true, seed: seed)
        }
    }

    /// The first batch of the first epoch, as `next(iter(trainloader))` gives it in the notebook.
    var firstBatch: Batch {
        shared("notebook.firstBatch") { nextBatch() }
    }

    /// The first batch of a fresh epoch: the notebook calls `iter(trainloader)` again before each forward pass.
    func nextBatch() -> Batch {
        var iterator = trainLoader.makeIterator()
        guard let batch = iterator.next() else {
            preconditionFailure("the training set is empty, which the dataset loader rejects")
        }
        return batch
    }

    /// A generator for one experiment, derived from the run's seed and the experiment's id, so that
    /// each experiment's random numbers do not depend on which experiments ran before it.
    func generator(for experimentID: String) -> Generator {
        // FNV-1a over the id's bytes, mixed with the seed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in experimentID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Generator(seed: seed ^ hash)
    }

    /// The class names of the dataset: digits for MNIST, garment names for Fashion-MNIST.
    var classNames: [String] { dataset.kind.classNames }

    /// What one picture of the dataset shows, for alt text: "handwritten digit" or "piece of clothing".
    var pictureSubject: String { dataset.kind == .fashionMNIST ? "piece of clothing" : "handwritten digit" }

    /// Whether the figures should label classes by name (Fashion-MNIST) rather than by digit.
    var labelsClassesByName: Bool { dataset.kind == .fashionMNIST }
}
