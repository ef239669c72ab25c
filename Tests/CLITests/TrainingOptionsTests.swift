import Foundation
import Report
import TestSupport
import Testing

/// `nnreport generate`'s training options: usage errors, `--epochs 0`, a diverging run, and `report.json`'s training keys.
@Suite struct TrainingOptionsTests {
    /// Asserts one usage-error line on stderr, exactly `message` plus the help hint, and nothing on stdout.
    private func expectUsageError(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let run = await CommandRun.run(["generate"] + arguments)
        #expect(run.status == 64, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr == "nnreport: error: \(message) (see 'nnreport generate --help')\n", sourceLocation: sourceLocation)
        #expect(run.stdout == "", sourceLocation: sourceLocation)
    }

    @Test func invalidTrainingValuesAreUsageErrorsNamingTheOption() async {
        await expectUsageError(["--epochs=-1"], "The value '-1' is invalid for '--epochs <n>': expected a whole number of 0 or more.")
        await expectUsageError(["--epochs", "five"], "The value 'five' is invalid for '--epochs <n>'")
        await expectUsageError(["--lr", "0"], "The value '0.0' is invalid for '--lr <x>': expected a positive number.")
        await expectUsageError(["--lr=-0.1"], "The value '-0.1' is invalid for '--lr <x>': expected a positive number.")
        await expectUsageError(["--lr", "fast"], "The value 'fast' is invalid for '--lr <x>'")
        await expectUsageError(["--lr", "nan"], "The value 'nan' is invalid for '--lr <x>': expected a positive number.")
        await expectUsageError(["--momentum=-0.5"], "The value '-0.5' is invalid for '--momentum <x>': expected a number of 0 or more.")
        await expectUsageError(["--batch-size", "0"], "The value '0' is invalid for '--batch-size <n>': expected a positive whole number.")
        await expectUsageError(["--batch-size", "6.4"], "The value '6.4' is invalid for '--batch-size <n>'")
        await expectUsageError(["--optimizer", "rmsprop"],
                               "The value 'rmsprop' is invalid for '--optimizer <name>'. Please provide one of 'sgd' and 'adam'.")
    }

    /// Runs the notebook report with `extra` options into a temporary folder; returns the status and the document.
    private func generate(_ extra: [String]) async throws -> (run: CommandRun, document: ReportDocument?, page: String?) {
        let folder = try TemporaryFolder("nnreport-training")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output", isDirectory: true)
        let run = await CommandRun.run(["generate", "--output", output.path, "--no-timings", "--quiet"] + extra, fixtures: false)
        let json = try? Data(contentsOf: output.appendingPathComponent("report.json"))
        let page = try? String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        return (run, try json.map { try JSONDecoder().decode(ReportDocument.self, from: $0) }, page)
    }

    @Test func zeroEpochsGiveExactlyTheNotebooksSections() async throws {
        let (run, document, _) = try await generate(["--epochs", "0"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let sections = try #require(document).sections
        let ids = sections.map(\.id)
        #expect(ids == NotebookReportTests.sectionIDs.filter { !NotebookReportTests.trainingSectionIDs.contains($0) } && ids.count == 10)
    }

    @Test func aDivergingRunWarnsAndStillSucceeds() async throws {
        let (run, document, page) = try await generate(["--lr", "1000", "--epochs", "1"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let sections = try #require(document).sections
        let training = try #require(sections.first { $0.id == "training" })
        guard case let .object(results)? = training.results["training"], case let .object(diverged)? = results["diverged"] else {
            Issue.record("no training.diverged in report.json: \(training.results)")
            return
        }
        #expect(number(diverged["epoch"]) == 1 && diverged["loss"] == .string("nan"))
        #expect(results["epochs"] == .array([]))
        #expect(training.figures.map(\.name) == ["training-loss.png", "classify-before-training.png"])
        #expect(try #require(page).contains("<p class=\"warning\" role=\"alert\">Warning: training diverged."))
    }

    @Test func reportJSONHoldsTheTrainingSettingsAndEpochs() async throws {
        let (run, document, _) = try await generate(["--epochs", "1", "--optimizer", "adam", "--lr", "0.001", "--batch-size", "100"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let sections = try #require(document).sections
        let training = try #require(sections.first { $0.id == "training" })
        guard case let .object(results)? = training.results["training"], case let .array(epochs)? = results["epochs"],
              case let .object(first)? = epochs.first else {
            Issue.record("no training object in report.json: \(training.results)")
            return
        }
        #expect(results["optimizer"] == .string("adam") && number(results["lr"]) == 0.001)
        #expect(number(results["batchSize"]) == 100 && results["momentum"] == nil && results["diverged"] == nil)
        #expect(epochs.count == 1)
        if case let .array(rows)? = results["confusion"] { #expect(rows.count == 10) } else { Issue.record("no confusion matrix") }
        #expect(Set(first.keys) == ["epoch", "train_loss", "train_accuracy", "test_accuracy", "seconds"])
        #expect(number(first["seconds"]) == 0, "--no-timings records no time")
        #expect((number(first["test_accuracy"]) ?? 0) > 0.7, "test accuracy after one Adam epoch: \(String(describing: first["test_accuracy"]))")
    }

    /// A JSON number as a Double, whether written as an integer or not.
    private func number(_ value: JSONValue?) -> Double? {
        switch value {
        case let .int(integer)?: Double(integer)
        case let .double(double)?: double
        default: nil
        }
    }

    @Test func aTerminalSeesOneTrainingLineRewrittenInPlaceAndNothingElseDoes() async throws {
        let folder = try TemporaryFolder("nnreport-progress")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output", isDirectory: true).path
        let arguments = ["generate", "--output", output, "--no-timings", "--epochs", "1"]
        let terminal = await CommandRun.run(arguments, fixtures: false, terminal: true)
        #expect(terminal.status == 0, "stderr: \(terminal.stderr)")
        let erase = "\r\u{1B}[K"
        #expect(terminal.stderr.contains(erase + "training: epoch 1/1 · step 1/63 · loss "), "the first step is always shown")
        #expect(terminal.stderr.contains(erase + "comparing Adam: epoch 1/1 · step 1/63 · loss "))
        // The rewritten line never ends a line: each section's line starts after an erase, on a clean line.
        let lines = terminal.stderr.split(separator: "\n")
        #expect(lines.count == 13 && lines.allSatisfy { $0.hasPrefix("[") || $0.hasPrefix(erase) })
        #expect(lines.allSatisfy { line in line.components(separatedBy: erase).last?.hasPrefix("[") == true })
        let progressLine = try #require(terminal.stderr.components(separatedBy: erase).first { $0.hasPrefix("training: ") })
        #expect(progressLine.hasSuffix(" images/s"))
        for silent in [await CommandRun.run(arguments + ["--quiet"], fixtures: false, terminal: true),
                       await CommandRun.run(arguments, fixtures: false, terminal: false)] {
            #expect(silent.status == 0 && !silent.stderr.contains("training:") && !silent.stderr.contains(erase))
        }
    }
}
