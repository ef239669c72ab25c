/// A deflate (RFC 1951) compressor specialised for PNG rows after the UP filter: runs of a repeated byte become
/// distance-1 matches, everything else literals, coded with one dynamic Huffman table per block.
///
/// Why not zlib: a figure's UP-filtered rows are mostly long runs of zeros (white rows, vertical runs of bars
/// and grid lines). zlib's level 1 still hashes, copies and checksums them byte by byte (about 3 ns per byte
/// here); this scans them 8 bytes at a time and adds a whole run to the Adler-32 checksum in closed form.
/// The output is a standard zlib stream (RFC 1950) any decoder reads; it is about as large as zlib's own
/// `Z_RLE` strategy, which finds the same matches.
///
/// Streaming: `append` takes the filtered bytes a row at a time (each row in L1 cache), `finish` returns the stream.
struct RunLengthDeflate {
    /// Literal/length tokens of the current block: < 256 a literal; 256 + (length − 3) a distance-1 match.
    private var tokens: UnsafeMutablePointer<UInt16>
    private var tokenCount = 0
    /// The compressed stream so far.
    private var writer: BitWriter
    /// Adler-32 sums of the bytes appended so far (reduced every `adlerReduceInterval` tokens).
    private var s1: UInt64 = 1
    private var s2: UInt64 = 0
    private var tokensSinceReduce = 0
    /// The last byte appended (a distance-1 match repeats it); nil before the first byte.
    private var previousByte: UInt8?
    /// Set once `finish` has run.
    private var finished = false

    /// Matches shorter than this are not worth a length code.
    static let minimumMatch = 3
    /// The longest match deflate can express.
    static let maximumMatch = 258
    /// Tokens per dynamic block: enough to amortise the block header, few enough to adapt to each region.
    static let tokensPerBlock = 1 << 15

    // MARK: - RFC 1951 tables (facts of the format)

    /// Length code 257 + i covers lengths `lengthBase[i] ..< lengthBase[i] + 2^lengthExtra[i]`.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    /// Extra bits of each length code.
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                     3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// The order in which code-length code lengths are written.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// For each match length 3...258 (index length − 3): its length code index (0...28).
    static let lengthCodeIndex: [UInt8] = {
        var table = [UInt8](repeating: 0, count: maximumMatch - minimumMatch + 1)
        // In code order, so that code 28 (exactly 258) overrides the top of code 27's range (227...258).
        for code in 0..<lengthBase.count {
            let start = lengthBase[code]
            for length in start..<(start + (1 << lengthExtra[code])) where length <= maximumMatch {
                table[length - minimumMatch] = UInt8(code)
            }
        }
        return table
    }()

    // MARK: - Compression

    /// Room for one block of tokens: a full block is written out as soon as its last token arrives.
    static let tokenCapacity = tokensPerBlock + 8

    /// A compressor whose output buffer starts with `expectedBytes` of room. Call `finish` (which frees the output
    /// buffer) and `release` (which frees the tokens) exactly once each.
    init(expectedBytes: Int) {
        tokens = .allocate(capacity: Self.tokenCapacity)
        writer = BitWriter(capacity: expectedBytes + 1024)
        writer.appendByte(0x78)  // CM 8 (deflate), 32 KB window
        writer.appendByte(0x01)  // FLEVEL 0 (fastest), FCHECK making 0x7801 a multiple of 31
    }

    /// Frees the token buffer.
    mutating func release() {
        tokens.deallocate()
    }

