/// Printing a parameter as PyTorch's `print(linear.weight)` does.
extension Parameter: CustomStringConvertible {
    /// `Parameter containing:` and the tensor with `requires_grad=True`.
    public var description: String {
        TensorFormatter.format(shape: data.shape, values: data.storage, isParameter: true)
    }
}
