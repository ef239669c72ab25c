import Foundation

/// A seeded, deterministic pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same stream on every run and platform. It is *not* PyTorch's
/// mt19937/Philox stream, so `torch.manual_seed(n)` and `Generator(seed: n)` draw different
/// numbers; only the distributions agree. It is also a `RandomNumberGenerator`, so
/// `array.shuffled(using: &generator)` works, but `shuffle(_:)` below is the order to rely on:
/// the standard library does not promise its shuffling algorithm across Swift versions.
public struct Generator: RandomNumberGenerator, Sendable {
    // The four 64-bit words of xoshiro256** state; never all zero (SplitMix64 guarantees it).
    private var state: (UInt64, UInt64, UInt64, UInt64)
    // Box–Muller yields normals in pairs; the second one waits here for the next call.
    private var spareNormal: Float?

    /// The seed this generator was created with.
    public let seed: UInt64

    /// Creates a generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var mixer = seed
        state = (Self.splitMix64(&mixer), Self.splitMix64(&mixer),
                 Self.splitMix64(&mixer), Self.splitMix64(&mixer))
        spareNormal = nil
    }

    // MARK: - Raw stream

    /// The next 64 uniformly distributed bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    // MARK: - Distributions

    /// A Float uniformly distributed in [0, 1), with 24 random bits (every representable step).
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A Float uniformly distributed in [`low`, `high`).
    public mutating func uniform(low: Float = 0, high: Float = 1) -> Float {
        let value = low + (high - low) * nextUnitFloat()
        // Rounding of `low + span * u` can land on `high`; keep the interval half-open.
        return value < high ? value : low
    }

    /// A normally distributed Float (Box–Muller transform), mean `mean` and standard deviation `std`.
    public mutating func normal(mean: Float = 0, std: Float = 1) -> Float {
        if let spare = spareNormal {
            spareNormal = nil
            return mean + std * spare
        }
        // u1 in (0, 1] so that log(u1) is finite; computed in Double for accuracy in the tails.
        let u1 = (Double(next() >> 11) + 1) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = Float(radius * sin(angle))
        return mean + std * Float(radius * cos(angle))
    }

    /// An integer uniformly distributed in 0..<`upperBound` without modulo bias (Lemire's method).
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "Generator.nextInt(below:): upper bound \(upperBound) must be positive")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    // MARK: - Permutations

    /// Shuffles `elements` in place (Fisher–Yates), deterministically for this generator's state.
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for index in stride(from: elements.count - 1, to: 0, by: -1) {
            let other = nextInt(below: index + 1)
            if other != index { elements.swapAt(index, other) }
        }
    }

    /// A random permutation of 0..<`count`, like `torch.randperm(count)` (different stream).
    public mutating func permutation(_ count: Int) -> [Int] {
        precondition(count >= 0, "Generator.permutation: negative count \(count)")
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    // MARK: - Helpers

    private func rotateLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
