import CairoBackend
import Foundation
import Plotting
import Testing

/// The opaque canvas path packs Cairo's 32-bit pixels to RGB four at a time plus a tail: every width must round-trip.
@Suite struct PNGOpaquePackingTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 13])
    func opaqueCanvasOfEveryWidthRoundTrips(width: Int) throws {
        // Scale 1 so device pixels are figure pixels; one differently coloured pixel column per x.
        let canvas = try CairoCanvas(size: Size(width: Double(width), height: 3), scale: 1)
        for x in 0..<width {
            let hex = UInt32(0x10_20_30) &* UInt32(x + 1) & 0xFF_FF_FF
            canvas.fillRect(Rect(x: Double(x), y: 0, width: 1, height: 2), color: Color(hex: hex))
        }
        let png = try canvas.pngData()
        #expect(png[25] == 2)  // colour type RGB: the packed path
        let decoded = try PNGDecoder.decode(png)
        #expect(decoded == (try canvas.makeImage()))
        for x in 0..<width {
            let hex = UInt32(0x10_20_30) &* UInt32(x + 1) & 0xFF_FF_FF
            #expect(decoded.pixel(x, 0) == [UInt8(hex >> 16), UInt8(hex >> 8 & 0xFF), UInt8(hex & 0xFF), 255], "x = \(x)")
            #expect(decoded.pixel(x, 2) == [255, 255, 255, 255])
        }
    }

    @Test func translucentBackgroundStillScansForTransparency() throws {
        // A half-transparent background must not take the opaque shortcut.
        let canvas = try CairoCanvas(size: Size(width: 5, height: 2), scale: 1, background: Color(hex: 0x4C72B0, alpha: 0.5))
        let png = try canvas.pngData()
        #expect(png[25] == 6)  // RGBA
        #expect(try PNGDecoder.decode(png).pixel(0, 0)[3] == 128)
    }
}
