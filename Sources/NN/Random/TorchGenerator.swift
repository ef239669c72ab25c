import Foundation

/// PyTorch's CPU random generator (`torch.Generator`, `torch.manual_seed`), bit for bit.
///
/// An mt19937 engine seeded with the low 32 bits of the seed, plus the normal sample that the
/// small `normal_` path caches between calls. A reference type like `torch.Generator`: the
/// factory functions, `Linear` and a `DataLoader` in PyTorch order draw from one shared
/// generator, in the order they are called, as the notebook's global generator does.
/// The numbers match torch 2.x on x86-64 CPUs with AVX2 (the Cephes path of `normal_`).
/// Not thread-safe: draw from one task at a time.
public final class TorchGenerator {
    /// The seed of a `torch.Generator()` that was never seeded: 67280421310721.
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// The seed last set, all 64 bits (`initial_seed()`); only the low 32 bits drive the stream.
    public private(set) var initialSeed: UInt64
    /// The mt19937 engine.
    private var engine: MT19937
    /// The second normal of the last Box–Muller pair of the small path, waiting for the next call.
    private var cachedNormal: Double?

    /// A generator seeded with `seed` (PyTorch's default seed when omitted).
    public init(seed: UInt64 = TorchGenerator.defaultSeed) {
        initialSeed = seed
        engine = MT19937(seed: seed)
        cachedNormal = nil
    }

    /// A generator seeded with `seed`; a negative seed counts as its 64-bit two's complement.
    public convenience init(seed: Int64) {
        self.init(seed: UInt64(bitPattern: seed))
    }

    /// A generator seeded with `seed` (lets integer literals, negative ones too, pick an overload).
    public convenience init(seed: Int) {
        self.init(seed: Int64(seed))
    }

    /// Reseeds the generator and forgets the cached normal (`torch.manual_seed(seed)`).
    public func manualSeed(_ seed: UInt64) {
        initialSeed = seed
        engine = MT19937(seed: seed)
        cachedNormal = nil
    }

    /// Reseeds with a signed seed, taken as its 64-bit two's complement (`manual_seed(-1)`).
    public func manualSeed(_ seed: Int64) {
        manualSeed(UInt64(bitPattern: seed))
    }

    /// Reseeds with `seed` (lets integer literals, negative ones too, pick an overload).
    public func manualSeed(_ seed: Int) {
        manualSeed(Int64(seed))
    }

    /// A new generator in this one's exact state (`g.set_state(other.get_state())`): both then draw the same numbers.
    public func copy() -> TorchGenerator {
        let twin = TorchGenerator(seed: initialSeed)
        twin.engine = engine
        twin.cachedNormal = cachedNormal
        return twin
    }

    // MARK: - Raw draws

    /// The next 32 random bits (`random()`).
    public func random() -> UInt32 {
        engine.next()
    }

    /// The next 64 random bits, the first 32-bit draw in the high half (`random64()`).
    public func random64() -> UInt64 {
        let high = UInt64(engine.next())
        let low = UInt64(engine.next())
        return high << 32 | low
    }

    /// Writes the next `buffer.count` 32-bit draws into `buffer`, in order.
    func fill(_ buffer: UnsafeMutableBufferPointer<UInt32>) {
        engine.fill(buffer)
    }

    // MARK: - Scalar distributions

    /// A Double uniformly distributed in [0, 1) with 53 random bits: one `random64()`.
    func uniformDouble() -> Double {
        Double(random64() & (1 << 53 - 1)) * 0x1p-53
    }

    /// One normal sample of the small `normal_` path: Box–Muller in Double, one value cached.
    ///
    /// A cached sample, left by the previous call whatever its mean and std, is used first;
    /// otherwise two uniforms give radius·cos θ now and cache radius·sin θ. The result is
    /// `value · std + mean` with a single rounding, as PyTorch's build fuses it.
    func normalSample(mean: Double, std: Double) -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return mean.addingProduct(cached, std)
        }
        let angleUniform = uniformDouble()
        let radiusUniform = uniformDouble()
        let radius = (-2 * log1p(-radiusUniform)).squareRoot()
        let theta = 2 * Double.pi * angleUniform
        cachedNormal = radius * sin(theta)
        return mean.addingProduct(radius * cos(theta), std)
    }
}
