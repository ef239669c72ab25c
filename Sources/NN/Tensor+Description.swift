/// Printing a tensor as PyTorch's `print(tensor)` does, through the shared `TensorFormatter`.
extension Tensor: CustomStringConvertible {
    /// The tensor as `print(tensor)` shows it: `tensor([1., 1., 1.])`, summarised above 1000 elements,
    /// with `grad_fn=<MeanBackward0>` after an operation's result and `requires_grad=True` after a
    /// leaf that requires grad.
    public var description: String {
        TensorFormatter.format(shape: shape, values: storage, suffixes: autogradSuffixes)
    }

    /// What PyTorch appends for autograd: the `grad_fn` of a result, or `requires_grad=True` of a leaf.
    var autogradSuffixes: [String] {
        if let name = gradFunctionName { return ["grad_fn=<\(name)>"] }
        return requiresGrad ? ["requires_grad=True"] : []
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
    /// `tensor([0.1173], grad_fn=<SelectBackward0>)` for `gradFunction: "SelectBackward0"`,
    /// whatever its own history (a recorded result's `description` names its own).
    public func description(gradFunction: String) -> String {
        TensorFormatter.format(shape: shape, values: storage, gradFunction: gradFunction)
    }
}
