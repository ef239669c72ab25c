/// Updates parameters from their gradients (`torch.optim.Optimizer`).
///
/// A training step is: `optimizer.zeroGrad()`, forward, `loss.backward()`, `optimizer.step()`.
public protocol Optimizer: AnyObject {
    /// The parameters this optimiser updates, in order.
    var parameters: [Parameter] { get }

    /// Updates every parameter that has a gradient; parameters without one are left alone.
    func step()
}

extension Optimizer {
    /// Forgets every parameter's gradient (`zero_grad()`: PyTorch 2 sets them to None), so the next
    /// backward pass starts afresh instead of adding to them.
    public func zeroGrad() {
        for parameter in parameters { parameter.zeroGrad() }
    }
}

extension Parameter {
    /// Runs `update` on this parameter's values and its gradient, in place (the values are copied
    /// first only if something else still shares them). Does nothing without a gradient.
    func updateWithGradient(_ update: (UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>) -> Void) {
        guard let gradient = grad else { return }
        data.storage.withUnsafeMutableBufferPointer { values in
            gradient.storage.withUnsafeBufferPointer { gradient in update(values, gradient) }
        }
    }
}
