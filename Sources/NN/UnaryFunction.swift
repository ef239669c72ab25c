import Foundation

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

// MARK: - Derivatives from the output

/// The sigmoid's gradient from its output y: g·(1 − y)·y.
enum SigmoidGradient: ElementwiseOperator {
    static let symbol = "sigmoid_backward"
    @inline(__always) static func apply(_ gradient: Float, _ output: Float) -> Float { gradient * (1 - output) * output }
}

/// tanh's gradient from its output y: g·(1 − y²).
enum TanhGradient: ElementwiseOperator {
    static let symbol = "tanh_backward"
    @inline(__always) static func apply(_ gradient: Float, _ output: Float) -> Float { gradient * (1 - output * output) }
}

/// ReLU's gradient from its output y: g where y > 0, else 0 (PyTorch's threshold_backward).
enum ReLUGradient: ElementwiseOperator {
    static let symbol = "relu_backward"
    @inline(__always) static func apply(_ gradient: Float, _ output: Float) -> Float { output > 0 ? gradient : 0 }
}
