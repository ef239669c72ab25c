import Plotting

/// The outcome of `ImageComparison.compare`: the verdict, the measures behind it and a diff image.
public struct ComparisonResult: CustomStringConvertible {
    /// How the images relate.
    public enum Verdict: Equatable {
        /// Every byte equal.
        case identical
        /// Different, but within the tolerance.
        case withinTolerance
        /// Different beyond the tolerance.
        case different
        /// The sizes differ (width, height).
        case sizeMismatch(actual: (Int, Int), expected: (Int, Int))

        /// Same case with the same sizes (tuples are not `Equatable`, so this is spelled out).
        public static func == (lhs: Verdict, rhs: Verdict) -> Bool {
            switch (lhs, rhs) {
            case (.identical, .identical), (.withinTolerance, .withinTolerance), (.different, .different): return true
            case let (.sizeMismatch(a1, e1), .sizeMismatch(a2, e2)): return a1 == a2 && e1 == e2
            default: return false
            }
        }
    }

    /// How the images relate.
    public let verdict: Verdict
    /// RMS difference over R, G, B in 0–255 (infinite on a size mismatch).
    public let rms: Double
    /// Pixels whose largest channel difference exceeds the tolerance's threshold.
    public let differingPixelCount: Int
    /// Pixels compared.
    public let pixelCount: Int
    /// The largest difference of any channel of any pixel.
    public let maximumChannelDifference: Int
    /// The tolerance applied.
    public let tolerance: ImageComparison.Tolerance
    /// Differences amplified in red over a dimmed expected image; nil when identical or of different sizes.
    public let diffImage: RGBAImage?

    /// The comparison passes: identical or within the tolerance.
    public var passed: Bool { verdict == .identical || verdict == .withinTolerance }

    /// The share (0...1) of differing pixels.
    public var differingShare: Double { pixelCount > 0 ? Double(differingPixelCount) / Double(pixelCount) : 0 }

    /// One line with the verdict and the measures against their limits.
    public var description: String {
        switch verdict {
        case .identical:
            return "identical (\(pixelCount) pixels)"
        case let .sizeMismatch(actual, expected):
            return "size mismatch: actual \(actual.0)x\(actual.1), expected \(expected.0)x\(expected.1)"
        case .withinTolerance, .different:
            let word = verdict == .different ? "different" : "within tolerance"
            return "\(word): RMS \(format(rms)) (limit \(format(tolerance.maximumRMS))), "
                + "\(differingPixelCount) of \(pixelCount) pixels off by more than \(tolerance.pixelThreshold) "
                + "(\(format(differingShare * 100, digits: 3))%, limit \(format(tolerance.maximumDifferingShare * 100, digits: 3))%), "
                + "largest channel difference \(maximumChannelDifference)"
        }
    }

    private func format(_ value: Double, digits: Int = 2) -> String {
        let scale = pow10(digits)
        return "\((value * scale).rounded() / scale)"
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
}
