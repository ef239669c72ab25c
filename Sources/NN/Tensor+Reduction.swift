/// Reductions: `sum`, `mean`, `max`, `argmax`, over everything or along one dimension.
///
/// A reduced dimension is removed, or kept with size 1 when `keepdim` is true (PyTorch's rule).
/// Sums accumulate in `Double`, so long reductions keep float32 results accurate.
extension Tensor {
    // MARK: - Sum and mean

    /// The sum of all elements (`Tensor.sum()`).
    public func sum() -> Float {
        storage.withUnsafeBufferPointer { buffer in
            var total = 0.0
            for value in buffer { total += Double(value) }
            return Float(total)
        }
    }

    /// Sums along `dim` (`Tensor.sum(dim=..., keepdim=...)`); `dim` may be negative.
    public func sum(dim: Int, keepdim: Bool = false) -> Tensor {
        let layout = ReductionLayout(shape: shape, dim: normalizedDimension(dim, operation: "sum"))
        var result = Tensor(shape: layout.resultShape(keepdim: keepdim), storage: sums(layout))
        let inputShape = shape
        result.recordUnary("SumBackward1", of: self) { $0.expanded(along: layout, to: inputShape) }
        return result
    }

    /// The sum of all elements as PyTorch's `Tensor.sum()` returns it: a 0-dim tensor, recorded for
    /// autograd (`SumBackward0`). `sum()` gives the same value as a `Float`.
    public func sumAll() -> Tensor {
        var result = Tensor(scalar: sum())
        let inputShape = shape
        result.recordUnary("SumBackward0", of: self) { Tensor.full(inputShape, value: $0.storage[0]) }
        return result
    }

    /// The sums along the layout's dimension, accumulated in Double, as Floats.
    private func sums(_ layout: ReductionLayout) -> [Float] {
        var totals = [Double](repeating: 0, count: layout.outer * layout.inner)
        storage.withUnsafeBufferPointer { input in
            totals.withUnsafeMutableBufferPointer { totals in
                for block in 0..<layout.outer {
                    for step in 0..<layout.size {
                        let source = (block * layout.size + step) * layout.inner
                        let target = block * layout.inner
                        for offset in 0..<layout.inner { totals[target + offset] += Double(input[source + offset]) }
                    }
                }
            }
        }
        return totals.map(Float.init)
    }

    /// A reduced gradient (dimension removed or kept) repeated along the layout's dimension to `shape`.
    func expanded(along layout: ReductionLayout, to shape: [Int]) -> Tensor {
        precondition(count == layout.outer * layout.inner,
                     "Tensor.expanded: \(count) values for a reduction of \(shape) along \(layout.dim)")
        return Tensor(shape: shape) { output in
            storage.withUnsafeBufferPointer { reduced in
                for block in 0..<layout.outer {
                    for step in 0..<layout.size {
                        let target = (block * layout.size + step) * layout.inner
                        for offset in 0..<layout.inner { output[target + offset] = reduced[block * layout.inner + offset] }
                    }
                }
            }
        }
    }

    /// The mean of all elements (`Tensor.mean()`); NaN for an empty tensor, as in PyTorch.
    public func mean() -> Float {
        count == 0 ? .nan : Float(Double(sum()) / Double(count))
    }

    /// The mean of all elements as PyTorch's `Tensor.mean()` returns it: a 0-dim tensor, recorded
    /// for autograd (`MeanBackward0`). `mean()` gives the same value as a `Float`.
    public func meanAll() -> Tensor {
        var result = Tensor(scalar: mean())
        let inputShape = shape, elements = Float(count)
        result.recordUnary("MeanBackward0", of: self) { Tensor.full(inputShape, value: $0.storage[0] / elements) }
        return result
    }

    /// Means along `dim` (`Tensor.mean(dim=..., keepdim=...)`).
    public func mean(dim: Int, keepdim: Bool = false) -> Tensor {
        let layout = ReductionLayout(shape: shape, dim: normalizedDimension(dim, operation: "mean"))
        let size = Float(layout.size)
        var result = Tensor(shape: layout.resultShape(keepdim: keepdim), storage: sums(layout).map { $0 / size })
        let inputShape = shape
        result.recordUnary("MeanBackward1", of: self) { ($0 / size).expanded(along: layout, to: inputShape) }
        return result
    }

    // MARK: - Maximum

