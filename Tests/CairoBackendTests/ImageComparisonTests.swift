import CairoBackend
import Foundation
import Plotting
import TestSupport
import Testing

/// The comparison's verdicts and measures on constructed images.
@Suite struct ImageComparisonTests {
    private let white = RGBAImage.filled(width: 1200, height: 800, rgba: [255, 255, 255, 255])

    private func changing(_ image: RGBAImage, pixels: [(Int, Int)], to rgba: [UInt8]) -> RGBAImage {
        var copy = image
        for (x, y) in pixels {
            let i = (y * image.width + x) * 4
            copy.pixels.replaceSubrange(i..<i + 4, with: rgba)
        }
        return copy
    }

    @Test func identicalImagesPassAtOnce() {
        let result = ImageComparison.compare(actual: white, expected: white)
        #expect(result.verdict == .identical && result.passed && result.rms == 0 && result.diffImage == nil)
    }

    @Test func sizeMismatchFails() {
        let small = RGBAImage.filled(width: 10, height: 8, rgba: [255, 255, 255, 255])
        let result = ImageComparison.compare(actual: small, expected: white)
        #expect(result.verdict == .sizeMismatch(actual: (10, 8), expected: (1200, 800)))
        #expect(!result.passed)
        #expect(result.description == "size mismatch: actual 10x8, expected 1200x800")
    }

    @Test func measuresAreExact() {
        // 100 pixels changed from white to pure red: G and B differ by 255 each.
        let changed = changing(white, pixels: (0..<100).map { ($0, 0) }, to: [255, 0, 0, 255])
        let result = ImageComparison.compare(actual: changed, expected: white)
        let expectedRMS = (100.0 * 2 * 255 * 255 / (1200 * 800 * 3)).squareRoot()  // ≈ 2.12
        #expect(abs(result.rms - expectedRMS) < 1e-12)
        #expect(result.differingPixelCount == 100 && result.maximumChannelDifference == 255)
        #expect(!result.passed)  // RMS 2.12 > 0.5 although only 0.01% of pixels differ
    }

    @Test func fewNoisyEdgePixelsPass() {
        // 100 pixels off by 30 (edge noise across library versions): share 0.0104%, RMS 0.31.
        let noisy = changing(white, pixels: (0..<100).map { ($0 * 5, 400) }, to: [225, 225, 225, 255])
        let result = ImageComparison.compare(actual: noisy, expected: white)
        #expect(result.verdict == .withinTolerance, "\(result)")
    }

    @Test func faintChangeOverManyPixelsFailsOnRMS() {
        // Every pixel off by 2 levels is below the pixel threshold, but RMS 2 > 0.5.
        let faint = RGBAImage.filled(width: 1200, height: 800, rgba: [253, 253, 253, 255])
        let result = ImageComparison.compare(actual: faint, expected: white)
        #expect(result.differingPixelCount == 0 && abs(result.rms - 2) < 1e-12 && !result.passed)
    }

    @Test func manyStrongButThinChangesFailOnShare() {
        // 600 pixels off by 18 (just over the threshold): RMS 0.45 passes, 0.0625% > 0.05% fails.
        let changed = changing(white, pixels: (0..<600).map { ($0, 10) }, to: [237, 237, 237, 255])
        let result = ImageComparison.compare(actual: changed, expected: white)
        #expect(result.rms < 0.5 && result.differingPixelCount == 600 && !result.passed, "\(result)")
    }

    @Test func diffImageMarksChangesInRedOverDimmedExpected() throws {
        let black = RGBAImage.filled(width: 4, height: 1, rgba: [0, 0, 0, 255])
        let changed = changing(black, pixels: [(1, 0), (2, 0)], to: [1, 0, 0, 255])
        let changed2 = changing(changed, pixels: [(2, 0)], to: [200, 200, 200, 255])
        let diff = try #require(ImageComparison.compare(actual: changed2, expected: black).diffImage)
        #expect(diff.pixel(0, 0) == [170, 170, 170, 255])          // unchanged: dimmed grey
        let faint = diff.pixel(1, 0), strong = diff.pixel(2, 0)
        #expect(faint[0] > faint[1] && faint[1] < 170)              // a 1-level change still shows red
        #expect(strong == [255, 0, 0, 255])                         // a large change is pure red
    }
}
