/// An n-dimensional array of `Float` in contiguous row-major storage, with PyTorch's semantics.
///
/// Value type: copies share storage until one is written (copy-on-write of `[Float]`). A tensor
/// that requires grad also carries its place in the autograd graph (see `Tensor+Autograd.swift`);
/// one that does not pays nothing for it.
public struct Tensor: Sendable, Equatable {
    /// The size of each dimension, outermost first; `[]` is a 0-dimensional scalar.
    public internal(set) var shape: [Int]
    /// The elements in row-major order; `storage.count == shape.reduce(1, *)`.
    public internal(set) var storage: [Float]
    /// The tensor's autograd node: a leaf's, or the operation's that made it; nil when it does not require grad.
    var node: GradNode?

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

    /// Equal shapes and elements; whether either requires grad does not matter (`torch.equal`).
    public static func == (left: Tensor, right: Tensor) -> Bool {
        left.shape == right.shape && left.storage == right.storage
    }
}

// MARK: - Internal construction

extension Tensor {
    /// Allocates a tensor of `shape` and lets `initialize` write every element (no zero-fill first).
    ///
    /// The hot paths (matmul outputs, element-wise results) use this to avoid a needless pass.
    init(shape: [Int], initializingWith initialize: (inout UnsafeMutableBufferPointer<Float>) -> Void) {
        let count = shape.reduce(1, *)
        self.shape = shape
        self.storage = [Float](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            initialize(&buffer)
            initializedCount = count
        }
    }

    /// The dimension `dim` resolved against the rank, allowing PyTorch's negative indices.
    func normalizedDimension(_ dim: Int, operation: String) -> Int {
        let resolved = dim < 0 ? dim + rank : dim
        precondition(resolved >= 0 && resolved < rank,
                     "Tensor.\(operation): dimension \(dim) out of range for shape \(shape)")
        return resolved
    }
}
