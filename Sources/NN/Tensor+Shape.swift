/// Shape changes over the same row-major elements: `view`, `reshape`, `flatten`, `squeeze`, `t`.
extension Tensor {
    // MARK: - View and reshape

    /// The same elements with a new `shape`; one dimension may be `-1` and is inferred (`Tensor.view`).
    ///
    /// Storage is contiguous, so `view` and `reshape` are the same operation.
    public func view(_ shape: [Int]) -> Tensor {
        Tensor(shape: resolvedShape(shape, operation: "view"), storage: storage)
    }

    /// The same elements with a new `shape`, one `-1` inferred (`Tensor.view(64, 1)`).
    public func view(_ shape: Int...) -> Tensor {
        view(shape)
    }

    /// The same elements with a new `shape`; one dimension may be `-1` and is inferred (`Tensor.reshape`).
    public func reshape(_ shape: [Int]) -> Tensor {
        view(shape)
    }

    /// The same elements with a new `shape`, one `-1` inferred (`Tensor.reshape(64, -1)`).
    public func reshape(_ shape: Int...) -> Tensor {
        view(shape)
    }

    /// Merges dimensions `startDim...endDim` into one (`torch.flatten`); defaults flatten everything.
    public func flatten(startDim: Int = 0, endDim: Int = -1) -> Tensor {
        guard rank > 0 else { return Tensor(shape: [1], storage: storage) }
        let start = normalizedDimension(startDim, operation: "flatten")
        let end = normalizedDimension(endDim, operation: "flatten")
        precondition(start <= end, "Tensor.flatten: startDim \(startDim) comes after endDim \(endDim) for shape \(shape)")
        let merged = shape[start...end].reduce(1, *)
        return Tensor(shape: Array(shape[..<start]) + [merged] + Array(shape[(end + 1)...]), storage: storage)
    }

    // MARK: - Size-one dimensions

    /// Removes every dimension of size 1 (`Tensor.squeeze()`).
    public func squeeze() -> Tensor {
        Tensor(shape: shape.filter { $0 != 1 }, storage: storage)
    }

    /// Removes dimension `dim` when its size is 1, like `Tensor.squeeze(dim)`.
    public func squeeze(dim: Int) -> Tensor {
        let resolved = normalizedDimension(dim, operation: "squeeze")
        guard shape[resolved] == 1 else { return self }
        var newShape = shape
        newShape.remove(at: resolved)
        return Tensor(shape: newShape, storage: storage)
    }

    /// Inserts a dimension of size 1 at `dim` (`Tensor.unsqueeze`); `dim` may be `rank` or negative.
    public func unsqueeze(dim: Int) -> Tensor {
        let resolved = dim < 0 ? dim + rank + 1 : dim
        precondition(resolved >= 0 && resolved <= rank, "Tensor.unsqueeze: dimension \(dim) out of range for shape \(shape)")
        var newShape = shape
        newShape.insert(1, at: resolved)
        return Tensor(shape: newShape, storage: storage)
    }

    // MARK: - Transpose

    /// The transpose of a matrix (`Tensor.t()`); a 1-D tensor is returned unchanged, as in PyTorch.
    public func t() -> Tensor {
        precondition(rank <= 2, "Tensor.t: expects at most 2 dimensions, got shape \(shape)")
        guard rank == 2 else { return self }
        let rows = shape[0], columns = shape[1]
        return Tensor(shape: [columns, rows]) { output in
            storage.withUnsafeBufferPointer { input in
                for row in 0..<rows {
                    for column in 0..<columns {
                        output[column * rows + row] = input[row * columns + column]
                    }
                }
            }
        }
    }

    // MARK: - Helpers

    /// `requested` with its single `-1` replaced so that the element count is preserved.
    func resolvedShape(_ requested: [Int], operation: String) -> [Int] {
        let inferred = requested.indices.filter { requested[$0] == -1 }
        precondition(inferred.count <= 1, "Tensor.\(operation): only one dimension can be inferred in \(requested)")
        precondition(requested.allSatisfy { $0 >= -1 }, "Tensor.\(operation): invalid dimension in \(requested)")
        guard let unknown = inferred.first else {
            precondition(requested.reduce(1, *) == count,
                         "Tensor.\(operation): shape \(requested) is invalid for input of shape \(shape) (\(count) elements)")
            return requested
        }
        let known = requested.enumerated().filter { $0.offset != unknown }.reduce(1) { $0 * $1.element }
        precondition(known > 0 && count % known == 0,
                     "Tensor.\(operation): shape \(requested) is invalid for input of shape \(shape) (\(count) elements)")
        var resolved = requested
        resolved[unknown] = count / known
        return resolved
    }
}