    /// Compresses the next `count` bytes of the stream.
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        precondition(!finished, "RunLengthDeflate.append after finish")
        var i = 0
        // A run continuing the previous byte (e.g. across two appends).
        if let previous = previousByte {
            i = emitRun(of: previous, from: bytes, limit: count)
        }
        while i < count {
            let byte = bytes[i]
            emitLiteral(byte)
            i += 1
            i += emitRun(of: byte, from: bytes + i, limit: count - i)
        }
    }

    /// Compresses `count` copies of `byte` without reading them (e.g. an UP-filtered row equal to the row above).
    mutating func appendRepeated(_ byte: UInt8, count: Int) {
        precondition(!finished, "RunLengthDeflate.appendRepeated after finish")
        var remaining = count
        if remaining > 0 && previousByte != byte {
            emitLiteral(byte)
            remaining -= 1
        }
        while remaining >= Self.minimumMatch {
            remaining -= emitMatches(of: byte, run: remaining)
        }
        for _ in 0..<remaining { emitLiteral(byte) }
    }

    /// Ends the stream: the final block, then the Adler-32 of every appended byte.
    mutating func finish() -> [UInt8] {
        precondition(!finished, "RunLengthDeflate.finish twice")
        finished = true
        writeBlock(final: true)
        writer.flush()
        let adler = UInt32((s2 % Self.adlerModulus) << 16 | (s1 % Self.adlerModulus))
        writer.appendBigEndian(adler)
        return writer.bytes()
    }

    /// Adds one literal token and its byte to the checksum.
    @inline(__always)
    private mutating func emitLiteral(_ byte: UInt8) {
        s1 += UInt64(byte)
        s2 += s1
        push(UInt16(byte))
        previousByte = byte
    }

    /// Codes the bytes equal to `byte` at `start` (at most `limit`) as distance-1 matches; returns how many it took
    /// (0 when the run is shorter than a match, or 1–2 bytes of its tail are left for literals).
    @inline(__always)
    private mutating func emitRun(of byte: UInt8, from start: UnsafePointer<UInt8>, limit: Int) -> Int {
        emitMatches(of: byte, run: Self.runLength(of: byte, from: start, limit: limit))
    }

    /// Codes up to `run` further copies of the last byte, `byte`, as distance-1 matches; returns how many it took.
    @inline(__always)
    private mutating func emitMatches(of byte: UInt8, run: Int) -> Int {
        var run = run
        var taken = 0
        while run >= Self.minimumMatch {
            let length = min(run, Self.maximumMatch)
            // Never leave 1–2 bytes that no match can code when a shorter match avoids it.
            let take = run > length && run - length < Self.minimumMatch ? length - Self.minimumMatch : length
            // Adler-32 of `take` copies of `byte` in closed form: s2 gains take·s1 + byte·take(take+1)/2.
            let n = UInt64(take), value = UInt64(byte)
            s2 += n * s1 + value * n * (n + 1) / 2
            s1 += n * value
            push(UInt16(256 + take - Self.minimumMatch))
            taken += take
            run -= take
        }
        return taken
    }

    /// Appends a token, reducing the checksum and flushing a full block as needed.
    @inline(__always)
    private mutating func push(_ token: UInt16) {
        tokens[tokenCount] = token
        tokenCount += 1
        // 64-bit sums stay far from overflow between reductions: per token s1 grows < 2^17 and s2 < 2^9 · s1 + 2^23.
        tokensSinceReduce += 1
        if tokensSinceReduce == Self.adlerReduceInterval {
            s1 %= Self.adlerModulus
            s2 %= Self.adlerModulus
            tokensSinceReduce = 0
        }
        if tokenCount == Self.tokensPerBlock { writeBlock(final: false) }
    }

    /// Adler-32's prime modulus.
    static let adlerModulus: UInt64 = 65521
    /// Tokens between reductions of the Adler-32 sums.
    static let adlerReduceInterval = 1024

    /// Bytes equal to `byte` starting at `start`, at most `limit`, compared 8 at a time.
    @inline(__always)
    static func runLength(of byte: UInt8, from start: UnsafePointer<UInt8>, limit: Int) -> Int {
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        let raw = UnsafeRawPointer(start)
        var n = 0
        while n + 8 <= limit {
            let difference = raw.loadUnaligned(fromByteOffset: n, as: UInt64.self) ^ pattern
            if difference != 0 {
                // The first differing byte in memory order.
                let bit = UInt64(1).littleEndian == 1 ? difference.trailingZeroBitCount : difference.leadingZeroBitCount
                return n + bit / 8
            }
            n += 8
        }
        while n < limit && start[n] == byte { n += 1 }
        return n
    }

    /// Compresses `data` in one go into a zlib stream.
    static func zlibStream(_ data: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var deflate = RunLengthDeflate(expectedBytes: data.count / 16)
        defer { deflate.release() }
        if let base = data.baseAddress { deflate.append(base, count: data.count) }
        return deflate.finish()
    }

    // MARK: - Blocks

    /// Writes the pending tokens as one dynamic-Huffman block followed by end-of-block, and empties the buffer.
    private mutating func writeBlock(final: Bool) {
        let tokens = UnsafeBufferPointer(start: self.tokens, count: tokenCount)
        defer { tokenCount = 0 }
        Self.lengthCodeIndex.withUnsafeBufferPointer { lengthCodeIndex in
            // Literal/length frequencies (0...285) and code lengths.
            var frequencies = [Int](repeating: 0, count: 286)
            for token in tokens {
                if token < 256 {
                    frequencies[Int(token)] += 1
                } else {
                    frequencies[257 + Int(lengthCodeIndex[Int(token) - 256])] += 1
                }
            }
            frequencies[256] = 1  // end of block
            let literalLengths = HuffmanCode.lengths(frequencies, limit: 15)
            let literalCode = HuffmanCode(lengths: literalLengths)
            // One distance code (0: distance 1) of length 1: zlib accepts this single incomplete code.
            let distanceLengths = [1]

            let literalCount = max(257, (literalLengths.lastIndex { $0 > 0 } ?? 256) + 1)
            let sequence = Array(literalLengths[0..<literalCount]) + distanceLengths
            let (codeLengthSymbols, codeLengthFrequencies) = Self.runLengthEncode(sequence)
            let codeLengthLengths = HuffmanCode.lengths(codeLengthFrequencies, limit: 7)
            let codeLengthCode = HuffmanCode(lengths: codeLengthLengths)
            var codeLengthCount = 19
            while codeLengthCount > 4 && codeLengthLengths[Self.codeLengthOrder[codeLengthCount - 1]] == 0 { codeLengthCount -= 1 }

            // Worst case per token: a 15-bit length code, 5 extra bits and the distance bit.
            writer.reserve(tokens.count * 3 + 1024)
            writer.write(final ? 1 : 0, bits: 1)
            writer.write(2, bits: 2)  // BTYPE 10: dynamic Huffman
            writer.write(UInt64(literalCount - 257), bits: 5)
            writer.write(UInt64(distanceLengths.count - 1), bits: 5)
            writer.write(UInt64(codeLengthCount - 4), bits: 4)
            for i in 0..<codeLengthCount { writer.write(UInt64(codeLengthLengths[Self.codeLengthOrder[i]]), bits: 3) }
            for (symbol, extra) in codeLengthSymbols {
                codeLengthCode.write(Int(symbol), into: &writer)
                switch symbol {
                case 16: writer.write(UInt64(extra), bits: 2)
                case 17: writer.write(UInt64(extra), bits: 3)
                case 18: writer.write(UInt64(extra), bits: 7)
                default: break
                }
            }
            // Each length code with its extra bits and the distance code "0" as one precomputed bit string.
            var matchBits = [UInt64](repeating: 0, count: Self.maximumMatch - Self.minimumMatch + 1)
            var matchWidths = [Int](repeating: 0, count: matchBits.count)
            for index in matchBits.indices {
                let length = index + Self.minimumMatch
                let code = Int(lengthCodeIndex[index])
                let (bits, width) = literalCode.code(257 + code)
                let extraWidth = Self.lengthExtra[code]
                matchBits[index] = bits | UInt64(length - Self.lengthBase[code]) << UInt64(width)  // distance bit 0 follows
                matchWidths[index] = width + extraWidth + 1
            }
            literalCode.withTables { codes, widths in
                matchBits.withUnsafeBufferPointer { matchBits in
                    matchWidths.withUnsafeBufferPointer { matchWidths in
                        for token in tokens {
                            let t = Int(token)
                            if t < 256 {
                                writer.write(codes[t], bits: widths[t])
                            } else {
                                writer.write(matchBits[t - 256], bits: matchWidths[t - 256])
                            }
                        }
                    }
                }
            }
            literalCode.write(256, into: &writer)
        }
    }

    /// The code-length sequence as code-length symbols (0–15 literal lengths; 16 repeat previous 3–6; 17 zeros
    /// 3–10; 18 zeros 11–138) with their extra-bit values, and the symbols' frequencies.
    static func runLengthEncode(_ lengths: [Int]) -> (symbols: [(UInt8, UInt8)], frequencies: [Int]) {
        var symbols: [(UInt8, UInt8)] = []
        var frequencies = [Int](repeating: 0, count: 19)
        func emit(_ symbol: Int, _ extra: Int = 0) {
            symbols.append((UInt8(symbol), UInt8(extra)))
            frequencies[symbol] += 1
        }
        var i = 0
        while i < lengths.count {
            let value = lengths[i]
            var run = 1
            while i + run < lengths.count && lengths[i + run] == value { run += 1 }
            i += run
            if value == 0 {
                while run >= 11 { let n = min(run, 138); emit(18, n - 11); run -= n }
                if run >= 3 { emit(17, run - 3); run = 0 }
                while run > 0 { emit(0); run -= 1 }
            } else {
                emit(value)
                run -= 1
                while run >= 3 { let n = min(run, 6); emit(16, n - 3); run -= n }
                while run > 0 { emit(value); run -= 1 }
            }
        }
        return (symbols, frequencies)
    }
}

