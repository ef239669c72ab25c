import CairoBackend
import Foundation
import Plotting

/// PNG fixtures for the CLI tests, encoded by the report's own `PNGEncoder` (what is under test here is the
/// report around the figures, not PNG encoding, which CairoBackendTests cover).
enum TestPNG {
    /// Encodes an opaque `width`x`height` image whose pixel (x, y) is `pixel(x, y)` as (r, g, b).
    static func encode(width: Int, height: Int, pixel: (Int, Int) -> (UInt8, UInt8, UInt8)) throws -> Data {
        var rgba: [UInt8] = []
        rgba.reserveCapacity(width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b) = pixel(x, y)
                rgba += [r, g, b, 255]
            }
        }
        return Data(try PNGEncoder.encode(RGBAImage(width: width, height: height, pixels: rgba)))
    }
}
