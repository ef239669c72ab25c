/// The cross-entropy of class scores (`torch.nn.CrossEntropyLoss`, mean reduction); prints
/// `CrossEntropyLoss()`.
///
/// Takes raw scores (logits), not probabilities: loss = NLLLoss(LogSoftmax(logits, dim 1)), where
/// the log-softmax subtracts each row's maximum before exponentiating (log-sum-exp), so large
/// scores neither overflow nor lose the loss to rounding.
public struct CrossEntropyLoss: Sendable, CustomStringConvertible {
    /// Creates the loss.
    public init() {}

    /// −(1/N) Σᵢ log softmax(logits[i])[targets[i]] for (N, C) logits and N class indices in 0..<C.
    public func callAsFunction(_ logits: Tensor, _ targets: [Int]) -> Tensor {
        logits.logSoftmax(dim: 1).nllLoss(targets: targets)
    }

    /// `CrossEntropyLoss()`.
    public var description: String { "CrossEntropyLoss()" }
}
