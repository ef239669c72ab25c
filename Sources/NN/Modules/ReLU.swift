/// The rectified linear unit as a module (`torch.nn.ReLU`); prints `ReLU()`.
public final class ReLU: Module {
    /// Creates the activation.
    public override init() { super.init() }
    /// max(0, x) element-wise.
    public override func forward(_ input: Tensor) -> Tensor { input.relu() }
}
