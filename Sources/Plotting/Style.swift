/// An sRGB colour with straight (non-premultiplied) alpha, components in 0...1.
public struct Color: Equatable, Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    /// A colour from a 24-bit hex value such as `0x4C72B0`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }
    public static let white = Color(hex: 0xFFFFFF)
    public static let black = Color(hex: 0x000000)
}

/// How a line is stroked.
public struct StrokeStyle: Equatable, Hashable, Sendable {
    public enum Cap: Sendable { case butt, round, square }
    public enum Join: Sendable { case miter, round, bevel }
    public var color: Color
    /// Line width in figure pixels (1x).
    public var width: Double
    public var cap: Cap
    public var join: Join
    /// Dash lengths in figure pixels; empty means solid.
    public var dash: [Double]
    public init(color: Color, width: Double, cap: Cap = .butt, join: Join = .round, dash: [Double] = []) {
        self.color = color; self.width = width; self.cap = cap; self.join = join; self.dash = dash
    }
}

/// A font request; the backend maps it to the font the project ships (DejaVu Sans).
public struct Font: Equatable, Hashable, Sendable {
    public enum Weight: Sendable { case normal, bold }
    /// Size in figure pixels (1x); points convert as `pt * dpi / 72`.
    public var size: Double
    public var weight: Weight
    public init(size: Double, weight: Weight = .normal) { self.size = size; self.weight = weight }
}

/// The measured extent of one line of text, in figure pixels (1x).
public struct TextMetrics: Equatable, Sendable {
    /// Advance width of the whole string.
    public var width: Double
    /// Height above the baseline (positive).
    public var ascent: Double
    /// Depth below the baseline (positive).
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
}

/// How an image is resampled when scaled.
public enum Interpolation: Sendable { case nearest, bilinear }

/// An 8-bit RGBA raster, rows top to bottom, straight alpha.
public struct RGBAImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: R, G, B, A per pixel.
    public var pixels: [UInt8]
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height * 4,
                     "RGBAImage: \(pixels.count) bytes do not match \(width)x\(height)x4")
        self.width = width; self.height = height; self.pixels = pixels
    }
}
