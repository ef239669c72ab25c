import NN

/// PyTorch's `transforms.Normalize(mean, std)` for one channel: x becomes (x − mean) / std.
public struct Normalize: Sendable {
    /// The value subtracted from every element.
    public let mean: Float
    /// The value every centred element is divided by; not zero.
    public let std: Float

    /// The transform; `Normalize(mean: 0.5, std: 0.5)` maps [0, 1] onto [−1, 1].
    public init(mean: Float, std: Float) {
        precondition(std != 0 && std.isFinite && mean.isFinite, "Normalize: std must be finite and non-zero, got \(std)")
        self.mean = mean
        self.std = std
    }

    /// One element: `(x − mean) / std`, in Float like PyTorch's `sub_(mean).div_(std)`.
    public func callAsFunction(_ x: Float) -> Float { (x - mean) / std }

    /// Every element of `tensor`, same shape.
    public func callAsFunction(_ tensor: Tensor) -> Tensor {
        Tensor(shape: tensor.shape, storage: tensor.storage.map { self($0) })
    }
}
