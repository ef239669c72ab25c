/// A binary element-wise operator with its partial derivatives and PyTorch's `grad_fn` name.
protocol DifferentiableOperator: ElementwiseOperator {
    /// The `grad_fn` name PyTorch prints for the tensor-tensor form, e.g. `AddBackward0`.
    static var gradFunctionName: String { get }
    /// The gradients of both operands (before broadcast reduction) for the output's `gradient`.
    static func gradients(_ gradient: Tensor, _ left: Tensor, _ right: Tensor,
                          needsLeft: Bool, needsRight: Bool) -> (Tensor?, Tensor?)
}

extension AddOperator: DifferentiableOperator {
    static let gradFunctionName = "AddBackward0"
    static func gradients(_ gradient: Tensor, _ left: Tensor, _ right: Tensor,
                          needsLeft: Bool, needsRight: Bool) -> (Tensor?, Tensor?) {
        (needsLeft ? gradient : nil, needsRight ? gradient : nil)
    }
}

extension SubtractOperator: DifferentiableOperator {
    static let gradFunctionName = "SubBackward0"
    static func gradients(_ gradient: Tensor, _ left: Tensor, _ right: Tensor,
                          needsLeft: Bool, needsRight: Bool) -> (Tensor?, Tensor?) {
        (needsLeft ? gradient : nil, needsRight ? -gradient : nil)
    }
}

extension MultiplyOperator: DifferentiableOperator {
    static let gradFunctionName = "MulBackward0"
    static func gradients(_ gradient: Tensor, _ left: Tensor, _ right: Tensor,
                          needsLeft: Bool, needsRight: Bool) -> (Tensor?, Tensor?) {
        (needsLeft ? gradient * right : nil, needsRight ? gradient * left : nil)
    }
}

extension DivideOperator: DifferentiableOperator {
    static let gradFunctionName = "DivBackward0"
    /// d(l/r)/dl = 1/r, d(l/r)/dr = −l/r².
    static func gradients(_ gradient: Tensor, _ left: Tensor, _ right: Tensor,
                          needsLeft: Bool, needsRight: Bool) -> (Tensor?, Tensor?) {
        (needsLeft ? gradient / right : nil, needsRight ? -(gradient * left / (right * right)) : nil)
    }
}
