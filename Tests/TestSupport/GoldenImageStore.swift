import CairoBackend
import Foundation
import Plotting

/// Checks rendered images against golden PNGs in a folder, records them by the record mode, and writes failure artefacts.
///
/// Free of any test framework so that every test target can wrap `verify` in its own assertion.
/// On a failed comparison `<name>-actual.png`, `<name>-expected.png` and `<name>-diff.png` are written
/// to `failuresDirectory` (git-ignored) and their paths are part of the message.
public struct GoldenImageStore {
    /// Where `<name>.png` goldens live.
    public let goldensDirectory: URL
    /// Where failure artefacts are written.
    public let failuresDirectory: URL
    /// The record mode, or why the environment's setting is refused.
    public let recordMode: Result<GoldenRecordMode, GoldenConfigurationError>
    /// The comparison tolerance.
    public let tolerance: ImageComparison.Tolerance

    /// A store over `goldensDirectory`; failures go to a sibling `Failures` folder unless given.
    public init(goldensDirectory: URL, failuresDirectory: URL? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                tolerance: ImageComparison.Tolerance = .default) {
        self.goldensDirectory = goldensDirectory
        self.failuresDirectory = failuresDirectory
            ?? goldensDirectory.deletingLastPathComponent().appendingPathComponent("Failures", isDirectory: true)
        self.recordMode = GoldenRecordMode.resolve(environment: environment)
        self.tolerance = tolerance
    }

    /// The golden file for `name`.
    public func goldenURL(named name: String) -> URL {
        goldensDirectory.appendingPathComponent("\(name).png")
    }

    /// Compares `image` with the golden `name`, recording it if the mode says so.
    public func verify(_ image: RGBAImage, named name: String) -> GoldenOutcome {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            return .failed("golden name \"\(name)\" must be a plain file name")
        }
        let mode: GoldenRecordMode
        switch recordMode {
        case let .success(value): mode = value
        case let .failure(error): return .failed(error.description)
        }
        let url = goldenURL(named: name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard mode != .never else {
                return .failed("no golden \(url.path); record it locally with \(GoldenRecordMode.environmentVariable)=missing, look at it, and commit it")
            }
            return record(image, at: url, reason: "recorded missing golden")
        }
        let expected: RGBAImage
        do {
            expected = try PNGDecoder.decode(contentsOf: url)
        } catch {
            if mode == .all || mode == .failed { return record(image, at: url, reason: "re-recorded unreadable golden") }
            return .failed("golden \(url.path) cannot be read: \(error)")
        }
        let result = ImageComparison.compare(actual: image, expected: expected, tolerance: tolerance)
        if result.passed {
            removeArtefacts(named: name)
            return .matched(result)
        }
        if mode == .all || mode == .failed {
            return record(image, at: url, reason: "re-recorded golden that failed (\(result))")
        }
        return .failed("\(name) does not match its golden: \(result)\n" + writeArtefacts(named: name, actual: image, expected: expected, result: result))
    }

    // MARK: - Recording and artefacts

    /// Writes a golden; recording counts as a failure so that a recorded image is looked at before the run is green.
    private func record(_ image: RGBAImage, at url: URL, reason: String) -> GoldenOutcome {
        do {
            try FileManager.default.createDirectory(at: goldensDirectory, withIntermediateDirectories: true)
            try Data(PNGEncoder.encode(image)).write(to: url, options: .atomic)
            return .recorded("\(reason) \(url.path); look at it, then re-run with \(GoldenRecordMode.environmentVariable)=never")
        } catch {
            return .failed("cannot record golden \(url.path): \(error)")
        }
    }

    /// Writes actual, expected and diff PNGs; returns the lines naming them (or why they could not be written).
    private func writeArtefacts(named name: String, actual: RGBAImage, expected: RGBAImage, result: ComparisonResult) -> String {
        var images = [("actual", actual), ("expected", expected)]
        if let diff = result.diffImage { images.append(("diff", diff)) }
        var lines: [String] = []
        do {
            try FileManager.default.createDirectory(at: failuresDirectory, withIntermediateDirectories: true)
            for (kind, image) in images {
                let url = failuresDirectory.appendingPathComponent("\(name)-\(kind).png")
                try Data(PNGEncoder.encode(image)).write(to: url, options: .atomic)
                lines.append("  \(kind): \(url.path)")
            }
        } catch {
            lines.append("  (cannot write failure images to \(failuresDirectory.path): \(error))")
        }
        return lines.joined(separator: "\n")
    }

    /// Removes stale artefacts of an earlier failure of `name`.
    private func removeArtefacts(named name: String) {
        for kind in ["actual", "expected", "diff"] {
            try? FileManager.default.removeItem(at: failuresDirectory.appendingPathComponent("\(name)-\(kind).png"))
        }
    }
}

/// The outcome of checking one image against its golden.
public enum GoldenOutcome {
    /// The image matches (identical or within tolerance).
    case matched(ComparisonResult)
    /// A golden was written; the message says where and asks for a look and a re-run.
    case recorded(String)
    /// The check failed; the message says why and where the artefacts are.
    case failed(String)

    /// The message to report as a test failure, or nil when the image matched.
    public var failureMessage: String? {
        switch self {
        case .matched: return nil
        case let .recorded(message), let .failed(message): return message
        }
    }
}
