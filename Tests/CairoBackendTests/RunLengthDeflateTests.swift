@testable import CairoBackend
import Foundation
import Testing

/// The pieces of `RunLengthDeflate` against known values of the formats (RFC 1950/1951, PNG's CRC-32).
@Suite struct RunLengthDeflateTests {
    /// The Adler-32 trailer of a zlib stream.
    func adler(_ stream: [UInt8]) -> UInt32 {
        stream.suffix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    @Test func adlerOfKnownTexts() {
        // RFC 1950's checksum of "Wikipedia" is 0x11E60398; of nothing, 1.
        let text = Array("Wikipedia".utf8)
        #expect(text.withUnsafeBufferPointer { adler(RunLengthDeflate.zlibStream($0)) } == 0x11E6_0398)
        #expect([UInt8]().withUnsafeBufferPointer { adler(RunLengthDeflate.zlibStream($0)) } == 1)
    }

    @Test func adlerOfRunsMatchesTheByteByByteDefinition() {
        // Runs take the closed form; the bytes in between the per-byte sum: both must agree with the definition.
        var data: [UInt8] = []
        for i in 0..<3000 { data += [UInt8](repeating: UInt8(i % 7 == 0 ? 255 : 0), count: i % 300) + [UInt8(i & 0xFF)] }
        var s1: UInt32 = 1, s2: UInt32 = 0
        for byte in data { s1 = (s1 + UInt32(byte)) % 65521; s2 = (s2 + s1) % 65521 }
        #expect(data.withUnsafeBufferPointer { adler(RunLengthDeflate.zlibStream($0)) } == s2 << 16 | s1)
    }

    @Test func headerIsAValidZlibHeader() {
        let stream = [UInt8](repeating: 9, count: 10).withUnsafeBufferPointer { RunLengthDeflate.zlibStream($0) }
        #expect(stream[0] == 0x78 && (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0)
    }

    @Test func repeatedBytesCompressLikeTheirScan() {
        // appendRepeated (rows equal to the row above) must give the very stream a scan of the same bytes gives.
        var scanned = RunLengthDeflate(expectedBytes: 0)
        var repeated = RunLengthDeflate(expectedBytes: 0)
        defer { scanned.release(); repeated.release() }
        let head: [UInt8] = [2, 5, 5, 1]
        let zeros = [UInt8](repeating: 0, count: 1000)
        head.withUnsafeBufferPointer { scanned.append($0.baseAddress!, count: 4); repeated.append($0.baseAddress!, count: 4) }
        zeros.withUnsafeBufferPointer { scanned.append($0.baseAddress!, count: 1000) }
        repeated.appendRepeated(0, count: 1000)
        #expect(scanned.finish() == repeated.finish())
    }

    @Test func runScannerCountsExactly() {
        // Across its 8-byte steps and its byte-wise tail.
        for length in [0, 1, 7, 8, 9, 258, 259, 600] {
            let data = [UInt8](repeating: 4, count: length) + [5]
            let run = data.withUnsafeBufferPointer { RunLengthDeflate.runLength(of: 4, from: $0.baseAddress!, limit: data.count) }
            #expect(run == length)
        }
    }

    @Test func lengthCodesFollowRFC1951() {
        // Length 3 → code 257, 10 → 264, 11 → 265, 257 → 284, 258 → 285 (index + 257).
        let index = RunLengthDeflate.lengthCodeIndex
        #expect(index[0] == 0 && index[7] == 7 && index[8] == 8 && index[254] == 27 && index[255] == 28)
    }

    @Test func huffmanLengthsAreCompleteAndLimited() {
        // A skewed distribution that an unlimited Huffman tree would make 20+ levels deep.
        let frequencies = (0..<30).map { 1 << min($0, 25) }
        let lengths = HuffmanCode.lengths(frequencies, limit: 15)
        #expect(lengths.max()! <= 15)
        // Kraft sum exactly 1: a complete prefix code.
        let kraft = lengths.filter { $0 > 0 }.reduce(0.0) { $0 + pow(2, -Double($1)) }
        #expect(abs(kraft - 1) < 1e-12)
        // One used symbol still gives a complete two-code tree.
        #expect(HuffmanCode.lengths([0, 0, 5], limit: 7) == [1, 0, 1])
    }

    @Test func crcOfKnownChunk() {
        // The CRC-32 of an IEND chunk (type only, no data) is 0xAE426082 in every PNG.
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)
    }
}
