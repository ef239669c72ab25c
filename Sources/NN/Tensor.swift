/// An n-dimensional array of `Float` in contiguous row-major storage, with PyTorch's semantics.
///
/// Value type: copies share storage until one is written (copy-on-write of `[Float]`).
public struct Tensor: Sendable {
    /// The size of each dimension, outermost first; `[]` is a 0-dimensional scalar.
    public internal(set) var shape: [Int]
    /// The elements in row-major order; `storage.count == shape.reduce(1, *)`.
    public internal(set) var storage: [Float]

    /// Wraps `storage` with `shape`; the element count must match.
    public init(shape: [Int], storage: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        precondition(storage.count == shape.reduce(1, *),
                     "Tensor: \(storage.count) elements do not fill shape \(shape)")
        self.shape = shape
        self.storage = storage
    }

    /// The number of elements.
    public var count: Int { storage.count }

    /// The number of dimensions.
    public var rank: Int { shape.count }
}
