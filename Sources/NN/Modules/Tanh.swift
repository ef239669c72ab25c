/// The hyperbolic tangent as a module (`torch.nn.Tanh`); prints `Tanh()`.
public final class Tanh: Module {
    /// Creates the activation.
    public override init() { super.init() }
    /// tanh x element-wise, in place when `input` was handed over.
    public override func forward(_ input: consuming Tensor) -> Tensor {
        var output = consume input
        output.tanh_()
        return output
    }
}
