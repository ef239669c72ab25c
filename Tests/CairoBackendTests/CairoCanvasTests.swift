import CairoBackend
import Foundation
import Plotting
import Testing

/// Drawing primitives land on the expected device pixels at 2x.
@Suite struct CairoCanvasTests {
    private let white: [UInt8] = [255, 255, 255, 255]
    private let red: [UInt8] = [255, 0, 0, 255]

    @Test func figureOf6x4InchesAt2xHas1200x800DevicePixels() throws {
        let canvas = try CairoCanvas(size: Size(width: 600, height: 400))
        #expect(canvas.pixelWidth == 1200 && canvas.pixelHeight == 800)
        let image = try canvas.makeImage()
        #expect(image.width == 1200 && image.height == 800)
        #expect(image.pixels.allSatisfy { $0 == 255 })  // opaque white background
    }

    @Test func filledRectCoversExactlyItsDevicePixels() throws {
        let image = try render(width: 20, height: 10) { $0.fillRect(Rect(x: 2, y: 3, width: 5, height: 4), color: Color(red: 1, green: 0, blue: 0)) }
        for y in 0..<20 {
            for x in 0..<40 {
                let inside = (4..<14).contains(x) && (6..<14).contains(y)
                #expect(image.pixel(x, y) == (inside ? red : white), "device pixel (\(x), \(y))")
            }
        }
    }

    @Test func rectOnHalfDevicePixelIsAntialiased() throws {
        // x = 1.25 at 2x is device x = 2.5: pixel 2 is half covered, so half red over white.
        let image = try render(width: 10, height: 10) { $0.fillRect(Rect(x: 1.25, y: 0, width: 3, height: 10), color: Color(red: 1, green: 0, blue: 0)) }
        let edge = image.pixel(2, 5)
        #expect(edge[0] == 255 && (126...129).contains(edge[1]) && edge[1] == edge[2])
        #expect(image.pixel(3, 5) == red)
        #expect(image.pixel(1, 5) == white)
    }

    @Test func polygonFillsItsInteriorOnly() throws {
        // Right triangle with the right angle at the top left.
        let image = try render(width: 20, height: 20) {
            $0.fillPolygon([Point(x: 0, y: 0), Point(x: 20, y: 0), Point(x: 0, y: 20)], color: Color(red: 1, green: 0, blue: 0))
        }
        #expect(image.pixel(5, 5) == red)
        #expect(image.pixel(35, 35) == white)
        #expect(image.pixel(30, 2) == red)
        // The hypotenuse is x + y = 40 in device pixels: pixel (2, 37) spans 39...41 (half in), (3, 38) spans 41...43.
        #expect(image.pixel(2, 37) != white && image.pixel(2, 37) != red)
        #expect(image.pixel(3, 38) == white)
    }

    @Test func strokeCapsExtendAsSpecified() throws {
        // A 2 px wide horizontal line from x = 5 to 15 at y = 5: device rows 8..<12.
        func line(_ cap: StrokeStyle.Cap) throws -> RGBAImage {
            try render(width: 20, height: 10) {
                $0.strokePolyline([Point(x: 5, y: 5), Point(x: 15, y: 5)], style: StrokeStyle(color: Color(red: 1, green: 0, blue: 0), width: 2, cap: cap))
            }
        }
        let butt = try line(.butt), square = try line(.square), round = try line(.round)
        #expect(butt.inkBounds()! == (minX: 10, minY: 8, maxX: 29, maxY: 11))
        #expect(square.inkBounds()! == (minX: 8, minY: 8, maxX: 31, maxY: 11))  // extends by half the width
        // A round end reaches as far as a square one, but only partly covers the corner pixels.
        #expect(round.inkBounds()! == (minX: 8, minY: 8, maxX: 31, maxY: 11))
        #expect(square.pixel(8, 8) == red && round.pixel(8, 8) != red && round.pixel(8, 8)[1] > 100)
        #expect(butt.pixel(20, 7) == white && butt.pixel(20, 8) == red && butt.pixel(20, 11) == red && butt.pixel(20, 12) == white)
    }

    @Test func dashPatternAlternatesAtDeviceScale() throws {
        let image = try render(width: 20, height: 4) {
            $0.strokePolyline([Point(x: 0, y: 2), Point(x: 20, y: 2)], style: StrokeStyle(color: Color(red: 1, green: 0, blue: 0), width: 2, dash: [3, 2]))
        }
        // 3 on, 2 off in figure pixels is 6 on, 4 off in device pixels.
        let row = (0..<40).map { image.pixel($0, 4) == red }
        let expected = (0..<40).map { $0 % 10 < 6 }
        #expect(row == expected)
    }

