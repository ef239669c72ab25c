import NN

/// PyTorch's `DataLoader` over an `MNISTDataset`: mini-batches in a shuffled order, new each epoch.
///
/// Each `for batch in loader` (each `makeIterator()`) is a new epoch with its own order. The last
/// batch keeps the remainder (no `drop_last`). Two orders:
/// - seeded (`init(dataset:batchSize:shuffle:seed:transform:)`): epoch e's order depends only on
///   the seed and e, through the xoshiro `Generator`; not PyTorch's numbers.
/// - PyTorch's (`init(dataset:batchSize:shuffle:generator:transform:)`): the exact draws of
///   `DataLoader(dataset, batch_size, shuffle)` with `num_workers=0` from the global generator.
///   Creating an iterator draws `_base_seed` (two 32-bit draws); its first `next()` draws the
///   sampler's seed (two more) and takes `randperm` from a fresh generator seeded with it.
public final class DataLoader: Sequence {
    /// The dataset the batches come from.
    public let dataset: MNISTDataset
    /// The number of images per batch (the last batch may have fewer).
    public let batchSize: Int
    /// Whether each epoch visits the images in a shuffled order (otherwise 0, 1, 2, …).
    public let shuffle: Bool
    /// The seed that fixes every epoch's order in the seeded order (0 and unused in PyTorch's).
    public let seed: UInt64
    /// The generator PyTorch's order draws from, shared like PyTorch's global generator; nil in
    /// the seeded order.
    public let torchGenerator: TorchGenerator?
    /// The pixel transform applied to each image.
    public let transform: Compose
    /// The number of epochs started so far (the next iteration is epoch `epochsStarted`).
    public private(set) var epochsStarted = 0

    /// A loader of `dataset` in batches of `batchSize` (default 64), shuffled with `seed` by default.
    public init(dataset: MNISTDataset, batchSize: Int = 64, shuffle: Bool = true, seed: UInt64 = 0,
                transform: Compose = .mnist) {
        precondition(batchSize > 0, "DataLoader: batchSize must be positive, got \(batchSize)")
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.torchGenerator = nil
        self.transform = transform
    }

    /// A loader that orders its epochs exactly as PyTorch's `DataLoader(dataset, batch_size=batchSize,
    /// shuffle=shuffle)` does when `generator` is PyTorch's global generator.
    ///
    /// `next(iter(trainloader))` in the notebook is `loader.makeIterator().next()` here: each call
    /// takes four draws from `generator` and gives a new first batch.
    public init(dataset: MNISTDataset, batchSize: Int = 64, shuffle: Bool = true, generator: TorchGenerator,
                transform: Compose = .mnist) {
        precondition(batchSize > 0, "DataLoader: batchSize must be positive, got \(batchSize)")
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = 0
        self.torchGenerator = generator
        self.transform = transform
    }

    /// The number of batches per epoch: ⌈count / batchSize⌉.
    public var batchCount: Int { (dataset.count + batchSize - 1) / batchSize }

    /// The order in which epoch `epoch` (0-based) visits the dataset's indices, in the seeded order.
    ///
    /// PyTorch's order depends on every draw from the shared generator before it, so a loader in
    /// that order has no order by epoch number: calling this on one is a programmer mistake.
    public func order(forEpoch epoch: Int) -> [Int] {
        precondition(epoch >= 0, "DataLoader: epoch must be non-negative, got \(epoch)")
        precondition(torchGenerator == nil, "DataLoader.order(forEpoch:): not available in PyTorch's order")
        guard shuffle else { return Array(0..<dataset.count) }
        // Like PyTorch's RandomSampler, each epoch draws its own seed from the loader's generator:
        // epoch e's order needs only e + 1 draws, not the orders of the epochs before it.
        // (`NN.` because inside a Sequence, plain `Generator` names the old alias of its Iterator.)
        var seeds = NN.Generator(seed: seed)
        var epochSeed: UInt64 = 0
        for _ in 0...epoch { epochSeed = seeds.next() }
        var generator = NN.Generator(seed: epochSeed)
        return generator.permutation(dataset.count)
    }

    /// The batch made of dataset images `indices`, in that order.
    public func batch(indices: [Int]) -> Batch {
        Batch(images: dataset.imagesTensor(indices: indices, transform: transform),
              labels: indices.map { dataset.label(at: $0) },
              labelTensor: dataset.labelsTensor(indices: indices),
              indices: indices)
    }

    // MARK: - Iterating with the caller's generator

    /// A new iterator whose order is drawn from `generator`, as PyTorch's `iter(trainloader)` draws from the
    /// global generator: first the iterator's base seed (unused without worker processes), then, when shuffling,
    /// the sampler's seed, which seeds a fresh generator for the permutation. `seed` and `epochsStarted` are
    /// not involved: the order depends only on what `generator` has drawn before.
    public func makeIterator(drawingFrom generator: inout NN.Generator) -> Iterator {
        _ = generator.next()  // _base_seed
        guard shuffle else { return Iterator(loader: self, order: Array(0..<dataset.count)) }
        var permutation = NN.Generator(seed: generator.next())
        return Iterator(loader: self, order: permutation.permutation(dataset.count))
    }

    // MARK: - Sequence

    /// Starts the next epoch (in PyTorch's order, draws the iterator's base seed now).
    public func makeIterator() -> Iterator {
        let epoch = epochsStarted
        epochsStarted += 1
        guard let generator = torchGenerator else {
            return Iterator(loader: self, order: order(forEpoch: epoch))
        }
        // `_BaseDataLoaderIter.__init__` draws `_base_seed`; without worker processes it is unused.
        _ = generator.randomInt64()
        return Iterator(loader: self, order: nil)
    }

    /// The order of a new pass in PyTorch's order: the sampler draws only now, at the first `next()`.
    fileprivate func torchOrder(drawingFrom generator: TorchGenerator) -> [Int] {
        shuffle ? TorchRandomSampler(count: dataset.count).order(drawingFrom: generator) : Array(0..<dataset.count)
    }

    /// The number of batches one iteration yields.
    public var underestimatedCount: Int { batchCount }

    /// Walks one epoch's order a batch at a time.
    public struct Iterator: IteratorProtocol {
        /// The loader that builds the batches.
        private let loader: DataLoader
        /// This epoch's order of dataset indices; nil until the first `next()` in PyTorch's order.
        private var order: [Int]?
        /// The position in `order` of the next batch's first index.
        private var position = 0

        /// An iterator over `order`, or over the order PyTorch's sampler draws at the first `next()`.
        init(loader: DataLoader, order: [Int]?) {
            self.loader = loader
            self.order = order
        }

        /// The next batch, or nil at the end of the epoch.
        public mutating func next() -> Batch? {
            if order == nil, let generator = loader.torchGenerator {
                order = loader.torchOrder(drawingFrom: generator)
            }
            guard let order, position < order.count else { return nil }
            let end = Swift.min(position + loader.batchSize, order.count)
            let indices = Array(order[position..<end])
            position = end
            return loader.batch(indices: indices)
        }
    }
}
