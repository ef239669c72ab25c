import CairoBackend
import Foundation
import Plotting
import Testing

/// PNG files from untrusted sources: what the header claims is checked against what the file can hold.
@Suite struct PNGHostileInputTests {
    /// `png` with its IHDR width and height replaced and the chunk's CRC-32 recomputed.
    private func withDeclaredSize(_ png: [UInt8], width: UInt32, height: UInt32) -> [UInt8] {
        var bytes = png
        for (offset, value) in [(16, width), (20, height)] {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
        }
        let crc = crc32(Array(bytes[12..<29]))  // "IHDR" and its 13 bytes
        for index in 0..<4 { bytes[29 + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * index)) }
        return bytes
    }

    /// The CRC-32 PNG chunks carry (IEEE, reflected polynomial 0xEDB88320).
    private func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Seed `png/huge-declared.png`: 125 bytes declaring 16000x16000 RGBA pixels made the decoder
    /// allocate and zero 1 GiB (the fuzzer's peak memory) before libpng found the data missing.
    @Test func smallFileDeclaringAHugeImageIsRefusedBeforeAllocating() throws {
        let small = try PNGEncoder.encode(RGBAImage.pseudoRandom(width: 6, height: 5, seed: 4, opaque: false))
        let claim = withDeclaredSize(small, width: 16000, height: 16000)
        #expect(throws: PNGError.sizeBeyondData(source: "huge.png", width: 16000, height: 16000, byteCount: claim.count)) {
            try PNGDecoder.decode(claim, source: "huge.png")
        }
        let error = #expect(throws: PNGError.self) { try PNGDecoder.decode(claim, source: "huge.png") }
        #expect(error?.description == "huge.png declares 16000x16000 pixels, more than its \(claim.count) bytes can hold")
    }

    @Test func sizeWithinWhatTheFileCanHoldIsLeftToLibpng() throws {
        let small = try PNGEncoder.encode(RGBAImage.pseudoRandom(width: 6, height: 5, seed: 4, opaque: false))
        // 60x50 RGBA needs 12,000 bytes of pixel data, which the file's bytes could inflate to: libpng decides.
        let claim = withDeclaredSize(small, width: 60, height: 50)
        let error = #expect(throws: PNGError.self) { try PNGDecoder.decode(claim, source: "short.png") }
        #expect(error?.description.hasPrefix("short.png is a corrupt PNG: ") == true, "\(String(describing: error))")
    }

    @Test func aCompressedImageOfOneColourStillDecodes() throws {
        // 2000x2000 of one colour (stored as RGB) compresses about 740:1, not far from deflate's 1032:1: still accepted.
        let plain = RGBAImage(width: 2000, height: 2000, pixels: [UInt8](repeating: 0x7F, count: 2000 * 2000 * 4))
        let png = try PNGEncoder.encode(plain, settings: .init(compressionLevel: 9, filter: .none, strategy: .default))
        #expect(try PNGDecoder.decode(png) == plain)
    }
}

/// Chunk lengths are checked against the file before libpng sees it.
@Suite struct PNGChunkLengthTests {
    /// `png` oom-766656e4: 49 bytes whose second chunk, a zTXt, declares 1,229,472,850 bytes made
    /// libpng allocate all of them (the fuzzer's out-of-memory report) before finding the file short.
    @Test func textChunkLongerThanTheFileIsRefusedBeforeLibpngAllocatesIt() throws {
        let input = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAPoAAAD6ACAYAAABBft/eSUhEUnpUWHQAAAhCSURBVA=="))
        let error = #expect(throws: PNGError.self) { try PNGDecoder.decode([UInt8](input), source: "oom.png") }
        #expect(error?.description == "oom.png is a corrupt PNG: chunk 'zTXt' at byte 33 declares 1229472850 bytes of data "
                + "but the file has room for 4")
    }

    @Test func chunkTypeThatIsNoWordIsShownInHex() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += [0, 0, 1, 0] + [0x01, 0x02, 0x7F, 0x41] + [0, 0, 0, 0]
        let error = #expect(throws: PNGError.self) { try PNGDecoder.decode(bytes, source: "odd.png") }
        #expect(error?.description == "odd.png is a corrupt PNG: chunk 0x01027F41 at byte 8 declares 256 bytes of data "
                + "but the file has room for 0")
    }

    @Test func everyValidFileStillDecodes() throws {
        // Trailing bytes after IEND are not chunks and are left alone.
        let png = try PNGEncoder.encode(RGBAImage.pseudoRandom(width: 9, height: 4, seed: 2, opaque: false))
        #expect(try PNGDecoder.decode(png + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]).width == 9)
    }
}
