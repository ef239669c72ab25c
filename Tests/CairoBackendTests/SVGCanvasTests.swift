import CairoBackend
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Plotting
import Testing

/// The SVG canvas shares the drawing code and writes a well-formed, deterministic document.
@Suite struct SVGCanvasTests {
    private func document() throws -> String {
        let canvas = try SVGCanvas(size: BarScene.size)
        BarScene().draw(on: canvas)
        return try canvas.svgString()
    }

    @Test func documentIsWellFormedSVGOfTheFigureSize() throws {
        let svg = try document()
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
        #expect(svg.contains("width=\"600px\"") && svg.contains("height=\"400px\"") && svg.contains("viewBox=\"0 0 600 400\""))
        #expect(svg.contains("<path"))      // bars, lines and glyph outlines
        #expect(svg.contains("<image"))     // the digit, embedded as PNG data
        #expect(svg.contains("data:image/png;base64,"))
        #expect(svg.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>"))
        // Well-formed XML: Foundation's parser reads it to the end without error.
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test func twoRendersAreByteIdentical() throws {
        // Cairo numbers surfaces and images process-wide; the canvas renumbers them per document.
        let first = try document(), second = try document()
        #expect(first == second)
        #expect(first.contains("<g id=\"surface1\">") && first.contains("<image id=\"image1\"") && first.contains("xlink:href=\"#image1\""))
    }

    @Test func barColourAppearsAsFill() throws {
        let svg = try document()
        // #4C72B0 = rgb(29.8%, 44.7%, 69%) in Cairo's percentage notation.
        #expect(svg.contains("rgb(29.803922%,44.705882%,69.019608%)"))
    }

    @Test func nearestImageIsEmbeddedInEnlargedBlocks() throws {
        // 28x28 into 224x224 figure pixels: enlarged 16x to 448x448, its size on a 2x screen.
        let svg = try document()
        #expect(svg.contains("<image id=\"image1\" width=\"448\" height=\"448\""))
    }

    @Test func finishedDocumentIsStable() throws {
        let canvas = try SVGCanvas(size: Size(width: 10, height: 10))
        canvas.fillRect(Rect(x: 1, y: 1, width: 2, height: 2), color: .black)
        let first = try canvas.svgData()
        canvas.fillRect(Rect(x: 5, y: 5, width: 2, height: 2), color: .black)  // after finishing: ignored
        #expect(try canvas.svgData() == first)
    }

    @Test func zeroSizeIsATypedError() {
        #expect(throws: CairoError.self) { try SVGCanvas(size: Size(width: 0, height: 10)) }
    }
}
