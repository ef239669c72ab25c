/// NumPy/PyTorch broadcasting for element-wise binary operations.
///
/// Shapes are aligned at their last dimension; each pair of sizes must be equal or one of them 1,
/// and a missing leading dimension counts as 1. The result has the larger size in each dimension.
extension Tensor {
    /// The broadcast shape of `left` and `right`, or a precondition failure naming both shapes.
    public static func broadcastShape(_ left: [Int], _ right: [Int], operation: String = "broadcast") -> [Int] {
        let rank = Swift.max(left.count, right.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let leftSize = axis < rank - left.count ? 1 : left[axis - (rank - left.count)]
            let rightSize = axis < rank - right.count ? 1 : right[axis - (rank - right.count)]
            precondition(leftSize == rightSize || leftSize == 1 || rightSize == 1,
                         "Tensor \(operation): shapes \(left) and \(right) cannot be broadcast together "
                         + "(size \(leftSize) vs \(rightSize) at dimension \(axis))")
            result[axis] = leftSize == 1 ? rightSize : leftSize
        }
        return result
    }

    /// Applies `Operator` element-wise to `self` and `other` broadcast to a common shape.
    func broadcasting<Operator: ElementwiseOperator>(_ other: Tensor, _: Operator.Type) -> Tensor {
        // Fast paths: identical shapes, or one side a single element.
        if shape == other.shape {
            return Tensor(shape: shape) { output in
                storage.withUnsafeBufferPointer { left in
                    other.storage.withUnsafeBufferPointer { right in
                        for index in 0..<output.count {
                            output[index] = Operator.apply(left[index], right[index])
                        }
                    }
                }
            }
        }
        let outputShape = Self.broadcastShape(shape, other.shape, operation: Operator.symbol)
        if other.count == 1 && outputShape == shape {
            let value = other.storage[0]
            return Tensor(shape: shape) { output in
                storage.withUnsafeBufferPointer { left in
                    for index in 0..<output.count { output[index] = Operator.apply(left[index], value) }
                }
            }
        }
        if count == 1 && outputShape == other.shape {
            let value = storage[0]
            return Tensor(shape: outputShape) { output in
                other.storage.withUnsafeBufferPointer { right in
                    for index in 0..<output.count { output[index] = Operator.apply(value, right[index]) }
                }
            }
        }
        return generalBroadcast(other, outputShape: outputShape, Operator.self)
    }

    /// The general case: an odometer over all but the last dimension, a strided inner loop.
    private func generalBroadcast<Operator: ElementwiseOperator>(
        _ other: Tensor, outputShape: [Int], _: Operator.Type
    ) -> Tensor {
        let rank = outputShape.count
        let leftStrides = Self.broadcastStrides(shape, into: outputShape)
        let rightStrides = Self.broadcastStrides(other.shape, into: outputShape)
        let inner = outputShape.last ?? 1
        let leftInnerStride = leftStrides.last ?? 0
        let rightInnerStride = rightStrides.last ?? 0
        return Tensor(shape: outputShape) { output in
            guard output.count > 0 else { return }
            storage.withUnsafeBufferPointer { left in
                other.storage.withUnsafeBufferPointer { right in
                    var counter = [Int](repeating: 0, count: Swift.max(rank - 1, 0))
                    var leftOffset = 0, rightOffset = 0, outputOffset = 0
                    while outputOffset < output.count {
                        var leftIndex = leftOffset, rightIndex = rightOffset
                        for column in 0..<inner {
                            output[outputOffset + column] = Operator.apply(left[leftIndex], right[rightIndex])
                            leftIndex += leftInnerStride
                            rightIndex += rightInnerStride
                        }
                        outputOffset += inner
                        // Advance the odometer over the outer dimensions, last first.
                        var axis = rank - 2
                        while axis >= 0 {
                            counter[axis] += 1
                            leftOffset += leftStrides[axis]
                            rightOffset += rightStrides[axis]
                            if counter[axis] < outputShape[axis] { break }
                            leftOffset -= leftStrides[axis] * counter[axis]
                            rightOffset -= rightStrides[axis] * counter[axis]
                            counter[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
        }
    }

    /// Row-major strides of `shape` seen through `outputShape`: 0 where a dimension is broadcast.
    static func broadcastStrides(_ shape: [Int], into outputShape: [Int]) -> [Int] {
        let offset = outputShape.count - shape.count
        var strides = [Int](repeating: 0, count: outputShape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis + offset] = shape[axis] == 1 ? 0 : running
            running *= shape[axis]
        }
        return strides
    }
}

// MARK: - Operators

/// A binary element-wise operation, specialised at compile time so the inner loops stay closure-free.
protocol ElementwiseOperator: SendableMetatype {
    /// The operator's symbol, used in shape-mismatch messages.
    static var symbol: String { get }
    /// The result for one pair of elements.
    static func apply(_ left: Float, _ right: Float) -> Float
}

/// Element-wise addition.
enum AddOperator: ElementwiseOperator {
    static let symbol = "+"
    @inline(__always) static func apply(_ left: Float, _ right: Float) -> Float { left + right }
}

/// Element-wise subtraction.
enum SubtractOperator: ElementwiseOperator {
    static let symbol = "-"
    @inline(__always) static func apply(_ left: Float, _ right: Float) -> Float { left - right }
}

/// Element-wise multiplication.
enum MultiplyOperator: ElementwiseOperator {
    static let symbol = "*"
    @inline(__always) static func apply(_ left: Float, _ right: Float) -> Float { left * right }
}

/// Element-wise division.
enum DivideOperator: ElementwiseOperator {
    static let symbol = "/"
    @inline(__always) static func apply(_ left: Float, _ right: Float) -> Float { left / right }
}
