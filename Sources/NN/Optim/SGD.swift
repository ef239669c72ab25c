/// Stochastic gradient descent with optional momentum (`torch.optim.SGD`), with PyTorch's update rule.
///
/// With momentum μ (dampening 0, no Nesterov, no weight decay): the buffer is the gradient on a
/// parameter's first step, then b ← μ·b + g; the parameter moves p ← p − lr·b. Without momentum,
/// p ← p − lr·g. The hyperparameters are Python floats in PyTorch, hence `Double`; each is rounded
/// to float32 where it meets float32 values, as PyTorch does.
public final class SGD: Optimizer {
    /// The parameters this optimiser updates, in order.
    public let parameters: [Parameter]
    /// The step size (`lr`).
    public var learningRate: Double
    /// The momentum factor μ (0: plain SGD).
    public let momentum: Double
    /// Each parameter's momentum buffer; empty until its first step.
    private var buffers: [[Float]]

    /// An optimiser for `parameters` with learning rate `lr` and `momentum` (default 0).
    public init(_ parameters: [Parameter], lr: Double, momentum: Double = 0) {
        precondition(lr >= 0, "SGD: invalid learning rate \(lr)")
        precondition(momentum >= 0, "SGD: invalid momentum value \(momentum)")
        self.parameters = parameters
        self.learningRate = lr
        self.momentum = momentum
        buffers = Array(repeating: [], count: parameters.count)
    }

    /// Applies one update to every parameter that has a gradient, in one pass over its values.
    public func step() {
        let rate = Float(-learningRate), factor = Float(momentum)
        for (index, parameter) in parameters.enumerated() {
            parameter.updateWithGradient { values, gradient in
                if factor == 0 {
                    for i in 0..<values.count { values[i] = fusedMultiplyAdd(rate, gradient[i], values[i]) }
                } else if buffers[index].isEmpty {
                    buffers[index] = Array(gradient)  // PyTorch: buf = grad.clone() on the first step.
                    for i in 0..<values.count { values[i] = fusedMultiplyAdd(rate, gradient[i], values[i]) }
                } else {
                    buffers[index].withUnsafeMutableBufferPointer { buffer in
                        for i in 0..<values.count {
                            // buf.mul_(momentum).add_(grad), then param.add_(buf, alpha=-lr).
                            buffer[i] = buffer[i] * factor + gradient[i]
                            values[i] = fusedMultiplyAdd(rate, buffer[i], values[i])
                        }
                    }
                }
            }
        }
    }
}
