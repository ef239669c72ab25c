import Foundation

/// `softmax` and `logSoftmax` along one dimension, numerically stable, with their gradients.
extension Tensor {
    // MARK: - Forward

    /// e^x / Σ e^x along `dim` (`torch.softmax`), after subtracting the maximum along `dim`
    /// so that large inputs (±1000) neither overflow nor give NaN.
    public func softmax(dim: Int) -> Tensor {
        recordedSoftmax(dim: dim, logarithm: false)
    }

    /// x − log Σ e^x along `dim` (`torch.log_softmax`): the log of the softmax without its rounding,
    /// computed as (x − max) − log Σ e^(x − max) so that no exponential overflows.
    public func logSoftmax(dim: Int) -> Tensor {
        recordedSoftmax(dim: dim, logarithm: true)
    }

    /// The softmax or its logarithm along `dim`, recorded with its gradient.
    private func recordedSoftmax(dim: Int, logarithm: Bool) -> Tensor {
        let axis = normalizedDimension(dim, operation: logarithm ? "logSoftmax" : "softmax")
        var result = normalizedExponentials(along: axis, logarithm: logarithm)
        let output = result
        result.recordUnary(logarithm ? "LogSoftmaxBackward0" : "SoftmaxBackward0", of: self) { gradient in
            logarithm ? gradient.logSoftmaxGradient(output: output, along: axis)
                      : gradient.softmaxGradient(output: output, along: axis)
        }
        return result
    }

    /// The softmax (or its logarithm) of every group of elements along `axis`.
    private func normalizedExponentials(along axis: Int, logarithm: Bool) -> Tensor {
        let layout = ReductionLayout(shape: shape, dim: axis)
        return Tensor(shape: shape) { output in
            storage.withUnsafeBufferPointer { input in
                layout.forEachGroup { first, count, stride in
                    let maximum = Self.maximum(input, first: first, count: count, stride: stride)
                    // A NaN input gives a NaN exponential, hence a NaN total and a NaN group, as in PyTorch.
                    let total = Self.exponentials(input, output, first: first, count: count, stride: stride,
                                                  minus: maximum)
                    if logarithm {
                        // (x − max) − log Σ: subtracting max + log Σ at once would round at the scale of max.
                        let logTotal = Foundation.log(total)
                        for step in 0..<count {
                            output[first + step * stride] = (input[first + step * stride] - maximum) - logTotal
                        }
                    } else {
                        let scale = 1 / total
                        for step in 0..<count { output[first + step * stride] *= scale }
                    }
                }
            }
        }
    }

    /// The largest of `count` elements `stride` apart from `first`.
    private static func maximum(_ input: UnsafeBufferPointer<Float>, first: Int, count: Int, stride: Int) -> Float {
        var maximum = -Float.infinity
        for step in 0..<count { maximum = Swift.max(maximum, input[first + step * stride]) }
        return maximum
    }

    /// Writes e^(x − `maximum`) of one group to `output` and returns their sum; a contiguous
    /// group (the usual `dim: -1`) goes eight lanes at a time.
    private static func exponentials(
        _ input: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>,
        first: Int, count: Int, stride: Int, minus maximum: Float
    ) -> Float {
        guard stride == 1 else {
            var total: Float = 0
            for step in 0..<count {
                let value = Foundation.exp(input[first + step * stride] - maximum)
                output[first + step * stride] = value
                total += value
            }
            return total
        }
        var totals = SIMD8<Float>()
        var start = first
        let end = first + count
        while start < end {
            let width = Swift.min(8, end - start)
            if width == 8 {
                let chunk = UnsafeRawPointer(input.baseAddress! + start).loadUnaligned(as: SIMD8<Float>.self)
                let values = VectorExp.exp(chunk - maximum)
                UnsafeMutableRawPointer(output.baseAddress! + start).storeBytes(of: values, as: SIMD8<Float>.self)
                totals += values
            } else {
                // The last partial chunk is padded with −inf, whose exponential is 0.
                var chunk = SIMD8<Float>(repeating: -.infinity)
                for lane in 0..<width { chunk[lane] = input[start + lane] }
                let values = VectorExp.exp(chunk - maximum)
                for lane in 0..<width { output[start + lane] = values[lane] }
                totals += values
            }
            start += 8
        }
        return totals.sum()
    }

    // MARK: - Gradients

    /// The softmax's input gradient from this output gradient g and its output y: y·(g − Σ g·y).
    private func softmaxGradient(output: Tensor, along axis: Int) -> Tensor {
        groupwiseGradient(output: output, along: axis, total: { gradient, output in gradient * output }) { g, y, dot in
            y * (g - dot)
        }
    }

    /// The log-softmax's input gradient from this output gradient g and its output y: g − e^y·Σ g.
    private func logSoftmaxGradient(output: Tensor, along axis: Int) -> Tensor {
        groupwiseGradient(output: output, along: axis, total: { gradient, _ in gradient }) { g, y, sum in
            g - Foundation.exp(y) * sum
        }
    }

    /// A gradient computed group by group along `axis` from this output gradient g and the output y:
    /// first s = Σ `total`(g, y) over the group, then `element`(g, y, s) for each of its elements.
    private func groupwiseGradient(output: Tensor, along axis: Int, total: (Float, Float) -> Float,
                                   element: (Float, Float, Float) -> Float) -> Tensor {
        let layout = ReductionLayout(shape: shape, dim: axis)
        return Tensor(shape: shape) { result in
            storage.withUnsafeBufferPointer { gradient in
                output.storage.withUnsafeBufferPointer { output in
                    layout.forEachGroup { first, count, stride in
                        var sum: Float = 0
                        for step in 0..<count { sum += total(gradient[first + step * stride], output[first + step * stride]) }
                        for step in 0..<count {
                            let index = first + step * stride
                            result[index] = element(gradient[index], output[index], sum)
                        }
                    }
                }
            }
        }
    }
}
