/// Indexing: rows (`tensor[i]`), single elements (`tensor[i, j]`, `item()`) and `select`.
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
        return Tensor(shape: newShape) { output in
            storage.withUnsafeBufferPointer { input in
                for block in 0..<outer {
                    let source = (block * size + resolved) * inner
                    for offset in 0..<inner {
                        output[block * inner + offset] = input[source + offset]
                    }
                }
            }
        }
    }

    // MARK: - Elements

    /// The element at (`row`, `column`) of a matrix (`tensor[i, j].item()`); negative counts from the end.
    public subscript(row: Int, column: Int) -> Float {
        get { storage[flatIndex([row, column])] }
        set { storage[flatIndex([row, column])] = newValue }
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
