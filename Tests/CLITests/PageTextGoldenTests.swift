import Foundation
import NN
import TestSupport
import Testing

/// The text of the page `nnreport generate` writes for the embedded sample (the notebook's own cells),
/// compared to `Tests/Goldens/page-text.txt`.
///
/// Recording follows the image goldens' rules (`GoldenRecordMode`): `NNREPORT_RECORD_GOLDENS=all|failed|missing|never`,
/// `missing` by default locally, `never` when `CI` is set (where any other mode is refused). Recording counts as a
/// failure, so a recorded golden is looked at before the run is green.
@Suite struct PageTextGoldenTests {
    @Test func pageTextMatchesTheGolden() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output")
        let run = await CommandRun.run(["generate", "--output", output.path, "--no-timings", "--quiet"], fixtures: false)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // The kernel's name depends on the processor (its results do not): the golden holds a placeholder.
        let text = try ReportPage(contentsOf: output.appendingPathComponent("index.html")).text
            .replacingOccurrences(of: MatrixKernel.active.description, with: "<matrix kernel>")
        let golden = RepositoryPaths.tests("Goldens").appendingPathComponent("page-text.txt")
        if let failure = TextGolden(url: golden).verify(text) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test func ciNeverRecordsAndFailsOnAMissingGolden() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let golden = folder.url.appendingPathComponent("Goldens/missing.txt")
        let ci = TextGolden(url: golden, environment: ["CI": "true"])
        #expect(ci.verify("text") == "no golden \(golden.path); record it locally with NNREPORT_RECORD_GOLDENS=missing, look at it, and commit it")
        let refused = TextGolden(url: golden, environment: ["CI": "1", "NNREPORT_RECORD_GOLDENS": "all"]).verify("text")
        #expect(refused == "NNREPORT_RECORD_GOLDENS=all refused: goldens are never recorded in CI (CI is set)")
        #expect(!FileManager.default.fileExists(atPath: golden.path))
    }

    @Test func localRunsRecordByTheMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let golden = folder.url.appendingPathComponent("Goldens/page.txt")
        // Default locally: a missing golden is recorded, and that is reported.
        #expect(TextGolden(url: golden, environment: [:]).verify("one\n")?.hasPrefix("recorded missing golden \(golden.path)") == true)
        #expect(try String(contentsOf: golden, encoding: .utf8) == "one\n")
        #expect(TextGolden(url: golden, environment: [:]).verify("one\n") == nil)
        // A difference fails under `missing` and names the first differing line; `failed` re-records.
        let differs = TextGolden(url: golden, environment: [:]).verify("two\n")
        #expect(differs?.hasPrefix("text differs from \(golden.path) at line 1:\n  expected: one\n  actual:   two\n") == true)
        #expect(try String(contentsOf: golden, encoding: .utf8) == "one\n")
        #expect(TextGolden(url: golden, environment: ["NNREPORT_RECORD_GOLDENS": "failed"]).verify("two\n")?.hasPrefix("re-recorded") == true)
        #expect(try String(contentsOf: golden, encoding: .utf8) == "two\n")
        #expect(TextGolden(url: golden, environment: ["NNREPORT_RECORD_GOLDENS": "1"]).verify("two\n")
                == "NNREPORT_RECORD_GOLDENS=1 is not one of all|failed|missing|never")
    }

    @Test func markedLinesAllowWhatAnotherKernelChangesAndNothingMore() {
        let marked = "≈ tensor([  5.1404, -3.7066], grad_fn=<SelectBackward0>)"
        let line = { (text: String) in KernelDependentText.lineMatches(expected: Substring(marked), actual: Substring(text)) }
        #expect(line("tensor([  5.1404, -3.7066], grad_fn=<SelectBackward0>)"))
        #expect(line("tensor([  5.1405, -3.7067], grad_fn=<SelectBackward0>)"))  // last digits
        #expect(!line("tensor([  5.1404, -3.7076], grad_fn=<SelectBackward0>)"))  // ten units off
        #expect(!line("tensor([  5.1404, -3.7066], grad_fn=<AddBackward0>)"))  // other words
        #expect(!line("tensor([  5.1404, -3.7066, 1.0000], grad_fn=<SelectBackward0>)"))  // another number
        let deviation = Substring("≈ Largest distance of a row sum from 1: 5.96e-08 (row 1).")
        #expect(KernelDependentText.lineMatches(expected: deviation, actual: "Largest distance of a row sum from 1: 1.19e-07 (row 22)."))
        #expect(!KernelDependentText.lineMatches(expected: deviation, actual: "Largest distance of a row sum from 1: 1.19e-05 (row 22)."))
        // Unmarked lines (weights as drawn, shapes, prose) match only exactly.
        #expect(!KernelDependentText.lineMatches(expected: "tensor([-0.0204, -0.0055])", actual: "tensor([-0.0204, -0.0056])"))
        #expect(KernelDependentText.firstMismatch(expected: "a 1\n≈ b 1.00", actual: "a 1\nb 1.01") == nil)
        #expect(KernelDependentText.firstMismatch(expected: "a 1\n≈ b 1.00", actual: "a 2\nb 1.00") == 0)
        #expect(KernelDependentText.firstMismatch(expected: "a 1\n≈ b 1.00", actual: "a 1") == 1)
    }

    @Test func trainingLinesAllowWhatARunUnderAnotherKernelChangesAndNothingMore() {
        let accuracy = Substring("≈≈ epoch 5: train 87.43%, test 85.20%")
        let line = { (text: String) in KernelDependentText.lineMatches(expected: accuracy, actual: Substring(text)) }
        #expect(line("epoch 5: train 87.45%, test 85.00%"))  // OpenBLAS SkylakeX: a few images apart
        #expect(!line("epoch 5: train 87.43%, test 83.20%"))  // 20 images: a different run
        #expect(!line("epoch 5: train 87.43%, val 85.20%"))  // other words
        let loss = Substring("≈≈ Training loss: 0.4784866850527506")
        #expect(KernelDependentText.lineMatches(expected: loss, actual: "Training loss: 0.47838213566749815"))
        #expect(!KernelDependentText.lineMatches(expected: loss, actual: "Training loss: 0.4884866850527506"))  // 2% off
        #expect(!KernelDependentText.lineMatches(expected: "≈ Training loss: 0.4784866850527506",
                                                 actual: "Training loss: 0.47838213566749815"), "≈ alone is a product's tolerance")
    }

    @Test func reRecordingKeepsTheMarksOfLinesOfTheSameShape() {
        let golden = "print(highest)\n≈ tensor(9)\nprint(label)\ntensor(6)\n≈≈ loss 2.5\nend"
        #expect(KernelDependentText.marking("print(highest)\ntensor(3)\nprint(label)\ntensor(6)\nloss 2.1\nnew 1.5\nend", like: golden)
                == "print(highest)\n≈ tensor(3)\nprint(label)\ntensor(6)\n≈≈ loss 2.1\nnew 1.5\nend")
    }
}
