import NN

/// PyTorch's `transforms.ToTensor()` for 8-bit grayscale: byte b becomes b / 255, in [0, 1].
public struct ToTensor: Sendable {
    /// The transform (it has no parameters).
    public init() {}

    /// One pixel: `Float(byte) / 255`, computed in Float like PyTorch's `div(255)`.
    public func callAsFunction(_ byte: UInt8) -> Float { Float(byte) / 255 }

    /// Bytes to a tensor of `shape` (e.g. (1, 28, 28) for one image); the element count must match.
    public func callAsFunction(_ bytes: [UInt8], shape: [Int]) -> Tensor {
        Tensor(shape: shape, storage: bytes.map { self($0) })
    }
}
