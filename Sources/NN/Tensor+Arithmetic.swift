/// Element-wise `+ - * /` with broadcasting, between tensors and with scalars.
extension Tensor {
    // MARK: - Tensor and tensor

    /// Element-wise sum with broadcasting.
    public static func + (left: Tensor, right: Tensor) -> Tensor { left.broadcasting(right, AddOperator.self) }
    /// Element-wise difference with broadcasting.
    public static func - (left: Tensor, right: Tensor) -> Tensor { left.broadcasting(right, SubtractOperator.self) }
    /// Element-wise product with broadcasting (not the matrix product; see `matmul`).
    public static func * (left: Tensor, right: Tensor) -> Tensor { left.broadcasting(right, MultiplyOperator.self) }
    /// Element-wise quotient with broadcasting (the notebook divides (64, 10) by (64, 1)).
    public static func / (left: Tensor, right: Tensor) -> Tensor { left.broadcasting(right, DivideOperator.self) }

    // MARK: - Tensor and scalar

    /// Adds `right` to every element.
    public static func + (left: Tensor, right: Float) -> Tensor { left.broadcasting(Tensor(scalar: right), AddOperator.self) }
    /// Subtracts `right` from every element.
    public static func - (left: Tensor, right: Float) -> Tensor { left.broadcasting(Tensor(scalar: right), SubtractOperator.self) }
    /// Multiplies every element by `right`.
    public static func * (left: Tensor, right: Float) -> Tensor { left.broadcasting(Tensor(scalar: right), MultiplyOperator.self) }
    /// Divides every element by `right`.
    public static func / (left: Tensor, right: Float) -> Tensor { left.broadcasting(Tensor(scalar: right), DivideOperator.self) }

    /// Adds every element to `left`.
    public static func + (left: Float, right: Tensor) -> Tensor { Tensor(scalar: left).broadcasting(right, AddOperator.self) }
    /// Subtracts every element from `left`.
    public static func - (left: Float, right: Tensor) -> Tensor { Tensor(scalar: left).broadcasting(right, SubtractOperator.self) }
    /// Multiplies `left` by every element.
    public static func * (left: Float, right: Tensor) -> Tensor { Tensor(scalar: left).broadcasting(right, MultiplyOperator.self) }
    /// Divides `left` by every element.
    public static func / (left: Float, right: Tensor) -> Tensor { Tensor(scalar: left).broadcasting(right, DivideOperator.self) }

    /// Every element negated.
    public static prefix func - (operand: Tensor) -> Tensor { operand * -1 }

    // MARK: - Compound assignment

    /// `left = left + right`; the result must keep `left`'s shape.
    public static func += (left: inout Tensor, right: Tensor) { left = left.assigning(right, AddOperator.self) }
    /// `left = left - right`; the result must keep `left`'s shape.
    public static func -= (left: inout Tensor, right: Tensor) { left = left.assigning(right, SubtractOperator.self) }
    /// `left = left * right`; the result must keep `left`'s shape.
    public static func *= (left: inout Tensor, right: Tensor) { left = left.assigning(right, MultiplyOperator.self) }
    /// `left = left / right`; the result must keep `left`'s shape.
    public static func /= (left: inout Tensor, right: Tensor) { left = left.assigning(right, DivideOperator.self) }

    /// The in-place form of a broadcast operation: like PyTorch, `self` cannot grow.
    private func assigning<Operator: ElementwiseOperator>(_ other: Tensor, _ operation: Operator.Type) -> Tensor {
        let result = broadcasting(other, operation)
        precondition(result.shape == shape,
                     "Tensor \(Operator.symbol)=: output with shape \(shape) does not match the broadcast shape \(result.shape) of \(shape) and \(other.shape)")
        return result
    }
}
