import CairoBackend
import Foundation
import Plotting
import TestSupport
import Testing

/// Text from the shipped DejaVu Sans: measured in figure pixels, deterministic, rotatable.
@Suite struct TextRenderingTests {
    private func text(_ string: String, font: Font = Font(size: 20), at origin: Point = Point(x: 10, y: 30),
                      rotation: Double = 0, width: Double = 200, height: Double = 40) throws -> RGBAImage {
        try render(width: width, height: height) { $0.drawText(string, at: origin, font: font, color: .black, rotation: rotation) }
    }

    @Test func digitAdvanceMatchesDejaVuSans() throws {
        // DejaVu Sans digits advance 1303 of 2048 font units; hint metrics are off, so no rounding.
        let canvas = try CairoCanvas(size: Size(width: 10, height: 10))
        let metrics = canvas.measureText("0123456789", font: Font(size: 10))
        #expect(abs(metrics.width - 10 * 10 * 1303.0 / 2048) < 1e-9)
        // The font's ascent and descent (DejaVu Sans: 0.928 and 0.236 of the size).
        #expect(abs(metrics.ascent - 9.28) < 0.05 && abs(metrics.descent - 2.36) < 0.05)
    }

    @Test func widthScalesLinearlyAndBoldIsWider() throws {
        let canvas = try CairoCanvas(size: Size(width: 10, height: 10))
        let small = canvas.measureText("Rectified Linear Unit", font: Font(size: 10)).width
        let large = canvas.measureText("Rectified Linear Unit", font: Font(size: 20)).width
        let bold = canvas.measureText("Rectified Linear Unit", font: Font(size: 10, weight: .bold)).width
        #expect(abs(large - 2 * small) < 1e-9)
        #expect(bold > small * 1.05)
        #expect(canvas.measureText("", font: Font(size: 10)).width == 0)
    }

    @Test func textRendersIdenticallyTwice() throws {
        let first = try text("Class Probability 0.93")
        let second = try text("Class Probability 0.93")
        #expect(first == second)
        #expect(first.inkBounds() != nil)
    }

    @Test func inkSpansTheMeasuredWidthWithinOnePixel() throws {
        // "HIH": H and I have small, equal side bearings (DejaVu: 201 units of 2048 each side), so ink
        // width = advance width - 2 bearings; checked in figure pixels within 1 px.
        let font = Font(size: 20)
        let canvas = try CairoCanvas(size: Size(width: 200, height: 40))
        let measured = canvas.measureText("HIH", font: font).width
        canvas.drawText("HIH", at: Point(x: 10, y: 30), font: font, color: .black, rotation: 0)
        let ink = try #require(try canvas.makeImage().inkBounds())
        let inkWidth = Double(ink.maxX - ink.minX + 1) / 2
        let bearing = 20 * 201.0 / 2048
        #expect(abs(inkWidth - (measured - 2 * bearing)) <= 1, "ink \(inkWidth), measured \(measured)")
        #expect(abs(Double(ink.minX) / 2 - (10 + bearing)) <= 1)
    }

    @Test func advanceWidthPlacesTheNextStringSeamlessly() throws {
        // "Loss" drawn whole equals "Lo" followed by "ss" at measureText("Lo").width.
        let font = Font(size: 16)
        let whole = try text("Loss", font: font)
        let pieces = try render(width: 200, height: 40) { canvas in
            canvas.drawText("Lo", at: Point(x: 10, y: 30), font: font, color: .black, rotation: 0)
            let advance = canvas.measureText("Lo", font: font).width
            canvas.drawText("ss", at: Point(x: 10 + advance, y: 30), font: font, color: .black, rotation: 0)
        }
        #expect(ImageComparison.compare(actual: pieces, expected: whole).rms < 1)
    }

    @Test func boldTextDiffersFromRegular() throws {
        let regular = try text("Title")
        let bold = try text("Title", font: Font(size: 20, weight: .bold))
        #expect(!ImageComparison.compare(actual: bold, expected: regular).passed)
    }

    @Test func quarterTurnRunsTextUpwardFromTheOrigin() throws {
        // Rotated by +pi/2 (counter-clockwise), the baseline runs up from the origin: ink lies above it, left of x.
        let font = Font(size: 20)
        let canvas = try CairoCanvas(size: Size(width: 60, height: 200))
        let width = canvas.measureText("Probability", font: font).width
        canvas.drawText("Probability", at: Point(x: 40, y: 180), font: font, color: .black, rotation: .pi / 2)
        let ink = try #require(try canvas.makeImage().inkBounds())
        #expect(ink.maxY <= 180 * 2 && Double(ink.minY) >= (180 - width - 1) * 2)
        #expect(ink.maxX <= 40 * 2 + 12)  // descenders only (y, p) reach past the baseline
        #expect(ink.maxY - ink.minY > 4 * (ink.maxX - ink.minX))
    }
}

/// Canvases on several threads share the font cache safely and render the same pixels.
@Suite struct ConcurrentRenderingTests {
    @Test func fourThreadsRenderIdenticalText() throws {
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let image = try? render(width: 160, height: 30) { canvas in
                canvas.drawText("Loss 0.2315", at: Point(x: 5, y: 20), font: Font(size: 14, weight: index % 2 == 0 ? .normal : .bold),
                                color: .black, rotation: 0)
            }
            results.set(index, image)
        }
        let images = results.images
        #expect(images.count == 4 && images.allSatisfy { $0 != nil })
        #expect(images[0] == images[2] && images[1] == images[3] && images[0] != images[1])
    }

    /// Thread-safe slots for the images.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [RGBAImage?] = Array(repeating: nil, count: 4)
        func set(_ index: Int, _ image: RGBAImage?) { lock.lock(); slots[index] = image; lock.unlock() }
        var images: [RGBAImage?] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}
