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
/// so on one machine kind a golden matches exactly. The tolerance only absorbs low-amplitude noise at
/// antialiased edges (pixman code paths, patch releases of Cairo or FreeType): edge pixels off by a few
/// levels (below the threshold of 16, i.e. 6%), and up to 0.05% of pixels (480 of a 1200x800 figure)
/// off by more, as long as RMS ≤ 0.5. RMS 0.5 on a 1200x800 figure is about ten pixels changed from
/// white to a dark colour, so any visible change fails: a tick label moved 2 px (RMS ≈ 2), a bar 5%
/// longer, even a short one 0.6 px longer (RMS ≈ 0.9), a missing bar (RMS ≈ 3); the mutation tests in
/// CairoBackendTests measure each. What passes is a change too faint to see, such as a bar colour 4
/// levels off (RMS 0.33, no pixel over the threshold). matplotlib's tests use RMS ≤ 2 with no local check.
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

        /// RMS ≤ 0.5, threshold 16, at most 0.05% of pixels (see the type comment for why).
        public static let `default` = Tolerance(maximumRMS: 0.5, pixelThreshold: 16, maximumDifferingShare: 0.0005)

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
        // Integer sums: 960,000 pixels x 3 x 255² fits easily in Int.
        var squaredSum = 0
        var differing = 0
        var largest = 0
        let threshold = tolerance.pixelThreshold
        actual.pixels.withUnsafeBufferPointer { a in
            expected.pixels.withUnsafeBufferPointer { e in
                var i = 0
                while i < a.count {
                    let dr = Int(a[i]) - Int(e[i]), dg = Int(a[i + 1]) - Int(e[i + 1])
                    let db = Int(a[i + 2]) - Int(e[i + 2]), da = Int(a[i + 3]) - Int(e[i + 3])
                    squaredSum += dr * dr + dg * dg + db * db
                    let channelMax = Swift.max(Swift.max(abs(dr), abs(dg)), Swift.max(abs(db), abs(da)))
                    if channelMax > largest { largest = channelMax }
                    if channelMax > threshold { differing += 1 }
                    i += 4
                }
            }
        }
        let rms = (Double(squaredSum) / Double(pixelCount * 3)).squareRoot()
        let share = pixelCount > 0 ? Double(differing) / Double(pixelCount) : 0
        let passed = rms <= tolerance.maximumRMS && share <= tolerance.maximumDifferingShare
        return ComparisonResult(verdict: passed ? .withinTolerance : .different, rms: rms, differingPixelCount: differing,
                                pixelCount: pixelCount, maximumChannelDifference: largest, tolerance: tolerance,
                                diffImage: diffImage(actual: actual, expected: expected))
    }

    /// The expected image dimmed to light grey, with every differing pixel overlaid in red (see `writeDiffPixel`).
    public static func diffImage(actual: RGBAImage, expected: RGBAImage) -> RGBAImage {
        precondition(actual.width == expected.width && actual.height == expected.height, "diffImage: sizes differ")
        var diff = [UInt8](repeating: 255, count: expected.pixels.count)
        actual.pixels.withUnsafeBufferPointer { a in
            expected.pixels.withUnsafeBufferPointer { e in
                diff.withUnsafeMutableBufferPointer { out in
                    var i = 0
                    while i < a.count {
                        let difference = Swift.max(Swift.max(abs(Int(a[i]) - Int(e[i])), abs(Int(a[i + 1]) - Int(e[i + 1]))),
                                                   Swift.max(abs(Int(a[i + 2]) - Int(e[i + 2])), abs(Int(a[i + 3]) - Int(e[i + 3]))))
                        writeDiffPixel(into: out, at: i, expected: e, difference: difference)
                        i += 4
                    }
                }
            }
        }
        return RGBAImage(width: expected.width, height: expected.height, pixels: diff)
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
        // Strength in 1/256 steps: a quarter plus the difference x10, capped at full red.
        let strength = Swift.min(256, 64 + difference * 10 * 256 / 255)
        let kept = grey * (256 - strength) / 256
        out[i] = UInt8(kept + 255 * strength / 256)
        out[i + 1] = UInt8(kept)
        out[i + 2] = UInt8(kept)
        out[i + 3] = 255
    }
}
