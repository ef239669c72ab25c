/// Blackman and Vigna's xoshiro256**: a fast, well-tested 64-bit generator with 256 bits of state.
///
/// Deterministic on every platform, unlike `SystemRandomNumberGenerator`; shuffles use it through
/// `DataLoader` so the same seed gives the same batches everywhere.
struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    /// The four state words; never all zero.
    private var s0, s1, s2, s3: UInt64

    /// A generator whose state is four SplitMix64 draws from `seed` (the authors' recommended seeding).
    init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next(); s1 = seeder.next(); s2 = seeder.next(); s3 = seeder.next()
    }

    /// A generator with exactly this state (for reproducing reference sequences); not all zero.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "Xoshiro256StarStar: the all-zero state never leaves zero")
        (s0, s1, s2, s3) = state
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Rotates `x` left by `k` bits.
    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
