/// Stateless forms of the layers (`torch.nn.functional`, imported as `F` in the notebook).
public enum Functional {
    /// x·Wᵀ + b (`F.linear`).
    public static func linear(_ input: Tensor, weight: Parameter, bias: Parameter?) -> Tensor {
        Tensor.linear(input, weight: weight.tensor, bias: bias?.tensor, packedWeight: weight.packedTransposed())
    }

    /// 1 / (1 + e^−x) element-wise (`F.sigmoid`).
    public static func sigmoid(_ input: Tensor) -> Tensor { input.sigmoid() }

    /// tanh x element-wise (`F.tanh`).
    public static func tanh(_ input: Tensor) -> Tensor { input.tanh() }

    /// max(0, x) element-wise (`F.relu`).
    public static func relu(_ input: Tensor) -> Tensor { input.relu() }

    /// Softmax along `dim` (`F.softmax(x, dim=1)`).
    public static func softmax(_ input: Tensor, dim: Int) -> Tensor { input.softmax(dim: dim) }

    /// x − log Σ e^x along `dim` (`F.log_softmax(x, dim=1)`).
    public static func logSoftmax(_ input: Tensor, dim: Int) -> Tensor { input.logSoftmax(dim: dim) }

    /// The mean negative log-likelihood of `targets` under (N, C) log-probabilities (`F.nll_loss`).
    public static func nllLoss(_ input: Tensor, targets: [Int]) -> Tensor { input.nllLoss(targets: targets) }

    /// The mean cross-entropy of (N, C) logits against `targets` (`F.cross_entropy`).
    public static func crossEntropy(_ input: Tensor, targets: [Int]) -> Tensor { CrossEntropyLoss()(input, targets) }
}
