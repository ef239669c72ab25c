import Foundation
import Plotting

/// Compares two decoded images the way golden-image tests need: exact pixels pass at once, otherwise RMS plus a local check.
///
/// Two measures, because each alone misses a real regression:
/// - RMS over the R, G, B channels (0–255, as matplotlib's `compare_images`) catches a change spread
///   thinly over many pixels (a slightly different colour of a large area).
/// - The share of pixels whose largest channel difference exceeds `pixelThreshold` catches a strong change
///   on few pixels (a moved tick label, a bar 5% longer), which RMS averages away on a large figure.
///
/// Default tolerance, and why: the renderer is deterministic with the shipped font and fixed font options,
/// so on one machine a golden matches exactly. The tolerance only absorbs antialiasing noise between Cairo,
/// pixman or FreeType versions: edge pixels off by a few levels (below the threshold of 16, i.e. 6%), and
/// up to 0.05% of pixels (480 of a 1200x800 figure: about one glyph's edge) off by more, with RMS ≤ 1.
/// A 2 px move of a short tick label changes several hundred strongly differing pixels at 2x and raises
/// the RMS well above 1 on a 1200x800 figure; the mutation tests in CairoBackendTests prove each case.
public enum ImageComparison {
    /// The limits a comparison passes within.
    public struct Tolerance: Hashable, Sendable {
        /// Largest RMS over R, G, B (0–255) that passes.
        public var maximumRMS: Double
        /// A pixel differs when its largest channel difference (R, G, B or A) exceeds this (0–255).
        public var pixelThreshold: Int
        /// Largest share (0...1) of differing pixels that passes.
        public var maximumDifferingShare: Double

        /// A tolerance from its three limits.
        public init(maximumRMS: Double, pixelThreshold: Int, maximumDifferingShare: Double) {
            self.maximumRMS = maximumRMS
            self.pixelThreshold = pixelThreshold
            self.maximumDifferingShare = maximumDifferingShare
        }

        /// RMS ≤ 1.0, threshold 16, at most 0.05% of pixels (see the type comment for why).
        public static let `default` = Tolerance(maximumRMS: 1.0, pixelThreshold: 16, maximumDifferingShare: 0.0005)

        /// Only identical pixels pass.
        public static let exact = Tolerance(maximumRMS: 0, pixelThreshold: 0, maximumDifferingShare: 0)
    }

    /// Compares `actual` with `expected` and, if they differ, builds an amplified diff image.
    public static func compare(actual: RGBAImage, expected: RGBAImage, tolerance: Tolerance = .default) -> ComparisonResult {
        if actual == expected {
            return ComparisonResult(verdict: .identical, rms: 0, differingPixelCount: 0, pixelCount: actual.width * actual.height,
                                    maximumChannelDifference: 0, tolerance: tolerance, diffImage: nil)
        }
        guard actual.width == expected.width, actual.height == expected.height else {
            return ComparisonResult(verdict: .sizeMismatch(actual: (actual.width, actual.height),
                                                           expected: (expected.width, expected.height)),
                                    rms: .infinity, differingPixelCount: 0, pixelCount: expected.width * expected.height,
                                    maximumChannelDifference: 255, tolerance: tolerance, diffImage: nil)
        }
        let pixelCount = actual.width * actual.height
        var squaredSum = 0.0
        var differing = 0
        var largest = 0
        var diff = [UInt8](repeating: 0, count: pixelCount * 4)
        actual.pixels.withUnsafeBufferPointer { a in
            expected.pixels.withUnsafeBufferPointer { e in
                diff.withUnsafeMutableBufferPointer { out in
                    for p in 0..<pixelCount {
                        let i = p * 4
                        let dr = Int(a[i]) - Int(e[i]), dg = Int(a[i + 1]) - Int(e[i + 1]), db = Int(a[i + 2]) - Int(e[i + 2])
                        let da = Int(a[i + 3]) - Int(e[i + 3])
                        squaredSum += Double(dr * dr + dg * dg + db * db)
                        let channelMax = max(abs(dr), abs(dg), abs(db), abs(da))
                        largest = max(largest, channelMax)
                        if channelMax > tolerance.pixelThreshold { differing += 1 }
                        writeDiffPixel(into: out, at: i, expected: e, difference: channelMax)
                    }
                }
            }
        }
        let rms = (squaredSum / Double(pixelCount * 3)).squareRoot()
        let share = pixelCount > 0 ? Double(differing) / Double(pixelCount) : 0
        let passed = rms <= tolerance.maximumRMS && share <= tolerance.maximumDifferingShare
        return ComparisonResult(verdict: passed ? .withinTolerance : .different, rms: rms, differingPixelCount: differing,
                                pixelCount: pixelCount, maximumChannelDifference: largest, tolerance: tolerance,
                                diffImage: RGBAImage(width: actual.width, height: actual.height, pixels: diff))
    }

    /// One pixel of the diff image: a dimmed, light grey copy of the expected pixel, overlaid with red
    /// whose strength is the difference amplified 10x (at least a quarter, so a 1-level change still shows).
    private static func writeDiffPixel(into out: UnsafeMutableBufferPointer<UInt8>, at i: Int,
                                       expected e: UnsafeBufferPointer<UInt8>, difference: Int) {
        let luma = (Int(e[i]) * 299 + Int(e[i + 1]) * 587 + Int(e[i + 2]) * 114) / 1000
        let grey = 170 + luma / 3  // 170...255: the scene stays readable but faint
        guard difference > 0 else {
            out[i] = UInt8(grey); out[i + 1] = UInt8(grey); out[i + 2] = UInt8(grey); out[i + 3] = 255
            return
        }
        let strength = min(1.0, 0.25 + Double(difference * 10) / 255)
        out[i] = UInt8((Double(grey) * (1 - strength) + 255 * strength).rounded())
        out[i + 1] = UInt8((Double(grey) * (1 - strength)).rounded())
        out[i + 2] = UInt8((Double(grey) * (1 - strength)).rounded())
        out[i + 3] = 255
    }
}
