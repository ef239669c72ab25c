import CairoBackend
import Foundation
import Notebook
import Plotting
import Testing

/// What a reader checks by eye, measured on the rendered notebook figures: seaborn whitegrid's colours are
/// the exact pixels of bars, grid and text, and the 28×28 images stay crisp squares (nearest neighbour).
@Suite struct NotebookFigureLookTests {
    /// How many pixels of `image` have exactly the colour `hex`.
    static func count(_ hex: UInt32, in image: RGBAImage) -> Int {
        let rgb = [UInt8(hex >> 16), UInt8(hex >> 8 & 0xFF), UInt8(hex & 0xFF)]
        var n = 0
        image.pixels.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                if p[i] == rgb[0] && p[i + 1] == rgb[1] && p[i + 2] == rgb[2] { n += 1 }
                i += 4
            }
        }
        return n
    }

    /// The distinct RGB colours of `image` inside `rect` (device pixels).
    static func colors(in image: RGBAImage, x: Range<Int>, y: Range<Int>) -> Set<UInt32> {
        var found = Set<UInt32>()
        for row in y {
            for col in x {
                let p = image.pixel(col, row)
                found.insert(UInt32(p[0]) << 16 | UInt32(p[1]) << 8 | UInt32(p[2]))
            }
        }
        return found
    }

    /// 24-bit colours of a Plotting colour map's entries.
    static func hex(_ color: Color) -> UInt32 {
        UInt32((color.red * 255).rounded()) << 16 | UInt32((color.green * 255).rounded()) << 8 | UInt32((color.blue * 255).rounded())
    }

    @Test func classificationUsesTheWhitegridColours() throws {
        let image = try FigureRenderer.image(NotebookFixtures.classification().figure)
        // Bars in the first "deep" colour, grid and spines #CCCCCC, text #262626 (solid glyph interiors), white page.
        #expect(Self.count(0x4C72B0, in: image) > 10_000)
        #expect(Self.count(0xCCCCCC, in: image) > 10_000)
        #expect(Self.count(0x262626, in: image) > 1_000)
        #expect(Self.count(0xFFFFFF, in: image) > image.width * image.height / 2)
        // Nothing is drawn in pure black: text is dark grey, the image is viridis (darkest #440154).
        #expect(Self.count(0x000000, in: image) == 0)
        #expect(Self.count(0x440154, in: image) > 100_000)
    }

    @Test(arguments: ["digit", "classification"])
    func imagePixelsAreCrispSquares(_ which: String) throws {
        let pixels = try NotebookFixtures.digitSeven()
        let (result, cmap): (NotebookFigure, Colormap) = which == "digit"
            ? (try NotebookFixtures.digit(), .greysR) : (try NotebookFixtures.classification(), .viridis)
        let image = try FigureRenderer.image(result.figure)
        let box = result.figure.axes[0].box  // the image fills its axes box (figure pixels)
        // Device pixels strictly inside the box, 3 px in from the antialiased edge and the spine.
        let x = Int((box.minX * 2).rounded(.up)) + 3..<Int((box.maxX * 2).rounded(.down)) - 3
        let y = Int((box.minY * 2).rounded(.up)) + 3..<Int((box.maxY * 2).rounded(.down)) - 3
        #expect(x.count > 400 && y.count > 400)
        // With nearest-neighbour scaling every device pixel is exactly one source pixel's colour; smoothing would mix them.
        let source = try cmap.image(pixels, rows: 28, cols: 28, vmin: -1, vmax: 1)
        let sourceColors = Self.colors(in: source, x: 0..<28, y: 0..<28)
        let rendered = Self.colors(in: image, x: x, y: y)
        #expect(rendered.isSubset(of: sourceColors), "\(rendered.subtracting(sourceColors).count) blended colours")
        #expect(rendered.count == sourceColors.count)
        // Each source pixel is a square block of about box / 28 device pixels on both axes.
        let side = box.width * 2 / 28
        #expect(abs(box.width - box.height) < 1e-9 && side > 15)
    }
}
