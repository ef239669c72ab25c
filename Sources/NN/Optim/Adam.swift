import Foundation

/// Adam (`torch.optim.Adam`, no weight decay, no AMSGrad), with the operations of PyTorch's
/// single-tensor update in their order.
///
/// Per step t and parameter p with gradient g:
/// m ← m + (1 − β₁)(g − m) (a lerp), v ← β₂·v + (1 − β₂)·g·g,
/// step size = lr / (1 − β₁ᵗ), denominator = √v / √(1 − β₂ᵗ) + ε, p ← p − step size · m / denominator.
/// Scalars are computed in Double (Python floats), then rounded to float32 where they meet the
/// tensors, as PyTorch does.
public final class Adam: Optimizer {
    /// The parameters this optimiser updates, in order.
    public let parameters: [Parameter]
    /// The step size (`lr`).
    public var learningRate: Double
    /// The decay rates of the first and second moment estimates (β₁, β₂).
    public let betas: (Double, Double)
    /// Added to the denominator for numerical stability (ε).
    public let eps: Double
    /// Each parameter's state, created by its first step.
    private var states: [State?]

    /// One parameter's running estimates.
    private struct State {
        /// The number of steps taken.
        var step = 0
        /// The first moment estimate m (`exp_avg`).
        var average: [Float]
        /// The second moment estimate v (`exp_avg_sq`).
        var squaredAverage: [Float]
    }

    /// An optimiser for `parameters` with PyTorch's defaults: lr 0.001, betas (0.9, 0.999), eps 1e-8.
    public init(_ parameters: [Parameter], lr: Double = 0.001, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8) {
        precondition(lr >= 0, "Adam: invalid learning rate \(lr)")
        precondition((0..<1).contains(betas.0) && (0..<1).contains(betas.1), "Adam: invalid betas \(betas)")
        precondition(eps >= 0, "Adam: invalid epsilon value \(eps)")
        self.parameters = parameters
        self.learningRate = lr
        self.betas = betas
        self.eps = eps
        states = Array(repeating: nil, count: parameters.count)
    }

    /// Applies one update to every parameter that has a gradient.
    public func step() {
        for (index, parameter) in parameters.enumerated() {
            parameter.updateWithGradient { values, gradient in
                var state = states[index] ?? State(average: Array(repeating: 0, count: values.count),
                                                   squaredAverage: Array(repeating: 0, count: values.count))
                states[index] = nil  // Hand the buffers to `state` alone, so they change in place.
                state.step += 1
                update(values, gradient, &state)
                states[index] = state
            }
        }
    }

    /// One step of one parameter.
    private func update(_ values: UnsafeMutableBufferPointer<Float>, _ gradient: UnsafeBufferPointer<Float>,
                        _ state: inout State) {
        let step = Double(state.step)
        let biasCorrection1 = 1 - Foundation.pow(betas.0, step)
        let biasCorrection2 = 1 - Foundation.pow(betas.1, step)
        let stepSize = learningRate / biasCorrection1
        let biasCorrection2Root = Float(Foundation.pow(biasCorrection2, 0.5))
        let averageWeight = Float(1 - betas.0), squareDecay = Float(betas.1), squareWeight = Float(1 - betas.1)
        let epsilon = Float(eps), negativeStep = Float(-stepSize)
        state.average.withUnsafeMutableBufferPointer { average in
            state.squaredAverage.withUnsafeMutableBufferPointer { squared in
                for i in 0..<values.count {
                    let g = gradient[i]
                    // exp_avg.lerp_(grad, 1 − β₁): a fused multiply-add for a weight below 1/2.
                    average[i] = fusedMultiplyAdd(averageWeight, g - average[i], average[i])
                    // exp_avg_sq.mul_(β₂).addcmul_(grad, grad, value=1 − β₂).
                    squared[i] = squared[i] * squareDecay + squareWeight * g * g
                    // denom = (exp_avg_sq.sqrt() / √bias_correction2).add_(eps); addcdiv_(value=−step_size).
                    let denominator = squared[i].squareRoot() / biasCorrection2Root + epsilon
                    values[i] = values[i] + negativeStep * average[i] / denominator
                }
            }
        }
    }
}