// MARK: - Huffman codes

/// A canonical Huffman code (RFC 1951 §3.2.2) with its codes bit-reversed for LSB-first output.
struct HuffmanCode {
    /// Code length per symbol (0: unused).
    let lengths: [Int]
    /// Bit-reversed code per symbol.
    private let codes: [UInt64]

    /// The canonical code for `lengths`.
    init(lengths: [Int]) {
        self.lengths = lengths
        let maximum = lengths.max() ?? 0
        var lengthCounts = [Int](repeating: 0, count: maximum + 1)
        for length in lengths where length > 0 { lengthCounts[length] += 1 }
        var next = [Int](repeating: 0, count: maximum + 2)
        var code = 0
        for bits in stride(from: 1, through: maximum, by: 1) {
            code = (code + lengthCounts[bits - 1]) << 1
            next[bits] = code
        }
        var codes = [UInt64](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            codes[symbol] = Self.reversed(next[length], bits: length)
            next[length] += 1
        }
        self.codes = codes
    }

    /// Writes `symbol`'s code.
    @inline(__always)
    func write(_ symbol: Int, into writer: inout BitWriter) {
        writer.write(codes[symbol], bits: lengths[symbol])
    }

    /// `symbol`'s bit-reversed code and its width.
    func code(_ symbol: Int) -> (bits: UInt64, width: Int) { (codes[symbol], lengths[symbol]) }

