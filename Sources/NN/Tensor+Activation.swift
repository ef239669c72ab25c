import Foundation

/// Element-wise functions (`exp`, `log`, `sigmoid`, `tanh`, `relu`, `pow`), recorded for autograd.
extension Tensor {
    // MARK: - Element-wise functions

    /// e raised to every element (`torch.exp`).
    public func exp() -> Tensor {
        var result = mapped(ExpFunction.self)
        let output = result
        result.recordUnary("ExpBackward0", of: self) { $0 * output }  // d eˣ = eˣ
        return result
    }

    /// The natural logarithm of every element (`torch.log`); −inf at 0, NaN below.
    public func log() -> Tensor {
        var result = mapped(LogFunction.self)
        let input = detached()
        result.recordUnary("LogBackward0", of: self) { $0 / input }  // d ln x = 1/x
        return result
    }

    /// 1 / (1 + e^−x) for every element (`torch.sigmoid`), without overflow for large |x|.
    public func sigmoid() -> Tensor {
        var result = mapped(SigmoidFunction.self)
        result.recordOutputGradient("SigmoidBackward0", of: self, SigmoidGradient.self)
        return result
    }

    /// The hyperbolic tangent of every element (`torch.tanh`).
    public func tanh() -> Tensor {
        var result = mapped(TanhFunction.self)
        result.recordOutputGradient("TanhBackward0", of: self, TanhGradient.self)
        return result
    }

    /// max(0, x) for every element (`torch.relu`); NaN stays NaN, as in PyTorch.
    public func relu() -> Tensor {
        var result = mapped(ReLUFunction.self)
        result.recordOutputGradient("ReluBackward0", of: self, ReLUGradient.self)
        return result
    }

    /// Every element raised to `exponent` (`x ** exponent`, `torch.pow`).
    public func pow(_ exponent: Float) -> Tensor {
        var result = Tensor(shape: shape) { output in
            storage.withUnsafeBufferPointer { input in
                for index in 0..<input.count { output[index] = Foundation.pow(input[index], exponent) }
            }
        }
        let input = detached()
        result.recordUnary("PowBackward0", of: self) { gradient in
            // d xᵖ = p·xᵖ⁻¹, and 0 for p = 0 (PyTorch's pow_backward).
            exponent == 0 ? Tensor.zeros(input.shape) : gradient * (input.pow(exponent - 1) * exponent)
        }
        return result
    }

    /// Replaces every element by max(0, x) in place (`Tensor.relu_()`).
    public mutating func relu_() { mapInPlace(ReLUFunction.self, "relu_", recordingAs: "ReluBackward0", ReLUGradient.self) }

    /// Replaces every element by its logistic sigmoid in place (`Tensor.sigmoid_()`).
    public mutating func sigmoid_() {
        mapInPlace(SigmoidFunction.self, "sigmoid_", recordingAs: "SigmoidBackward0", SigmoidGradient.self)
    }

    /// Replaces every element by its hyperbolic tangent in place (`Tensor.tanh_()`).
    public mutating func tanh_() { mapInPlace(TanhFunction.self, "tanh_", recordingAs: "TanhBackward0", TanhGradient.self) }

    // MARK: - Helpers

    /// Applies `Function` to every element in place (copying first only if storage is shared),
    /// recorded as `name` with the gradient `Gradient` computes from the output.
    private mutating func mapInPlace<Function: UnaryFunction, Gradient: ElementwiseOperator>(
        _: Function.Type, _ operation: String, recordingAs name: String, _ gradient: Gradient.Type
    ) {
        checkInPlace(operation)
        let history = Self.recordedInputs(self)  // Taken before: the operand is this tensor's past.
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<buffer.count { buffer[index] = Function.apply(buffer[index]) }
        }
        guard let history else { return }
        let output = detached()
        record(name, inputs: history) { [$0.broadcasting(output, Gradient.self)] }
    }

    /// Records a function whose derivative is `Gradient`(output's gradient, output).
    private mutating func recordOutputGradient<Gradient: ElementwiseOperator>(
        _ name: String, of operand: Tensor, _: Gradient.Type
    ) {
        let output = detached()
        recordUnary(name, of: operand) { $0.broadcasting(output, Gradient.self) }
    }

    /// A new tensor with `Function` applied to every element.
    private func mapped<Function: UnaryFunction>(_: Function.Type) -> Tensor {
        Tensor(shape: shape) { output in
            storage.withUnsafeBufferPointer { input in
                for index in 0..<input.count { output[index] = Function.apply(input[index]) }
            }
        }
    }
}
