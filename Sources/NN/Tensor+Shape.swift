/// Shape changes over the same row-major elements: `view`, `reshape`, `flatten`, `squeeze`, `t`.
///
/// Each is recorded for autograd under PyTorch's name; the gradient takes the input's shape back.
extension Tensor {
    // MARK: - View and reshape

    /// The same elements with a new `shape`; one dimension may be `-1` and is inferred (`Tensor.view`).
    ///
    /// Storage is contiguous, so `view` and `reshape` are the same operation.
    public func view(_ shape: [Int]) -> Tensor {
        reshaped(resolvedShape(shape, operation: "view"), recordingAs: "ViewBackward0")
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
        guard rank > 0 else { return reshaped([1], recordingAs: "ViewBackward0") }
        let start = normalizedDimension(startDim, operation: "flatten")
        let end = normalizedDimension(endDim, operation: "flatten")
        precondition(start <= end, "Tensor.flatten: startDim \(startDim) comes after endDim \(endDim) for shape \(shape)")
        guard start < end else { return self }  // Nothing to merge: PyTorch returns the tensor itself.
        let merged = shape[start...end].reduce(1, *)
        return reshaped(Array(shape[..<start]) + [merged] + Array(shape[(end + 1)...]), recordingAs: "ViewBackward0")
    }

    // MARK: - Size-one dimensions

    /// Removes every dimension of size 1 (`Tensor.squeeze()`).
    public func squeeze() -> Tensor {
        reshaped(shape.filter { $0 != 1 }, recordingAs: "SqueezeBackward0")
    }

    /// Removes dimension `dim` when its size is 1, like `Tensor.squeeze(dim)`.
    public func squeeze(dim: Int) -> Tensor {
        let resolved = normalizedDimension(dim, operation: "squeeze")
        var newShape = shape
        if shape[resolved] == 1 { newShape.remove(at: resolved) }
        return reshaped(newShape, recordingAs: "SqueezeBackward1")
    }

    /// Inserts a dimension of size 1 at `dim` (`Tensor.unsqueeze`); `dim` may be `rank` or negative.
    public func unsqueeze(dim: Int) -> Tensor {
        let resolved = dim < 0 ? dim + rank + 1 : dim
        precondition(resolved >= 0 && resolved <= rank, "Tensor.unsqueeze: dimension \(dim) out of range for shape \(shape)")
        var newShape = shape
        newShape.insert(1, at: resolved)
        return reshaped(newShape, recordingAs: "UnsqueezeBackward0")
    }

    // MARK: - Transpose

    /// The transpose of a matrix (`Tensor.t()`); a 1-D tensor is returned unchanged, as in PyTorch.
    public func t() -> Tensor {
        precondition(rank <= 2, "Tensor.t: expects at most 2 dimensions, got shape \(shape)")
        var result = transposedMatrix()
        result.recordUnary("TBackward0", of: self) { $0.transposedMatrix() }
        return result
    }

    /// The transpose of a matrix, unrecorded; other ranks unchanged.
    private func transposedMatrix() -> Tensor {
        guard rank == 2 else { return detached() }
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

    /// The same elements with `newShape` (same count), recorded as `name`: the gradient is reshaped back.
    private func reshaped(_ newShape: [Int], recordingAs name: String) -> Tensor {
        var result = Tensor(shape: newShape, storage: storage)
        let inputShape = shape
        result.recordUnary(name, of: self) { $0.withShape(inputShape) }
        return result
    }

    /// The same elements with `newShape` (same count), without history.
    func withShape(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, storage: storage)
    }

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
