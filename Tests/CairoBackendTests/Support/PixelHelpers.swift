import CairoBackend
import Foundation
import Plotting

extension RGBAImage {
    /// The R, G, B, A bytes of the pixel at (x, y).
    func pixel(_ x: Int, _ y: Int) -> [UInt8] {
        let i = (y * width + x) * 4
        return Array(pixels[i..<i + 4])
    }

    /// The bounding box (device pixels, inclusive) of pixels that are not pure white, or nil if there are none.
    func inkBounds() -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                if pixels[i] != 255 || pixels[i + 1] != 255 || pixels[i + 2] != 255 {
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
        }
        return maxX < 0 ? nil : (minX, minY, maxX, maxY)
    }

    /// A deterministic pseudo-random image (a 64-bit LCG), with varying alpha unless `opaque`.
    static func pseudoRandom(width: Int, height: Int, seed: UInt64, opaque: Bool) -> RGBAImage {
        var state = seed
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for i in pixels.indices {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            pixels[i] = UInt8(truncatingIfNeeded: state >> 56)
            if opaque && i % 4 == 3 { pixels[i] = 255 }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// An image of one colour.
    static func filled(width: Int, height: Int, rgba: [UInt8]) -> RGBAImage {
        // One row, then whole-row copies: fast even in debug builds.
        var row: [UInt8] = []
        row.reserveCapacity(width * 4)
        for _ in 0..<width { row.append(contentsOf: rgba) }
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 4)
        for _ in 0..<height { pixels.append(contentsOf: row) }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}

/// Renders on a fresh 2x canvas of `width`x`height` figure pixels and returns the pixels.
func render(width: Double, height: Double, scale: Double = 2, _ draw: (CairoCanvas) -> Void) throws -> RGBAImage {
    let canvas = try CairoCanvas(size: Size(width: width, height: height), scale: scale)
    draw(canvas)
    return try canvas.makeImage()
}

/// The seaborn palette's first colours and the whitegrid greys used by the test scenes.
enum SceneColor {
    static let blue = Color(hex: 0x4C72B0)
    static let orange = Color(hex: 0xDD8452)
    static let green = Color(hex: 0x55A868)
    static let red = Color(hex: 0xC44E52)
    static let grid = Color(hex: 0xCCCCCC)
    static let text = Color(hex: 0x262626)
}
