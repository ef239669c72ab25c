/// The negative log-likelihood of class indices, the loss under `NLLLoss` and `CrossEntropyLoss`.
extension Tensor {
    /// −(1/N) Σᵢ input[i, targets[i]] for (N, C) log-probabilities (`F.nll_loss`, mean reduction),
    /// a 0-dim tensor recorded as `NllLossBackward0`.
    public func nllLoss(targets: [Int]) -> Tensor {
        precondition(rank == 2, "Tensor.nllLoss: expects (N, C) log-probabilities, got shape \(shape)")
        let rows = shape[0], classes = shape[1]
        precondition(targets.count == rows,
                     "Tensor.nllLoss: \(targets.count) targets for a batch of \(rows) (shape \(shape))")
        precondition(targets.allSatisfy { (0..<classes).contains($0) },
                     "Tensor.nllLoss: a target is out of range 0..<\(classes)")
        var total = 0.0
        storage.withUnsafeBufferPointer { input in
            for (row, target) in targets.enumerated() { total += Double(input[row * classes + target]) }
        }
        // An empty batch gives NaN, as PyTorch's mean over no elements.
        var result = Tensor(scalar: Float(-total / Double(rows)))
        let inputShape = shape
        result.recordUnary("NllLossBackward0", of: self) { gradient in
            // Only each row's target entry moves the loss: by −1/N per unit of it.
            let share = -gradient.storage[0] / Float(rows)
            var inputGradient = Tensor.zeros(inputShape)
            for (row, target) in targets.enumerated() { inputGradient.storage[row * classes + target] = share }
            return inputGradient
        }
        return result
    }
}
