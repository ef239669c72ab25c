/// The logarithm of the softmax as a module (`torch.nn.LogSoftmax(dim=1)`); prints `LogSoftmax(dim=1)`.
///
/// The last layer of a classifier trained with `NLLLoss`.
public final class LogSoftmax: Module {
    /// The dimension over which the probabilities sum to 1.
    public let dim: Int

    /// Creates the activation over `dim`.
    public init(dim: Int) {
        self.dim = dim
        super.init()
    }

    /// x − log Σ e^x along `dim`, numerically stable.
    public override func forward(_ input: consuming Tensor) -> Tensor { input.logSoftmax(dim: dim) }

    /// `dim=1`.
    public override var extraRepresentation: String { "dim=\(dim)" }
}
