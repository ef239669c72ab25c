import NN

/// PyTorch's `RandomSampler` with no generator of its own: each pass seeds a private generator
/// from the global one and visits the indices in that generator's `randperm` order.
struct TorchRandomSampler {
    /// The number of indices, 0..<count.
    let count: Int

    /// One pass's order: draws a seed from `generator` as `torch.empty((), dtype=torch.int64).random_()`
    /// does (two 32-bit draws), seeds a fresh generator with it and returns its `randperm(count)`.
    func order(drawingFrom generator: TorchGenerator) -> [Int] {
        let seed = generator.randomInt64()
        return TorchGenerator(seed: seed).randperm(count)
    }
}
