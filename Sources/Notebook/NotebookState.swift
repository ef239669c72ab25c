import Datasets
import NN

/// What the lesson's cells share, in one value: the data loader, the batch it gave last, and the notebook's
/// one generator.
///
/// `torch.manual_seed(seed)` once at the top of the notebook: every random draw of the lesson — each new
/// iterator's shuffle, every weight — comes from `generator`, in the order the cells make them, so a cell's
/// numbers depend on the cells before it exactly as in the notebook.
public struct NotebookState {
    /// The dataset's kind: its class names and what its pictures show.
    public let kind: DatasetKind
    /// `trainloader = DataLoader(trainset, batch_size=64, shuffle=True)`.
    public let trainLoader: DataLoader
    /// The notebook's generator, PyTorch's own, seeded once (`torch.manual_seed(seed)`); every draw uses it.
    public let generator: TorchGenerator
    /// `images, labels` as the last `next(iter(trainloader))` left them.
    public private(set) var batch: Batch
    /// Weights to load into the lesson's 784-128-64-10 models once each is made (`--weights`), or nil.
    public let weights: NotebookWeights?

    /// The notebook's set-up: the loader over `training`, the generator seeded with `seed`, and the first
    /// `images, labels = next(iter(trainloader))`, which the data and flattening cells show. With `weights`, the
    /// cells still create their models from the generator — so every later draw is the same — then load them.
    public init(training: MNISTDataset, kind: DatasetKind, seed: UInt64, weights: NotebookWeights? = nil) {
        self.kind = kind
        self.weights = weights
        generator = TorchGenerator(seed: seed)
        trainLoader = DataLoader(dataset: training, batchSize: 64, shuffle: true, generator: generator)
        batch = Self.firstBatch(of: trainLoader)
    }

    /// `images, labels = next(iter(trainloader))`: a new iterator, so a new shuffle drawn from `generator`.
    @discardableResult
    public mutating func nextBatch() -> Batch {
        batch = Self.firstBatch(of: trainLoader)
        return batch
    }

    /// The first batch of a new iterator over `loader`: PyTorch's draws of `iter()` and the first `next()`.
    private static func firstBatch(of loader: DataLoader) -> Batch {
        var iterator = loader.makeIterator()
        guard let batch = iterator.next() else {
            preconditionFailure("the training set is empty, which the dataset reader rejects")
        }
        return batch
    }

    /// Loads `weights`, if any, into `model`, one of the lesson's 784-128-64-10 models, after it drew its initial values.
    public func loadWeights(into model: Module) {
        weights?.load(into: model)
    }

    // MARK: - The dataset's words

    /// The class names: digits for MNIST, garment names for Fashion-MNIST.
    public var classNames: [String] { kind.classNames }

    /// Whether figures label classes by name (Fashion-MNIST) rather than by digit.
    var labelsClassesByName: Bool { kind == .fashionMNIST }

    /// What one picture shows, for alt text: "handwritten digit" or "piece of clothing".
    var pictureSubject: String { kind == .fashionMNIST ? "piece of clothing" : "handwritten digit" }
}
