import Testing
@testable import NN

/// A differentiable computation checked against central finite differences.
struct GradientCase: Sendable, CustomTestStringConvertible {
    /// What is checked, e.g. `matmul (2, 3)·(3, 4)`.
    let name: String
    /// The points at which every input's gradient is checked.
    let inputs: [Tensor]
    /// The computation; it must use only the tensors it is given.
    let function: @Sendable ([Tensor]) -> Tensor
    /// The finite-difference step.
    var step: Float = 1e-2

    init(_ name: String, _ inputs: [Tensor], step: Float = 1e-2, _ function: @escaping @Sendable ([Tensor]) -> Tensor) {
        self.name = name
        self.inputs = inputs
        self.step = step
        self.function = function
    }

    var testDescription: String { name }

    /// Fixed weights r for the scalar L = Σ r·f(x), so every output element matters.
    func projection(for shape: [Int]) -> Tensor {
        var generator = Generator(seed: 99)
        return Tensor.uniform(shape, low: 0.5, high: 1.5, generator: &generator)
    }

    /// L = Σ r·f(x) in Double, without recording.
    func projectedValue(_ inputs: [Tensor]) -> Double {
        let output = withNoGrad { function(inputs) }
        let weights = projection(for: output.shape)
        return zip(output.storage, weights.storage).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Each input's gradient from autograd, and the central difference (L(x + h) − L(x − h)) / 2h
    /// per element, with the function evaluated in float32 and L summed in Double.
    func gradients() -> (analytic: [Tensor?], numeric: [[Double]]) {
        let leaves = inputs.map { $0.requiringGrad() }
        let output = function(leaves)
        (output * projection(for: output.shape)).sumAll().backward()
        let numeric = inputs.indices.map { which in
            inputs[which].storage.indices.map { element -> Double in
                var plus = inputs, minus = inputs
                plus[which].storage[element] += step
                minus[which].storage[element] -= step
                return (projectedValue(plus) - projectedValue(minus)) / (2 * Double(step))
            }
        }
        return (leaves.map(\.grad), numeric)
    }

    /// The elements where autograd and the central difference disagree by more than
    /// `absolute + relative·|numeric|`, described; empty when they agree.
    func mismatches(absolute: Double = 2e-4, relative: Double = 1e-3) -> [String] {
        let (analytic, numeric) = gradients()
        var failures: [String] = []
        for (which, expected) in numeric.enumerated() {
            guard let gradient = analytic[which] else {
                failures.append("input \(which): no gradient")
                continue
            }
            guard gradient.shape == inputs[which].shape else {
                failures.append("input \(which): gradient shape \(gradient.shape), input shape \(inputs[which].shape)")
                continue
            }
            for (element, (got, want)) in zip(gradient.storage, expected).enumerated()
            where !(abs(Double(got) - want) <= absolute + relative * abs(want)) {
                failures.append("input \(which)[\(element)]: autograd \(got), central difference \(want)")
            }
        }
        return failures
    }
}

/// Values of `shape` spread over [low, high] without repeats or values near 0, from `seed`.
func sample(_ shape: [Int], low: Float = -2, high: Float = 2, seed: UInt64 = 1) -> Tensor {
    var generator = Generator(seed: seed)
    var tensor = Tensor.uniform(shape, low: low, high: high, generator: &generator)
    // Keep away from 0, where relu has its kink and 1/x its pole.
    for index in tensor.storage.indices where abs(tensor.storage[index]) < 0.2 {
        tensor.storage[index] += tensor.storage[index] < 0 ? -0.3 : 0.3
    }
    return tensor
}
