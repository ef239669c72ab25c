/// Printing a parameter as PyTorch's `print(linear.weight)` does.
extension Parameter: CustomStringConvertible {
    /// `Parameter containing:` and the tensor, with `requires_grad=True` while it requires grad.
    public var description: String {
        guard requiresGrad else {
            return TensorFormatter.parameterHeader + TensorFormatter.format(shape: data.shape, values: data.storage, suffixes: [])
        }
        return TensorFormatter.format(shape: data.shape, values: data.storage, isParameter: true)
    }
}
