/// Factory functions: constant, evenly spaced and random tensors (`torch.zeros`, `torch.randn`, …).
extension Tensor {
    // MARK: - Constant tensors

    /// A tensor of `shape` filled with zeros (`torch.zeros`).
    public static func zeros(_ shape: [Int]) -> Tensor {
        full(shape, value: 0)
    }

    /// A tensor of `shape` filled with ones (`torch.ones`).
    public static func ones(_ shape: [Int]) -> Tensor {
        full(shape, value: 1)
    }

    /// A tensor of `shape` filled with `value` (`torch.full`).
    public static func full(_ shape: [Int], value: Float) -> Tensor {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor.full: negative dimension in shape \(shape)")
        return Tensor(shape: shape, storage: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// A 0-dimensional tensor holding `value` (`torch.tensor(3.0)`).
    public init(scalar value: Float) {
        self.init(shape: [], storage: [value])
    }

    /// A tensor from `values` with `shape`; without a shape, a 1-D tensor (`torch.tensor([...])`).
    public init(_ values: [Float], shape: [Int]? = nil) {
        self.init(shape: shape ?? [values.count], storage: values)
    }

    /// A 2-D tensor from nested rows, all of the same length (`torch.tensor([[1, 2], [3, 4]])`).
    public init(rows: [[Float]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns },
                     "Tensor(rows:): rows have different lengths \(rows.map(\.count))")
        self.init(shape: [rows.count, columns], storage: rows.flatMap { $0 })
    }

    // MARK: - Ranges

    /// `steps` values evenly spaced from `start` to `end` inclusive (`torch.linspace`).
    public static func linspace(_ start: Float, _ end: Float, steps: Int) -> Tensor {
        precondition(steps >= 0, "Tensor.linspace: negative number of steps \(steps)")
        guard steps > 1 else { return Tensor(shape: [steps], storage: steps == 1 ? [start] : []) }
        // Computed in Double, from both ends, so the last value is exactly `end` as in NumPy.
        let step = (Double(end) - Double(start)) / Double(steps - 1)
        let half = steps / 2
        let values = (0..<steps).map { index -> Float in
            index < half ? Float(Double(start) + step * Double(index))
                         : Float(Double(end) - step * Double(steps - 1 - index))
        }
        return Tensor(shape: [steps], storage: values)
    }

    /// The integers `0..<end` as floats (`torch.arange(end)`).
    public static func arange(_ end: Int) -> Tensor {
        precondition(end >= 0, "Tensor.arange: negative end \(end)")
        return Tensor(shape: [end], storage: (0..<end).map(Float.init))
    }

    // MARK: - Random tensors

    /// Standard normal samples of `shape` from `generator` (`torch.randn`, but not its stream).
    public static func randn(_ shape: [Int], generator: inout Generator) -> Tensor {
        normal(shape, mean: 0, std: 1, generator: &generator)
    }

    /// Normal samples with `mean` and `std` (`torch.normal`).
    public static func normal(_ shape: [Int], mean: Float = 0, std: Float = 1, generator: inout Generator) -> Tensor {
        var tensor = zeros(shape)
        tensor.normal_(mean: mean, std: std, generator: &generator)
        return tensor
    }

    /// Uniform samples in [`low`, `high`) (`torch.rand` scaled, or `torch.empty(...).uniform_`).
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1, generator: inout Generator) -> Tensor {
        var tensor = zeros(shape)
        tensor.uniform_(low: low, high: high, generator: &generator)
        return tensor
    }
}
