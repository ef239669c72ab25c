/// The logistic activation as a module (`torch.nn.Sigmoid`); prints `Sigmoid()`.
public final class Sigmoid: Module {
    /// Creates the activation.
    public override init() { super.init() }
    /// 1 / (1 + e^−x) element-wise.
    public override func forward(_ input: Tensor) -> Tensor { input.sigmoid() }
}
