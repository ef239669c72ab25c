/// Indexing: rows (`tensor[i]`), `select`, `narrow`, `indexSelect` and single elements (`tensor[i, j]`, `item()`).
extension Tensor {
    // MARK: - Sub-tensors

    /// The sub-tensor at `index` along the first dimension (`tensor[i]`); negative counts from the end.
    public subscript(index: Int) -> Tensor {
        select(dim: 0, index: index)
    }

    /// The slice at `index` along `dim`, with that dimension removed (`tensor.select(dim, i)`,
    /// `tensor[:, i]` for `dim: 1`).
    public func select(dim: Int, index: Int) -> Tensor {
        precondition(rank > 0, "Tensor.select: cannot index a 0-dimensional tensor")
        let axis = normalizedDimension(dim, operation: "select")
        let size = shape[axis]
        let resolved = index < 0 ? index + size : index
        precondition(resolved >= 0 && resolved < size,
                     "Tensor.select: index \(index) is out of bounds for dimension \(axis) with size \(size) (shape \(shape))")
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var newShape = shape
        newShape.remove(at: axis)
        var result = Tensor(shape: newShape) { output in
            storage.withUnsafeBufferPointer { input in
                for block in 0..<outer {
                    let source = (block * size + resolved) * inner
                    for offset in 0..<inner {
                        output[block * inner + offset] = input[source + offset]
                    }
                }
            }
        }
        let inputShape = shape
        result.recordUnary("SelectBackward0", of: self) { gradient in
            // The slice's gradient in place of the slice, zero elsewhere.
            var full = Tensor.zeros(inputShape)
            for block in 0..<outer {
                let target = (block * size + resolved) * inner
                for offset in 0..<inner { full.storage[target + offset] = gradient.storage[block * inner + offset] }
            }
            return full
        }
        return result
    }

    /// `length` consecutive entries of dimension `dim` from `start` (`tensor.narrow(dim, start, length)`,
    /// `tensor[start:start + length]` for `dim: 0`), copied.
    public func narrow(dim: Int, start: Int, length: Int) -> Tensor {
        precondition(rank > 0, "Tensor.narrow: cannot narrow a 0-dimensional tensor")
        let axis = normalizedDimension(dim, operation: "narrow")
        precondition(start >= 0 && length >= 0 && start + length <= shape[axis],
                     "Tensor.narrow: \(start)..<\(start + length) is out of range for dimension \(axis) of shape \(shape)")
        return indexSelect(dim: axis, indices: Array(start..<(start + length)), recordingAs: "SliceBackward0")
    }

    /// The entries `indices` of dimension `dim`, in that order (`tensor.index_select(dim, indices)`,
    /// `tensor[indices]` for `dim: 0`): how a shuffled epoch gathers its images.
    public func indexSelect(dim: Int, indices: [Int]) -> Tensor {
        precondition(rank > 0, "Tensor.indexSelect: cannot index a 0-dimensional tensor")
        return indexSelect(dim: normalizedDimension(dim, operation: "indexSelect"), indices: indices,
                           recordingAs: "IndexSelectBackward0")
    }

    /// Gathers `indices` of dimension `axis` block by block, one contiguous copy per entry.
    private func indexSelect(dim axis: Int, indices: [Int], recordingAs name: String) -> Tensor {
        let size = shape[axis]
        precondition(indices.allSatisfy { (0..<size).contains($0) },
                     "Tensor.indexSelect: an index is out of range 0..<\(size) for dimension \(axis) of shape \(shape)")
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var newShape = shape
        newShape[axis] = indices.count
        var result = Tensor(shape: newShape) { output in
            guard output.count > 0 else { return }
            storage.withUnsafeBufferPointer { input in
                for block in 0..<outer {
                    for (slot, index) in indices.enumerated() {
                        (output.baseAddress! + (block * indices.count + slot) * inner)
                            .update(from: input.baseAddress! + (block * size + index) * inner, count: inner)
                    }
                }
            }
        }
        let inputShape = shape
        result.recordUnary(name, of: self) { gradient in
            // Each selected entry's gradient added back where it came from (an index may repeat).
            var full = Tensor.zeros(inputShape)
            for block in 0..<outer {
                for (slot, index) in indices.enumerated() {
                    for offset in 0..<inner {
                        full.storage[(block * size + index) * inner + offset]
                            += gradient.storage[(block * indices.count + slot) * inner + offset]
                    }
                }
            }
            return full
        }
        return result
    }

    // MARK: - Elements

    /// The element at (`row`, `column`) of a matrix (`tensor[i, j].item()`); negative counts from the end.
    public subscript(row: Int, column: Int) -> Float {
        get { storage[flatIndex([row, column])] }
        set {
            checkUnrecordedChange("subscript(row:column:)")
            storage[flatIndex([row, column])] = newValue
        }
    }

    /// The element at `indices`, one per dimension.
    public func element(at indices: [Int]) -> Float {
        storage[flatIndex(indices)]
    }

    /// The value of a one-element tensor (`Tensor.item()`).
    public func item() -> Float {
        precondition(count == 1, "Tensor.item: a tensor with \(count) elements (shape \(shape)) cannot be converted to a scalar")
        return storage[0]
    }

    /// The storage offset of `indices` in row-major order.
    func flatIndex(_ indices: [Int]) -> Int {
        precondition(indices.count == rank, "Tensor: \(indices.count) indices for a tensor of shape \(shape)")
        var offset = 0
        for (axis, index) in indices.enumerated() {
            let size = shape[axis]
            let resolved = index < 0 ? index + size : index
            precondition(resolved >= 0 && resolved < size,
                         "Tensor: index \(index) is out of bounds for dimension \(axis) with size \(size) (shape \(shape))")
            offset = offset * size + resolved
        }
        return offset
    }
}