    @Test func nonFiniteInputDrawsNothingAndDoesNotPoisonTheContext() throws {
        let canvas = try CairoCanvas(size: Size(width: 10, height: 10))
        canvas.fillRect(Rect(x: .nan, y: 0, width: 5, height: 5), color: .black)
        canvas.strokePolyline([Point(x: 0, y: .infinity), Point(x: 5, y: 5)], style: StrokeStyle(color: .black, width: 1))
        canvas.drawText("x", at: Point(x: .nan, y: 3), font: Font(size: 10), color: .black, rotation: 0)
        let image = try canvas.makeImage()
        #expect(image.pixels.allSatisfy { $0 == 255 })
    }

    @Test func nanBreaksAPolylineIntoPieces() throws {
        let image = try render(width: 30, height: 4) {
            $0.strokePolyline([Point(x: 0, y: 2), Point(x: 10, y: 2), Point(x: .nan, y: 2), Point(x: 20, y: 2), Point(x: 30, y: 2)],
                              style: StrokeStyle(color: Color(red: 1, green: 0, blue: 0), width: 2))
        }
        #expect(image.pixel(10, 4) == red)
        #expect(image.pixel(30, 4) == white)  // the gap between x = 10 and 20 (device 20..<40)
        #expect(image.pixel(50, 4) == red)
    }

    @Test func nearestNeighbourDigitIsCrispTwentyPixelBlocks() throws {
        let digit = RGBAImage.pseudoRandom(width: 28, height: 28, seed: 28, opaque: true)
        let image = try render(width: 300, height: 300) { $0.drawImage(digit, in: Rect(x: 10, y: 10, width: 280, height: 280), interpolation: .nearest) }
        // Each source pixel (i, j) is the 20x20 device block starting at (20 + 20i, 20 + 20j).
        var mismatches = 0
        for y in 20..<580 {
            for x in 20..<580 where image.pixel(x, y) != digit.pixel((x - 20) / 20, (y - 20) / 20) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(image.pixel(19, 300) == white && image.pixel(580, 300) == white)
    }

    @Test func bilinearImageBlendsNeighbours() throws {
        let twoPixels = RGBAImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 255, 255, 255, 255])
        let image = try render(width: 100, height: 10) { $0.drawImage(twoPixels, in: Rect(x: 0, y: 0, width: 100, height: 10), interpolation: .bilinear) }
        let middle = image.pixel(100, 10)[0]
        #expect((100...155).contains(middle))  // halfway between black and white
        #expect(image.pixel(2, 10)[0] == 0 && image.pixel(197, 10)[0] == 255)  // PAD keeps the edges pure
    }

    @Test func translucentImageIsBlendedOverTheBackground() throws {
        let halfRed = RGBAImage.filled(width: 2, height: 2, rgba: [255, 0, 0, 128])
        let image = try render(width: 4, height: 4) { $0.drawImage(halfRed, in: Rect(x: 0, y: 0, width: 4, height: 4), interpolation: .nearest) }
        let pixel = image.pixel(3, 3)
        #expect(pixel[0] == 255 && (126...128).contains(pixel[1]) && pixel[1] == pixel[2])
    }

    @Test func clipRestrictsDrawingUntilPopped() throws {
        let image = try render(width: 20, height: 20) { canvas in
            canvas.pushClip(Rect(x: 5, y: 5, width: 10, height: 10))
            canvas.fillRect(Rect(x: 0, y: 0, width: 20, height: 20), color: Color(red: 1, green: 0, blue: 0))
            canvas.popClip()
            canvas.fillRect(Rect(x: 0, y: 0, width: 2, height: 2), color: .black)
        }
        #expect(image.inkBounds()! == (minX: 0, minY: 0, maxX: 29, maxY: 29))
        #expect(image.pixel(10, 10) == red && image.pixel(29, 29) == red && image.pixel(30, 30) == white)
        #expect(image.pixel(9, 15) == white && image.pixel(1, 1) == [0, 0, 0, 255])
    }

    @Test func invalidSizesAreTypedErrors() {
        #expect(throws: CairoError.self) { try CairoCanvas(size: Size(width: 0, height: 400)) }
        #expect(throws: CairoError.self) { try CairoCanvas(size: Size(width: .nan, height: 400)) }
        #expect(throws: CairoError.self) { try CairoCanvas(size: Size(width: 600, height: 400), scale: 0) }
        #expect(throws: CairoError.self) { try CairoCanvas(size: Size(width: 40000, height: 10)) }
        let error = #expect(throws: CairoError.self) { try CairoCanvas(size: Size(width: 0, height: 4)) }
        #expect(error?.description == "cannot make a canvas of 0.0x4.0 px at scale 2.0: it has no device pixels (0x8)")
    }
}
