/// Printing a tensor as PyTorch's `print(tensor)` does, through the shared `TensorFormatter`.
extension Tensor: CustomStringConvertible {
    /// The tensor as `print(tensor)` shows it: `tensor([1., 1., 1.])`, summarised above 1000 elements.
    public var description: String {
        TensorFormatter.format(shape: shape, values: storage, isParameter: false)
    }

    /// The shape as `print(tensor.shape)` shows it: `torch.Size([64, 1, 28, 28])`.
    public var sizeDescription: String {
        TensorFormatter.formatSize(shape)
    }

    /// The values printed as an int64 tensor (labels, `argmax` results): `tensor(6)`, `tensor([2, 0])`.
    ///
    /// The engine stores integers as `Float`; every element must be a whole number.
    public var integerDescription: String {
        precondition(storage.allSatisfy { $0 == $0.rounded() && abs($0) < 0x1p24 },
                     "Tensor.integerDescription: tensor of shape \(shape) holds non-integral values")
        return TensorFormatter.format(integers: storage.map { Int($0) }, shape: shape)
    }

    /// The tensor as PyTorch prints the output of a differentiable operation, e.g.
    /// `tensor([0.1173], grad_fn=<SelectBackward0>)` for `gradFunction: "SelectBackward0"`.
    public func description(gradFunction: String) -> String {
        TensorFormatter.format(shape: shape, values: storage, gradFunction: gradFunction)
    }
}
