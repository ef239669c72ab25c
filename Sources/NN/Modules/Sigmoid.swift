/// The logistic activation as a module (`torch.nn.Sigmoid`); prints `Sigmoid()`.
public final class Sigmoid: Module {
    /// Creates the activation.
    public override init() { super.init() }
    /// 1 / (1 + e^−x) element-wise, in place when `input` was handed over.
    public override func forward(_ input: consuming Tensor) -> Tensor {
        var output = consume input
        output.sigmoid_()
        return output
    }
}