    /// Runs `body` with the codes and widths as unchecked buffers, for the hot loop.
    func withTables<R>(_ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Int>) -> R) -> R {
        codes.withUnsafeBufferPointer { codes in lengths.withUnsafeBufferPointer { body(codes, $0) } }
    }

    /// The low `bits` bits of `value` in reverse order.
    static func reversed(_ value: Int, bits: Int) -> UInt64 {
        var result: UInt64 = 0
        var v = value
        for _ in 0..<bits {
            result = result << 1 | UInt64(v & 1)
            v >>= 1
        }
        return result
    }

    /// Huffman code lengths for `frequencies`, none longer than `limit`, forming a complete code.
    ///
    /// Unused symbols get 0. With a single used symbol a second one gets length 1 too, because a code-length
    /// code must be complete. Over-long codes are avoided by flattening the frequencies (halving them, keeping
    /// each at least 1) and building again: rare, and always ends since equal frequencies give a balanced tree.
    static func lengths(_ frequencies: [Int], limit: Int) -> [Int] {
        var weights = frequencies
        var used = weights.indices.filter { weights[$0] > 0 }
        if used.isEmpty { used = [0]; weights[0] = 1 }
        if used.count == 1 {
            let other = used[0] == 0 ? 1 : 0
            weights[other] = 1
            used = [min(used[0], other), max(used[0], other)]
        }
        while true {
            let lengths = treeDepths(weights, used: used)
            if (lengths.max() ?? 0) <= limit { return lengths }
            for symbol in used { weights[symbol] = max(1, weights[symbol] >> 1) }
        }
    }

    /// Leaf depths of a Huffman tree over the `used` symbols (two-queue construction over sorted leaves).
    private static func treeDepths(_ weights: [Int], used: [Int]) -> [Int] {
        let leaves = used.sorted { (weights[$0], $0) < (weights[$1], $1) }
        let leafCount = leaves.count
        // Nodes 0..<leafCount are leaves (in sorted order), then internal nodes in creation order.
        var weight = leaves.map { weights[$0] }
        var parent = [Int](repeating: -1, count: 2 * leafCount - 1)
        weight.reserveCapacity(2 * leafCount - 1)
        var nextLeaf = 0, nextInternal = leafCount
        func takeSmallest() -> Int {
            if nextLeaf < leafCount && (nextInternal >= weight.count || weight[nextLeaf] <= weight[nextInternal]) {
                defer { nextLeaf += 1 }
                return nextLeaf
            }
            defer { nextInternal += 1 }
            return nextInternal
        }
        for _ in 0..<(leafCount - 1) {
            let a = takeSmallest(), b = takeSmallest()
            let node = weight.count
            weight.append(weight[a] + weight[b])
            parent[a] = node
            parent[b] = node
        }
        // Depths from the root (the last node) down: a parent is always created after its children.
        var depth = [Int](repeating: 0, count: weight.count)
        for node in stride(from: weight.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        var lengths = [Int](repeating: 0, count: weights.count)
        for (rank, symbol) in leaves.enumerated() { lengths[symbol] = depth[rank] }
        return lengths
    }
}

