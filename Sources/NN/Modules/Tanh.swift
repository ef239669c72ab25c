/// The hyperbolic tangent as a module (`torch.nn.Tanh`); prints `Tanh()`.
public final class Tanh: Module {
    /// Creates the activation.
    public override init() { super.init() }
    /// tanh x element-wise.
    public override func forward(_ input: Tensor) -> Tensor { input.tanh() }
}
