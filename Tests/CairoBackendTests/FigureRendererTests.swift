import CairoBackend
import Foundation
import Notebook
import Plotting
import Testing

/// `FigureRenderer`: the PNG holds the 2x pixels and states both sizes, the SVG is a document of the CSS size,
/// and an impossible canvas is a typed error with the figure's size in one line.
@Suite struct FigureRendererTests {
    @Test func pngIsTwiceTheCSSSizeAndDecodesToTheRenderedPixels() throws {
        let figure = try NotebookFixtures.classification().figure
        let png = try FigureRenderer.png(figure)
        #expect(png.cssWidth == 760 && png.cssHeight == 380)
        #expect(png.pixelWidth == 1520 && png.pixelHeight == 760)
        #expect(png.scale == 2)
        #expect(Array(png.bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height big-endian at bytes 16...23, bit depth 8, colour type 2 (opaque RGB).
        let header = Array(png.bytes[16..<26])
        #expect(header == [0, 0, 0x05, 0xF0, 0, 0, 0x02, 0xF8, 8, 2])
        let decoded = try PNGDecoder.decode(png.bytes)
        #expect(decoded == (try FigureRenderer.image(figure)))
    }

    @Test func pngIsDeterministic() throws {
        let first = try FigureRenderer.png(activationFigure().figure)
        let second = try FigureRenderer.png(activationFigure().figure)
        #expect(first.bytes == second.bytes)
    }

    @Test func scaleOneGivesCSSSizedPixels() throws {
        let png = try FigureRenderer.png(NotebookFixtures.digit().figure, scale: 1)
        #expect(png.pixelWidth == 340 && png.pixelHeight == 360)
        #expect(png.cssWidth == 340 && png.cssHeight == 360)
    }

    @Test func compactSettingsGiveSmallerBytesOfTheSamePixels() throws {
        let figure = try softmaxSumsFigure(sums: NotebookFixtures.softmaxSums).figure
        let fast = try FigureRenderer.png(figure)
        let compact = try FigureRenderer.png(figure, settings: .compact)
        #expect(compact.bytes.count < fast.bytes.count)
        #expect(try PNGDecoder.decode(compact.bytes) == PNGDecoder.decode(fast.bytes))
    }

    @Test func svgIsADocumentOfTheCSSSizeWithTextAsOutlines() throws {
        let svg = String(decoding: try FigureRenderer.svg(NotebookFixtures.classification().figure), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("width=\"760px\"") && svg.contains("height=\"380px\""))
        #expect(svg.contains("<image"))  // the digit
        #expect(!svg.contains("Class Probability"))  // text is drawn as glyph outlines, not as <text>
        #expect(svg.hasSuffix("</svg>\n"))
        let again = try FigureRenderer.svg(NotebookFixtures.classification().figure)
        #expect(Array(svg.utf8) == again)
    }

    @Test func tooLargeACanvasIsATypedErrorNamingTheFigure() throws {
        // 200 x 1 inches at 100 dpi is 20000 x 100 figure px; at 2x the width exceeds Cairo's 32767 limit.
        let figure = try Figure(width: 200, height: 1)
        let error = try #require(throws: FigureRenderError.self) { try FigureRenderer.png(figure) }
        #expect(error.format == .png && error.stage == .canvas)
        #expect(error.description.hasPrefix("cannot render a 20000x100 px figure as PNG (creating the canvas): cannot make a canvas of 20000.0x100.0 px at scale 2.0: "))
        #expect(error.description.contains("40000x200 device pixels exceed Cairo's limit of 32767"))
        #expect(!error.description.contains("\n"))
        #expect(error.localizedDescription == error.description)
        // At 1x the same figure fits.
        #expect(try FigureRenderer.png(figure, scale: 1).pixelWidth == 20000)
    }

    @Test func nonFiniteScaleIsATypedError() throws {
        let figure = try Figure(width: 2, height: 1)
        let error = try #require(throws: FigureRenderError.self) { try FigureRenderer.image(figure, scale: .nan) }
        #expect(error.stage == .canvas)
        #expect(error.description.contains("size and scale must be finite and the scale positive"))
    }
}
