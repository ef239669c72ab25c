/// The 32-bit Mersenne Twister (MT19937) as PyTorch's CPU generator seeds and runs it.
///
/// Seeding is the reference `init_genrand` with only the low 32 bits of the 64-bit seed, so
/// seeds 5 and 2^32 + 5 give the same stream. The whole state is regenerated (the twist) on the
/// first draw after seeding and after every 624 draws; outputs go through the standard tempering.
struct MT19937: Sendable {
    /// The number of 32-bit words of state (n).
    static let stateSize = 624
    /// The middle offset of the recurrence (m).
    static let middleOffset = 397
    /// The twist's matrix constant (a).
    static let matrixA: UInt32 = 0x9908_B0DF

    /// The state words.
    private var state: [UInt32]
    /// The next state word to temper; `stateSize` means the state must be twisted first.
    private var index: Int

    /// An engine seeded with the low 32 bits of `seed`.
    init(seed: UInt64) {
        var words = [UInt32](repeating: 0, count: Self.stateSize)
        words[0] = UInt32(truncatingIfNeeded: seed)
        for position in 1..<Self.stateSize {
            let previous = words[position - 1]
            words[position] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(position)
        }
        state = words
        index = Self.stateSize
    }

    /// The next 32-bit output.
    mutating func next() -> UInt32 {
        if index == Self.stateSize { twist() }
        let word = state[index]
        index += 1
        return Self.temper(word)
    }

    /// Writes the next `buffer.count` outputs into `buffer`, in order (as many calls to `next()`).
    mutating func fill(_ buffer: UnsafeMutableBufferPointer<UInt32>) {
        guard let output = buffer.baseAddress else { return }
        var written = 0
        while written < buffer.count {
            if index == Self.stateSize { twist() }
            let take = Swift.min(buffer.count - written, Self.stateSize - index)
            state.withUnsafeBufferPointer { words in
                for offset in 0..<take {
                    output[written + offset] = Self.temper(words[index + offset])
                }
            }
            index += take
            written += take
        }
    }

    // MARK: - Internals

    /// The standard MT19937 output tempering.
    @inline(__always)
    private static func temper(_ word: UInt32) -> UInt32 {
        var y = word
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Regenerates all 624 state words from the current ones, in place and in order.
    private mutating func twist() {
        let size = Self.stateSize, middle = Self.middleOffset
        state.withUnsafeMutableBufferPointer { words in
            // Word i becomes words[i + m] ^ twist(words[i], words[i + 1]), indices modulo n; the
            // three loops split where i + m and then i + 1 wrap around, so no index needs a modulo.
            for position in 0..<(size - middle) {
                words[position] = words[position + middle] ^ Self.twisted(words[position], words[position + 1])
            }
            for position in (size - middle)..<(size - 1) {
                words[position] = words[position + middle - size] ^ Self.twisted(words[position], words[position + 1])
            }
            words[size - 1] = words[middle - 1] ^ Self.twisted(words[size - 1], words[0])
        }
        index = 0
    }

    /// The top bit of `word` joined to the low 31 bits of `next`, shifted right, xored with the
    /// matrix constant when that joined word is odd.
    @inline(__always)
    private static func twisted(_ word: UInt32, _ next: UInt32) -> UInt32 {
        let joined = (word & 0x8000_0000) | (next & 0x7FFF_FFFF)
        return (joined >> 1) ^ (joined & 1 == 1 ? matrixA : 0)
    }
}
