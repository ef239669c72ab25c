import CTorchRandom

/// Which build of the C float transforms runs: the CPU's fastest, or the portable one.
///
/// Both give the same bits (each fused multiply-add rounds once either way); tests run the
/// portable one on every CPU to prove it.
enum TorchRandomKernels: Sendable {
    /// AVX2 + FMA when the CPU has them, the portable code otherwise.
    case fastest
    /// Scalar code over `fmaf`, whatever the CPU.
    case portable

    /// Whether `fastest` runs the AVX2 + FMA code on this CPU.
    static var fastestIsVectorised: Bool { torch_random_has_avx2_fma() != 0 }

    /// Writes uniform_(`from`, `to`) of `count` 32-bit draws into `values`.
    func uniform(_ draws: UnsafePointer<UInt32>, into values: UnsafeMutablePointer<Float>, count: Int,
                 from: Float, to: Float) {
        switch self {
        case .fastest: torch_random_uniform(draws, values, count, from, to)
        case .portable: torch_random_uniform_portable(draws, values, count, from, to)
        }
    }

    /// Turns `blocks` blocks of 16 uniforms at `values` into normals, in place.
    func normalBlocks(_ values: UnsafeMutablePointer<Float>, blocks: Int, mean: Float, std: Float) {
        switch self {
        case .fastest: torch_random_normal_blocks(values, blocks, mean, std)
        case .portable: torch_random_normal_blocks_portable(values, blocks, mean, std)
        }
    }
}