// MARK: - Bits and checksums

/// Packs variable-width codes least significant bit first, as deflate requires, into a buffer grown by `reserve`.
struct BitWriter {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var buffer: UInt64 = 0
    private var bitCount = 0

    /// An empty writer with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    /// Makes room for at least `bytes` more bytes.
    mutating func reserve(_ bytes: Int) {
        guard count + bytes + 8 > capacity else { return }
        let grown = max(capacity * 2, count + bytes + 8)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    /// Appends the low `bits` bits of `value` (at most 32); the caller has reserved room.
    @inline(__always)
    mutating func write(_ value: UInt64, bits: Int) {
        buffer |= value << UInt64(bitCount)
        bitCount += bits
        if bitCount >= 32 {
            // Store 4 bytes at once, least significant first.
            UnsafeMutableRawPointer(storage + count).storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
            count += 4
            buffer >>= 32
            bitCount -= 32
        }
    }

    /// Appends one whole byte (only on a byte boundary).
    mutating func appendByte(_ byte: UInt8) {
        precondition(bitCount == 0, "appendByte off a byte boundary")
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Pads the last byte with zero bits.
    mutating func flush() {
        reserve(8)
        while bitCount > 0 {
            storage[count] = UInt8(truncatingIfNeeded: buffer)
            count += 1
            buffer >>= 8
            bitCount = max(0, bitCount - 8)
        }
        buffer = 0
    }

    /// Appends a 32-bit value most significant byte first (zlib's Adler-32 trailer).
    mutating func appendBigEndian(_ value: UInt32) {
        for shift in [24, 16, 8, 0] { appendByte(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    /// The bytes written, copied out; the writer's memory is freed.
    mutating func bytes() -> [UInt8] {
        defer { storage.deallocate(); capacity = 0 }
        return Array(UnsafeBufferPointer(start: storage, count: count))
    }
}
