import Foundation
import Testing

/// The text of the page `nnreport generate` writes for the embedded sample (the notebook's own experiments),
/// compared to `Tests/Goldens/page-text.txt`; `NNREPORT_RECORD_GOLDENS=1 swift test` re-records it.
@Suite struct PageTextGoldenTests {
    @Test func pageTextMatchesTheGolden() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output")
        let run = await CommandRun.run(["generate", "--output", output.path, "--no-timings", "--quiet"], fixtures: false)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let text = try ReportPage(contentsOf: output.appendingPathComponent("index.html")).text
        let golden = Repository.goldens.appendingPathComponent("page-text.txt")
        if ProcessInfo.processInfo.environment["NNREPORT_RECORD_GOLDENS"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if text != expected {
            let failures = golden.deletingLastPathComponent().appendingPathComponent("Failures", isDirectory: true)
            try? FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
            let actual = failures.appendingPathComponent("page-text.actual.txt")
            try? text.write(to: actual, atomically: true, encoding: .utf8)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 } ?? min(expectedLines.count, actualLines.count)
            Issue.record("""
                page text differs from \(golden.path) at line \(first + 1):
                  expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
                  actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
                actual text written to \(actual.path); re-record with NNREPORT_RECORD_GOLDENS=1
                """)
        }
    }
}
