/// The negative log-likelihood loss on log-probabilities (`torch.nn.NLLLoss`, mean reduction);
/// prints `NLLLoss()`.
///
/// Pair it with `LogSoftmax(dim: 1)` as the model's last layer: together they are `CrossEntropyLoss`.
public struct NLLLoss: Sendable, CustomStringConvertible {
    /// Creates the loss.
    public init() {}

    /// −(1/N) Σᵢ input[i, targets[i]] for (N, C) log-probabilities and N class indices in 0..<C.
    public func callAsFunction(_ input: Tensor, _ targets: [Int]) -> Tensor {
        input.nllLoss(targets: targets)
    }

    /// `NLLLoss()`.
    public var description: String { "NLLLoss()" }
}
