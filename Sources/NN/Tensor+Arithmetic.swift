/// Element-wise `+ - * /` with broadcasting, between tensors and with scalars, recorded for autograd.
extension Tensor {
    // MARK: - Tensor and tensor

    /// Element-wise sum with broadcasting.
    public static func + (left: Tensor, right: Tensor) -> Tensor { binary(left, right, AddOperator.self) }
    /// Element-wise difference with broadcasting.
    public static func - (left: Tensor, right: Tensor) -> Tensor { binary(left, right, SubtractOperator.self) }
    /// Element-wise product with broadcasting (not the matrix product; see `matmul`).
    public static func * (left: Tensor, right: Tensor) -> Tensor { binary(left, right, MultiplyOperator.self) }
    /// Element-wise quotient with broadcasting (the notebook divides (64, 10) by (64, 1)).
    public static func / (left: Tensor, right: Tensor) -> Tensor { binary(left, right, DivideOperator.self) }

    // MARK: - Tensor and scalar

    /// Adds `right` to every element.
    public static func + (left: Tensor, right: Float) -> Tensor { binary(left, Tensor(scalar: right), AddOperator.self) }
    /// Subtracts `right` from every element.
    public static func - (left: Tensor, right: Float) -> Tensor { binary(left, Tensor(scalar: right), SubtractOperator.self) }
    /// Multiplies every element by `right`.
    public static func * (left: Tensor, right: Float) -> Tensor { binary(left, Tensor(scalar: right), MultiplyOperator.self) }
    /// Divides every element by `right`.
    public static func / (left: Tensor, right: Float) -> Tensor { binary(left, Tensor(scalar: right), DivideOperator.self) }

    /// Adds every element to `left`.
    public static func + (left: Float, right: Tensor) -> Tensor { binary(Tensor(scalar: left), right, AddOperator.self) }
    /// Subtracts every element from `left` (PyTorch records it as `RsubBackward1`).
    public static func - (left: Float, right: Tensor) -> Tensor {
        binary(Tensor(scalar: left), right, SubtractOperator.self, name: "RsubBackward1")
    }
    /// Multiplies `left` by every element.
    public static func * (left: Float, right: Tensor) -> Tensor { binary(Tensor(scalar: left), right, MultiplyOperator.self) }
    /// Divides `left` by every element (PyTorch multiplies by the reciprocal: `MulBackward0`).
    public static func / (left: Float, right: Tensor) -> Tensor {
        binary(Tensor(scalar: left), right, DivideOperator.self, name: "MulBackward0")
    }

    /// Every element negated.
    public static prefix func - (operand: Tensor) -> Tensor {
        binary(operand, Tensor(scalar: -1), MultiplyOperator.self, name: "NegBackward0")
    }

    // MARK: - Compound assignment

    /// `left = left + right`; the result must keep `left`'s shape.
    public static func += (left: inout Tensor, right: Tensor) { left = left.assigning(right, AddOperator.self) }
    /// `left = left - right`; the result must keep `left`'s shape.
    public static func -= (left: inout Tensor, right: Tensor) { left = left.assigning(right, SubtractOperator.self) }
    /// `left = left * right`; the result must keep `left`'s shape.
    public static func *= (left: inout Tensor, right: Tensor) { left = left.assigning(right, MultiplyOperator.self) }
    /// `left = left / right`; the result must keep `left`'s shape.
    public static func /= (left: inout Tensor, right: Tensor) { left = left.assigning(right, DivideOperator.self) }

    /// The in-place form of a broadcast operation: like PyTorch, `self` cannot grow, nor be a leaf
    /// that requires grad while recording.
    private func assigning<Operator: DifferentiableOperator>(_ other: Tensor, _ operation: Operator.Type) -> Tensor {
        checkInPlace("\(Operator.symbol)=")
        let result = Self.binary(self, other, operation)
        precondition(result.shape == shape,
                     "Tensor \(Operator.symbol)=: output with shape \(shape) does not match the broadcast shape \(result.shape) of \(shape) and \(other.shape)")
        return result
    }

    // MARK: - Recording

    /// `Operator` applied with broadcasting, recorded as `name` (by default the operator's own).
    ///
    /// Each operand's gradient is the operator's partial derivative times the output's gradient,
    /// summed over the dimensions broadcasting stretched that operand along.
    private static func binary<Operator: DifferentiableOperator>(
        _ left: Tensor, _ right: Tensor, _: Operator.Type, name: String? = nil
    ) -> Tensor {
        var result = left.broadcasting(right, Operator.self)
        guard let inputs = recordedInputs(left, right) else { return result }
        let (leftValues, rightValues) = (left.detached(), right.detached())
        let (needsLeft, needsRight) = (inputs[0] != nil, inputs[1] != nil)
        result.record(name ?? Operator.gradFunctionName, inputs: inputs) { gradient in
            let (leftGradient, rightGradient) = Operator.gradients(gradient, leftValues, rightValues,
                                                                    needsLeft: needsLeft, needsRight: needsRight)
            return [leftGradient?.summed(toShape: leftValues.shape), rightGradient?.summed(toShape: rightValues.shape)]
        }
        return result
    }

    /// This gradient summed over the dimensions that broadcasting added or stretched to reach it
    /// from `target` (PyTorch's `sum_to_size`).
    func summed(toShape target: [Int]) -> Tensor {
        guard shape != target else { return self }
        var reduced = self
        // Leading dimensions that `target` lacks, then those where it has size 1.
        for _ in 0..<(rank - target.count) { reduced = reduced.sum(dim: 0) }
        for axis in target.indices where target[axis] == 1 && reduced.shape[axis] != 1 {
            reduced = reduced.sum(dim: axis, keepdim: true)
        }
        return reduced.view(target)
    }
}