    /// The largest element (`Tensor.max()`); NaN if any element is NaN.
    public func max() -> Float {
        precondition(count > 0, "Tensor.max: empty tensor of shape \(shape) has no maximum")
        return storage[argmax()]
    }

    /// The flat index of the largest element (`Tensor.argmax()`); ties give the first index.
    public func argmax() -> Int {
        precondition(count > 0, "Tensor.argmax: empty tensor of shape \(shape) has no maximum")
        return storage.withUnsafeBufferPointer { buffer in
            var best = 0
            for index in 1..<buffer.count where Self.isGreater(buffer[index], than: buffer[best]) { best = index }
            return best
        }
    }

    /// The largest values along `dim` and their indices (`Tensor.max(dim)`); ties give the first index.
    ///
    /// Indices are stored as `Float` (exact below 2^24): the engine has a single element type.
    public func max(dim: Int, keepdim: Bool = false) -> (values: Tensor, indices: Tensor) {
        let layout = ReductionLayout(shape: shape, dim: normalizedDimension(dim, operation: "max"))
        precondition(layout.size > 0, "Tensor.max: cannot reduce over empty dimension \(dim) of shape \(shape)")
        var values = [Float](repeating: 0, count: layout.outer * layout.inner)
        var indices = [Float](repeating: 0, count: layout.outer * layout.inner)
        storage.withUnsafeBufferPointer { input in
            for block in 0..<layout.outer {
                for offset in 0..<layout.inner {
                    var bestStep = 0
                    var bestValue = input[block * layout.size * layout.inner + offset]
                    for step in 1..<layout.size {
                        let value = input[(block * layout.size + step) * layout.inner + offset]
                        if Self.isGreater(value, than: bestValue) { bestStep = step; bestValue = value }
                    }
                    values[block * layout.inner + offset] = bestValue
                    indices[block * layout.inner + offset] = Float(bestStep)
                }
            }
        }
        let resultShape = layout.resultShape(keepdim: keepdim)
        var maxima = Tensor(shape: resultShape, storage: values)
        let inputShape = shape
        maxima.recordUnary("MaxBackward0", of: self) { [indices] gradient in
            // Each maximum's gradient goes to the element it was taken from.
            var result = Tensor.zeros(inputShape)
            for block in 0..<layout.outer {
                for offset in 0..<layout.inner {
                    let position = block * layout.inner + offset
                    let step = Int(indices[position])
                    result.storage[(block * layout.size + step) * layout.inner + offset] = gradient.storage[position]
                }
            }
            return result
        }
        return (maxima, Tensor(shape: resultShape, storage: indices))
    }

    /// The indices of the largest values along `dim` (`Tensor.argmax(dim)`), as `Float`s.
    public func argmax(dim: Int, keepdim: Bool = false) -> Tensor {
        max(dim: dim, keepdim: keepdim).indices
    }

    /// PyTorch's ordering for maxima: NaN beats everything, otherwise strictly greater wins.
    private static func isGreater(_ value: Float, than best: Float) -> Bool {
        value > best || (value.isNaN && !best.isNaN)
    }
}

/// A tensor seen as (outer, size, inner) around the reduced dimension.
struct ReductionLayout: Sendable {
    /// The shape being reduced.
    let shape: [Int]
    /// The reduced dimension, already normalised.
    let dim: Int
    /// The product of the dimensions before `dim`.
    let outer: Int
    /// The size of `dim`.
    let size: Int
    /// The product of the dimensions after `dim`.
    let inner: Int

    /// The layout of `shape` around `dim`.
    init(shape: [Int], dim: Int) {
        self.shape = shape
        self.dim = dim
        outer = shape[..<dim].reduce(1, *)
        size = shape[dim]
        inner = shape[(dim + 1)...].reduce(1, *)
    }

    /// Calls `body` for each group of elements along `dim`: its first storage offset, its size and
    /// the distance between its elements.
    func forEachGroup(_ body: (_ first: Int, _ count: Int, _ stride: Int) -> Void) {
        for block in 0..<outer {
            for offset in 0..<inner { body(block * size * inner + offset, size, inner) }
        }
    }

    /// The reduced shape: `dim` removed, or kept as 1.
    func resultShape(keepdim: Bool) -> [Int] {
        var result = shape
        if keepdim { result[dim] = 1 } else { result.remove(at: dim) }
        return result
    }
}
