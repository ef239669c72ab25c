/// In-place initialisers, PyTorch's trailing-underscore methods (`fill_`, `normal_`, `uniform_`).
///
/// They are not recorded: on a tensor that requires grad they belong inside `withNoGrad { }`.
extension Tensor {
    /// Sets every element to `value`.
    public mutating func fill_(_ value: Float) {
        checkUnrecordedChange("fill_")
        storage.withUnsafeMutableBufferPointer { buffer in
            buffer.update(repeating: value)
        }
    }

    /// Replaces every element with a normal sample of `mean` and `std`, in row-major order.
    public mutating func normal_(mean: Float = 0, std: Float = 1, generator: inout Generator) {
        precondition(std >= 0, "Tensor.normal_: negative standard deviation \(std)")
        checkUnrecordedChange("normal_")
        for index in storage.indices {
            storage[index] = generator.normal(mean: mean, std: std)
        }
    }

    /// Replaces every element with a uniform sample in [`low`, `high`), in row-major order.
    public mutating func uniform_(low: Float = 0, high: Float = 1, generator: inout Generator) {
        precondition(low <= high, "Tensor.uniform_: low \(low) is above high \(high)")
        checkUnrecordedChange("uniform_")
        for index in storage.indices {
            storage[index] = generator.uniform(low: low, high: high)
        }
    }
}
