import Foundation

/// A text golden file, checked and recorded by the same `NNREPORT_RECORD_GOLDENS` rules as the image goldens.
public struct TextGolden {
    /// The golden file.
    public let url: URL
    /// The record mode, or why the environment's setting is refused.
    public let recordMode: Result<GoldenRecordMode, GoldenConfigurationError>

    /// A golden at `url`, its mode read from `environment`.
    public init(url: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.url = url
        recordMode = GoldenRecordMode.resolve(environment: environment)
    }

    /// Nil when `text` matches the golden; otherwise the failure (recording, too, is reported so it gets looked at).
    public func verify(_ text: String) -> String? {
        let mode: GoldenRecordMode
        switch recordMode {
        case let .success(value): mode = value
        case let .failure(error): return error.description
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            if FileManager.default.fileExists(atPath: url.path), mode == .missing || mode == .never {
                return "golden \(url.path) cannot be read as UTF-8"
            }
            guard mode != .never else {
                return "no golden \(url.path); record it locally with \(GoldenRecordMode.environmentVariable)=missing, look at it, and commit it"
            }
            return record(text, reason: "recorded missing golden")
        }
        guard let mismatch = KernelDependentText.firstMismatch(expected: expected, actual: text) else { return nil }
        if mode == .all || mode == .failed {
            return record(KernelDependentText.marking(text, like: expected), reason: "re-recorded golden that differed:")
        }
        return difference(expected: expected, actual: text, at: mismatch)
    }

    // MARK: - Recording and artefacts

    /// Writes the golden and says so.
    private func record(_ text: String, reason: String) -> String {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return "\(reason) \(url.path); look at it (git diff), then re-run with \(GoldenRecordMode.environmentVariable)=never"
        } catch {
            return "cannot record golden \(url.path): \(error)"
        }
    }

    /// The first differing line, with the actual text written beside the goldens in the git-ignored `Failures/`.
    ///
    /// Lines marked `≈ ` in the golden are compared as `KernelDependentText` says; all others exactly.
    private func difference(expected: String, actual: String, at first: Int) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let failures = url.deletingLastPathComponent().appendingPathComponent("Failures", isDirectory: true)
        let actualURL = failures.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".actual.txt")
        var written = "actual text written to \(actualURL.path)"
        do {
            try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
            try actual.write(to: actualURL, atomically: true, encoding: .utf8)
        } catch {
            written = "cannot write the actual text to \(actualURL.path): \(error)"
        }
        return """
            text differs from \(url.path) at line \(first + 1):
              expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
              actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
            \(written); re-record with \(GoldenRecordMode.environmentVariable)=failed
            """
    }
}
