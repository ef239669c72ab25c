/// The rectified linear unit as a module (`torch.nn.ReLU`); prints `ReLU()`.
public final class ReLU: Module {
    /// Creates the activation.
    public override init() { super.init() }
    /// max(0, x) element-wise, in place when `input` was handed over (no other reference to it).
    public override func forward(_ input: consuming Tensor) -> Tensor {
        var output = consume input
        output.relu_()  // Copy-on-write: copies only if the caller still holds the input.
        return output
    }
}
