/// Random tensors from PyTorch's generator, bit for bit: `torch.rand`, `torch.randn`, `uniform_`, `normal_`.
///
/// Unlike the xoshiro-based overloads that take `inout Generator`, these reproduce the numbers
/// PyTorch draws after the same `torch.manual_seed`, in the same order.
extension Tensor {
    /// Uniform samples in [0, 1) of `shape` (`torch.rand(shape)`).
    public static func rand(_ shape: [Int], generator: TorchGenerator) -> Tensor {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor.rand: negative dimension in shape \(shape)")
        return Tensor(shape: shape) { values in generator.fillUniform(values, from: 0, to: 1) }
    }

    /// Standard normal samples of `shape` (`torch.randn(shape)`).
    /// Values uniform in [`low`, `high`) (`torch.empty(shape).uniform_(low, high)`).
    public static func uniform(_ shape: [Int], low: Double, high: Double, generator: TorchGenerator) -> Tensor {
        var tensor = Tensor.zeros(shape)
        tensor.uniform_(from: low, to: high, generator: generator)
        return tensor
    }

    public static func randn(_ shape: [Int], generator: TorchGenerator) -> Tensor {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor.randn: negative dimension in shape \(shape)")
        return Tensor(shape: shape) { values in generator.fillNormal(values, mean: 0, std: 1) }
    }

    /// Replaces every element, in row-major order, with a uniform sample in [`from`, `to`) (`uniform_`).
    ///
    /// `from` and `to` are rounded to Float first, as PyTorch does for a float32 tensor.
    public mutating func uniform_(from: Double = 0, to: Double = 1, generator: TorchGenerator) {
        let low = Float(from), high = Float(to)
        precondition(low.isFinite && high.isFinite && low <= high,
                     "Tensor.uniform_: expects a finite range from <= to, got [\(from), \(to))")
        storage.withUnsafeMutableBufferPointer { values in
            generator.fillUniform(values, from: low, to: high)
        }
    }

    /// Replaces every element, in row-major order, with a normal sample of `mean` and `std` (`normal_`).
    public mutating func normal_(mean: Double = 0, std: Double = 1, generator: TorchGenerator) {
        precondition(std >= 0, "Tensor.normal_: negative standard deviation \(std)")
        storage.withUnsafeMutableBufferPointer { values in
            generator.fillNormal(values, mean: mean, std: std)
        }
    }
}
