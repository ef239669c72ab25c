/// Softmax along a dimension as a module (`torch.nn.Softmax(dim=1)`); prints `Softmax(dim=1)`.
public final class Softmax: Module {
    /// The dimension whose entries sum to 1.
    public let dim: Int

    /// Creates the activation over `dim`.
    public init(dim: Int) {
        self.dim = dim
        super.init()
    }

    /// e^x / Σ e^x along `dim`, numerically stable.
    public override func forward(_ input: consuming Tensor) -> Tensor { input.softmax(dim: dim) }

    /// `dim=1`.
    public override var extraRepresentation: String { "dim=\(dim)" }
}
