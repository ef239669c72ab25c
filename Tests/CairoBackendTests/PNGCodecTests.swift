import CairoBackend
import Foundation
import Plotting
import Testing

/// libpng encoding and decoding: exact round trips, determinism, colour types and typed errors.
@Suite struct PNGCodecTests {
    /// The colour type byte of the IHDR chunk (8 signature + 4 length + 4 "IHDR" + 4 width + 4 height + 1 depth).
    private func colorType(_ png: [UInt8]) -> UInt8 { png[25] }

    @Test func roundTripOfTranslucentImageIsExact() throws {
        let image = RGBAImage.pseudoRandom(width: 37, height: 23, seed: 7, opaque: false)
        let png = try PNGEncoder.encode(image)
        #expect(try PNGDecoder.decode(png) == image)
        #expect(colorType(png) == 6)  // RGBA
    }

    @Test func opaqueImageIsWrittenAsRGBAndRoundTrips() throws {
        let image = RGBAImage.pseudoRandom(width: 64, height: 5, seed: 11, opaque: true)
        let png = try PNGEncoder.encode(image)
        #expect(colorType(png) == 2)  // RGB: a quarter smaller before compression
        #expect(try PNGDecoder.decode(png) == image)
    }

    @Test(arguments: [
        PNGEncoder.Settings(compressionLevel: 0, filter: .none, strategy: .default),
        PNGEncoder.Settings(compressionLevel: 1, filter: .sub, strategy: .rle),
        PNGEncoder.Settings(compressionLevel: 6, filter: .up, strategy: .filtered),
        PNGEncoder.Settings(compressionLevel: 9, filter: .paeth, strategy: .huffmanOnly),
        PNGEncoder.Settings.libpngDefault,
    ])
    func everySettingRoundTripsExactly(settings: PNGEncoder.Settings) throws {
        let image = RGBAImage.pseudoRandom(width: 19, height: 31, seed: 3, opaque: false)
        #expect(try PNGDecoder.decode(PNGEncoder.encode(image, settings: settings)) == image)
    }

    @Test func identicalPixelsGiveIdenticalBytes() throws {
        let first = try PNGEncoder.encode(RGBAImage.pseudoRandom(width: 50, height: 40, seed: 5, opaque: true))
        let second = try PNGEncoder.encode(RGBAImage.pseudoRandom(width: 50, height: 40, seed: 5, opaque: true))
        #expect(first == second)
        let sceneA = try BarSceneCanvas.png()
        let sceneB = try BarSceneCanvas.png()
        #expect(sceneA == sceneB)
    }

    @Test func canvasPNGDecodesToTheCanvasPixels() throws {
        let canvas = try CairoCanvas(size: BarScene.size)
        BarScene().draw(on: canvas)
        let png = try canvas.pngData()
        #expect(colorType(png) == 2)
        #expect(try PNGDecoder.decode(png) == canvas.makeImage())
    }

    @Test func translucentCanvasIsWrittenAsRGBA() throws {
        let canvas = try CairoCanvas(size: Size(width: 10, height: 10), background: nil)
        canvas.fillRect(Rect(x: 0, y: 0, width: 5, height: 10), color: Color(hex: 0xC44E52, alpha: 0.5))
        let png = try canvas.pngData()
        #expect(colorType(png) == 6)
        let decoded = try PNGDecoder.decode(png)
        #expect(decoded == (try canvas.makeImage()))
        // Cairo stores premultiplied 8-bit colour, so undoing it at alpha 128 may be 1 level off.
        let left = decoded.pixel(0, 0).map(Int.init)
        #expect(left[3] == 128)
        #expect(zip(left.prefix(3), [0xC4, 0x4E, 0x52]).allSatisfy { abs($0 - $1) <= 1 }, "\(left)")
        #expect(decoded.pixel(15, 0) == [0, 0, 0, 0])
    }

    @Test func garbageIsNotAPNG() {
        #expect(throws: PNGError.notPNG(source: "PNG data", byteCount: 11)) {
            try PNGDecoder.decode(Array("hello world".utf8))
        }
        #expect(throws: PNGError.notPNG(source: "PNG data", byteCount: 0)) { try PNGDecoder.decode([]) }
    }

    @Test func truncatedOrDamagedPNGIsCorrupt() throws {
        let png = try PNGEncoder.encode(RGBAImage.pseudoRandom(width: 30, height: 30, seed: 1, opaque: true))
        let truncated = Array(png.prefix(png.count / 2))
        let error = try #require(throws: PNGError.self) { try PNGDecoder.decode(truncated, source: "half.png") }
        guard case let .corrupt(source, reason) = error else { Issue.record("expected .corrupt, got \(error)"); return }
        #expect(source == "half.png")
        #expect(!reason.isEmpty)
        #expect(error.description.hasPrefix("half.png is a corrupt PNG: "))

        var damagedHeader = png
        damagedHeader[17] ^= 0xFF  // inside IHDR's width: the CRC no longer matches
        #expect(throws: PNGError.self) { try PNGDecoder.decode(damagedHeader) }
    }

    @Test func missingFileIsAnIOErrorNamingThePath() {
        let url = URL(fileURLWithPath: "/nonexistent/dir/figure.png")
        let error = #expect(throws: PNGError.self) { try PNGDecoder.decode(contentsOf: url) }
        #expect(error?.description.hasPrefix("/nonexistent/dir/figure.png: cannot read the file") == true)
    }

    @Test func emptyImageCannotBeEncoded() {
        #expect(throws: PNGError.self) { try PNGEncoder.encode(RGBAImage(width: 0, height: 0, pixels: [])) }
    }
}

/// The bar scene rendered to PNG bytes.
enum BarSceneCanvas {
    static func png() throws -> [UInt8] {
        let canvas = try CairoCanvas(size: BarScene.size)
        BarScene().draw(on: canvas)
        return try canvas.pngData()
    }
}

/// Writing figure files.
@Suite struct PNGFileTests {
    @Test func writePNGWritesADecodableFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("figure-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        let canvas = try CairoCanvas(size: Size(width: 30, height: 20))
        canvas.fillRect(Rect(x: 0, y: 0, width: 15, height: 20), color: Color(hex: 0x4C72B0))
        try canvas.writePNG(to: url)
        let decoded = try PNGDecoder.decode(contentsOf: url)
        #expect(decoded.width == 60 && decoded.height == 40)
        #expect(decoded.pixel(0, 0) == [0x4C, 0x72, 0xB0, 255] && decoded.pixel(59, 39) == [255, 255, 255, 255])
    }

    @Test func writingIntoAMissingFolderIsAnIOError() throws {
        let canvas = try CairoCanvas(size: Size(width: 4, height: 4))
        let url = URL(fileURLWithPath: "/nonexistent/folder/figure.png")
        let error = #expect(throws: PNGError.self) { try canvas.writePNG(to: url) }
        #expect(error?.description.hasPrefix("/nonexistent/folder/figure.png: cannot write the file") == true)
    }
}
