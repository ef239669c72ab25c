import Foundation

/// Element-wise functions (`exp`, `log`, `sigmoid`, `tanh`, `relu`) and the numerically stable `softmax`.
extension Tensor {
    // MARK: - Element-wise functions

    /// e raised to every element (`torch.exp`).
    public func exp() -> Tensor { mapped(ExpFunction.self) }

    /// The natural logarithm of every element (`torch.log`); −inf at 0, NaN below.
    public func log() -> Tensor { mapped(LogFunction.self) }

    /// 1 / (1 + e^−x) for every element (`torch.sigmoid`), without overflow for large |x|.
    public func sigmoid() -> Tensor { mapped(SigmoidFunction.self) }

    /// The hyperbolic tangent of every element (`torch.tanh`).
    public func tanh() -> Tensor { mapped(TanhFunction.self) }

    /// max(0, x) for every element (`torch.relu`); NaN stays NaN, as in PyTorch.
    public func relu() -> Tensor { mapped(ReLUFunction.self) }

    /// Replaces every element by max(0, x) in place (`Tensor.relu_()`).
    public mutating func relu_() { mapInPlace(ReLUFunction.self) }

    /// Replaces every element by its logistic sigmoid in place (`Tensor.sigmoid_()`).
    public mutating func sigmoid_() { mapInPlace(SigmoidFunction.self) }

    /// Replaces every element by its hyperbolic tangent in place (`Tensor.tanh_()`).
    public mutating func tanh_() { mapInPlace(TanhFunction.self) }

    // MARK: - Softmax

    /// e^x / Σ e^x along `dim` (`torch.softmax`), after subtracting the maximum along `dim`
    /// so that large inputs (±1000) neither overflow nor give NaN.
    public func softmax(dim: Int) -> Tensor {
        let layout = ReductionLayout(shape: shape, dim: normalizedDimension(dim, operation: "softmax"))
        return Tensor(shape: shape) { output in
            storage.withUnsafeBufferPointer { input in
                for block in 0..<layout.outer {
                    for offset in 0..<layout.inner {
                        // Elements of one softmax group sit `inner` apart.
                        let first = block * layout.size * layout.inner + offset
                        Self.softmaxGroup(input, output, first: first, count: layout.size, stride: layout.inner)
                    }
                }
            }
        }
    }

    /// One softmax group: `count` elements `stride` apart starting at `first`.
    private static func softmaxGroup(
        _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>,
        first: Int, count: Int, stride: Int
    ) {
        guard count > 0 else { return }
        if stride == 1 {
            softmaxRow(UnsafeBufferPointer(rebasing: input[first..<(first + count)]),
                       UnsafeMutableBufferPointer(rebasing: output[first..<(first + count)]))
            return
        }
        var maximum = -Float.infinity
        for step in 0..<count { maximum = Swift.max(maximum, input[first + step * stride]) }
        var total: Float = 0
        for step in 0..<count {
            let value = Foundation.exp(input[first + step * stride] - maximum)
            output[first + step * stride] = value
            total += value
        }
        let scale = 1 / total
        for step in 0..<count { output[first + step * stride] *= scale }
    }

    /// Softmax of one contiguous row (the usual `dim: -1` case), eight lanes at a time.
    private static func softmaxRow(_ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>) {
        let count = input.count
        var maximum = -Float.infinity
        for value in input { maximum = Swift.max(maximum, value) }
        // A NaN input gives a NaN exponential, hence a NaN total and a NaN row, as in PyTorch.
        var totals = SIMD8<Float>()
        var start = 0
        while start < count {
            let width = Swift.min(8, count - start)
            if width == 8 {
                let chunk = UnsafeRawPointer(input.baseAddress! + start).loadUnaligned(as: SIMD8<Float>.self)
                let exponentials = VectorExp.exp(chunk - maximum)
                UnsafeMutableRawPointer(output.baseAddress! + start).storeBytes(of: exponentials, as: SIMD8<Float>.self)
                totals += exponentials
            } else {
                // The last partial chunk is padded with −inf, whose exponential is 0.
                var chunk = SIMD8<Float>(repeating: -.infinity)
                for lane in 0..<width { chunk[lane] = input[start + lane] }
                let exponentials = VectorExp.exp(chunk - maximum)
                for lane in 0..<width { output[start + lane] = exponentials[lane] }
                totals += exponentials
            }
            start += 8
        }
        let scale = 1 / totals.sum()
        for index in 0..<count { output[index] *= scale }
    }

    // MARK: - Helpers

    /// Applies `Function` to every element in place (copying first only if storage is shared).
    private mutating func mapInPlace<Function: UnaryFunction>(_: Function.Type) {
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<buffer.count { buffer[index] = Function.apply(buffer[index]) }
        }
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

// MARK: - Functions

/// An element-wise function, specialised at compile time so loops stay closure-free.
protocol UnaryFunction {
    /// The function's value at `value`.
    static func apply(_ value: Float) -> Float
}

/// e^x.
enum ExpFunction: UnaryFunction {
    @inline(__always) static func apply(_ value: Float) -> Float { Foundation.exp(value) }
}

/// ln x.
enum LogFunction: UnaryFunction {
    @inline(__always) static func apply(_ value: Float) -> Float { Foundation.log(value) }
}

/// The logistic function, written so that e^(−x) is only taken for x ≥ 0 (no overflow).
enum SigmoidFunction: UnaryFunction {
    @inline(__always) static func apply(_ value: Float) -> Float {
        if value >= 0 {
            return 1 / (1 + Foundation.exp(-value))
        }
        let exponential = Foundation.exp(value)
        return exponential / (1 + exponential)
    }
}

/// max(0, x), written as a select so that NaN passes through and the loop vectorises.
enum ReLUFunction: UnaryFunction {
    @inline(__always) static func apply(_ value: Float) -> Float { value < 0 ? 0 : value }
}

/// tanh x.
enum TanhFunction: UnaryFunction {
    @inline(__always) static func apply(_ value: Float) -> Float { Foundation.tanh(value) }
}
