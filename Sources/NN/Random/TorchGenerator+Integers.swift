/// Integer draws: `torch.randint`, `torch.randperm` and an int64 `random_()`.
extension TorchGenerator {
    /// `count` integers uniform in `low..<high`, as `torch.randint(low, high, (count,))` draws them.
    ///
    /// Each is `draw % (high − low) + low`, with one 32-bit draw when the range is below 2^28
    /// and a 64-bit draw otherwise (torch 2.13's switch point, measured; the modulo bias is PyTorch's).
    public func randint(low: Int64, high: Int64, count: Int) -> [Int64] {
        precondition(low < high, "TorchGenerator.randint: empty range \(low)..<\(high)")
        precondition(count >= 0, "TorchGenerator.randint: negative count \(count)")
        let range = UInt64(bitPattern: high &- low)
        let base = UInt64(bitPattern: low)
        let wide = range >= 1 << 28
        return (0..<count).map { _ in
            let draw = wide ? random64() : UInt64(random())
            return Int64(bitPattern: draw % range &+ base)
        }
    }

    /// A random permutation of `0..<count`, as `torch.randperm(count)` draws it.
    ///
    /// Forward Fisher–Yates: position i swaps with i + (draw % (count − i)), using 32-bit draws
    /// (64-bit ones from count ≥ (2^32 − 1) / 20, where PyTorch switches).
    public func randperm(_ count: Int) -> [Int] {
        precondition(count >= 0, "TorchGenerator.randperm: negative count \(count)")
        var permutation = Array(0..<count)
        let wide = UInt64(count) >= UInt64(UInt32.max) / 20
        permutation.withUnsafeMutableBufferPointer { values in
            for position in 0..<Swift.max(count - 1, 0) {
                let remaining = UInt64(count - position)
                let draw = wide ? random64() : UInt64(random())
                values.swapAt(position, position + Int(draw % remaining))
            }
        }
        return permutation
    }

    /// A non-negative Int64 from 63 random bits: `torch.empty((), dtype=torch.int64).random_()`.
    ///
    /// This is how PyTorch's DataLoader draws its base seed and its sampler's seed.
    public func randomInt64() -> Int64 {
        Int64(random64() & UInt64(Int64.max))
    }
}
