import CairoBackend
import Foundation
import Notebook
import Plotting
import Testing

/// `PNGEncoder.Settings.figures`: our own deflate must give PNGs that libpng decodes to exactly the canvas pixels,
/// on real figures, on noise (all literals), on flat areas (all runs) and at every small width.
@Suite struct RunLengthPNGTests {
    /// Encodes `canvas` with the run-length compressor and checks the decoded pixels and the colour type.
    func expectRoundTrip(_ canvas: CairoCanvas, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let png = try canvas.pngData(settings: .figures)
        #expect(png[25] == 2, "colour type RGB", sourceLocation: sourceLocation)
        let decoded = try PNGDecoder.decode(png)
        #expect(decoded == (try canvas.makeImage()), sourceLocation: sourceLocation)
    }

    @Test(arguments: ["digit", "activations", "softmax-sums", "classification", "classification-fashion"])
    func notebookFigureRoundTrips(_ name: String) throws {
        let figure: Figure
        switch name {
        case "digit": figure = try NotebookFixtures.digit().figure
        case "activations": figure = try activationFigure().figure
        case "softmax-sums": figure = try softmaxSumsFigure(sums: NotebookFixtures.softmaxSums).figure
        case "classification": figure = try NotebookFixtures.classification().figure
        default: figure = try NotebookFixtures.fashionClassification().figure
        }
        let canvas = try FigureRenderer.drawnCanvas(figure)
        try expectRoundTrip(canvas)
        // Smaller than the raw RGB by far, and within 1.5x of zlib level 1.
        let runLength = try canvas.pngData(settings: .figures).count
        let zlib = try canvas.pngData(settings: .zlibFast).count
        #expect(runLength < canvas.pixelWidth * canvas.pixelHeight * 3 / 20)
        #expect(Double(runLength) < 1.5 * Double(zlib), "\(runLength) vs zlib \(zlib)")
    }

    @Test func noiseRoundTrips() throws {
        // Every byte a literal: many blocks, a flat-ish Huffman table.
        let noise = RGBAImage.pseudoRandom(width: 300, height: 200, seed: 7, opaque: true)
        let canvas = try CairoCanvas(size: Size(width: 300, height: 200), scale: 1)
        canvas.drawImage(noise, in: Rect(x: 0, y: 0, width: 300, height: 200), interpolation: .nearest)
        try expectRoundTrip(canvas)
    }

    @Test func flatCanvasRoundTripsAsAFewRuns() throws {
        // One colour: all matches, 258 bytes at a time, with the tail kept codable.
        let canvas = try CairoCanvas(size: Size(width: 1000, height: 700), scale: 1, background: Color(hex: 0x4C72B0))
        try expectRoundTrip(canvas)
        let size = try canvas.pngData(settings: .figures).count
        #expect(size < 1000 * 700 * 3 / 200, "\(size) bytes")
        print("flat 1000x700 run-length PNG: \(size) bytes, zlib level 1: \(try canvas.pngData(settings: .zlibFast).count)")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 85, 86, 87, 259])
    func smallAndOddWidthsRoundTrip(width: Int) throws {
        // Widths around the 258-byte match limit (86 px = 258 bytes) and tiny rows.
        let canvas = try CairoCanvas(size: Size(width: Double(width), height: 5), scale: 1)
        canvas.fillRect(Rect(x: 0, y: 1, width: Double(width), height: 2), color: Color(hex: 0x262626))
        if width > 2 { canvas.fillRect(Rect(x: 1, y: 0, width: 1, height: 5), color: Color(hex: 0xDD8452)) }
        try expectRoundTrip(canvas)
    }

    @Test func sameCanvasGivesIdenticalBytes() throws {
        let canvas = try FigureRenderer.drawnCanvas(NotebookFixtures.classification().figure)
        #expect(try canvas.pngData(settings: .figures) == canvas.pngData(settings: .figures))
    }

    @Test func translucentCanvasFallsBackToZlibRGBA() throws {
        let canvas = try CairoCanvas(size: Size(width: 20, height: 10), scale: 1, background: nil)
        canvas.fillRect(Rect(x: 0, y: 0, width: 10, height: 10), color: Color(hex: 0xC44E52, alpha: 0.5))
        let png = try canvas.pngData(settings: .figures)
        #expect(png[25] == 6)
        #expect(try PNGDecoder.decode(png) == canvas.makeImage())
    }
}
