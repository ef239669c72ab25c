/// Float32 buffers filled as PyTorch's `uniform_` and `normal_` fill a contiguous tensor.
extension TorchGenerator {
    /// The size of the blocks the vectorised `normal_` transforms, and the smallest count it handles.
    static let normalBlock = 16

    /// Fills `values` with uniform_(`from`, `to`): one 32-bit draw per element, in order.
    ///
    /// x = (draw & 0xFFFFFF) · 2^-24, value = fma(x, to − from, from) in float32, and `from`
    /// instead of a value that rounds to `to`.
    func fillUniform(_ values: UnsafeMutableBufferPointer<Float>, from: Float, to: Float,
                     kernels: TorchRandomKernels = .fastest) {
        guard let output = values.baseAddress, !values.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: values.count) { draws in
            fill(draws)
            kernels.uniform(draws.baseAddress!, into: output, count: values.count, from: from, to: to)
        }
    }

    /// Fills `values` with normal_(`mean`, `std`) by whichever of PyTorch's two paths its size takes.
    ///
    /// From 16 elements: all uniforms first, then Box–Muller in float32 on blocks of 16, and a
    /// remainder redone from 16 fresh uniforms over the last 16 elements (mean and std rounded to
    /// float32). Below 16: one Double Box–Muller sample per element, with the generator's cache.
    func fillNormal(_ values: UnsafeMutableBufferPointer<Float>, mean: Double, std: Double,
                    kernels: TorchRandomKernels = .fastest) {
        let count = values.count
        guard let output = values.baseAddress, count >= Self.normalBlock else {
            for index in values.indices {
                values[index] = Float(normalSample(mean: mean, std: std))
            }
            return
        }
        let mean32 = Float(mean), std32 = Float(std)
        fillUniform(values, from: 0, to: 1, kernels: kernels)
        kernels.normalBlocks(output, blocks: count / Self.normalBlock, mean: mean32, std: std32)
        if count % Self.normalBlock != 0 {
            // The tail is not left short: the last 16 elements are drawn again and overwritten.
            let last = UnsafeMutableBufferPointer(rebasing: values[(count - Self.normalBlock)...])
            fillUniform(last, from: 0, to: 1, kernels: kernels)
            kernels.normalBlocks(last.baseAddress!, blocks: 1, mean: mean32, std: std32)
        }
    }
}
