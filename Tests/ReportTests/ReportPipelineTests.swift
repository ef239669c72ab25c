import Datasets
import Foundation
import Notebook
import Plotting
@testable import Report
import Testing

/// The pipeline: named steps, error wrapping, validation of sections, stage timings.
@Suite struct ReportPipelineTests {
    private func pipeline(_ content: any ReportContent, output: URL, renderer: any FigureRendering = HeaderOnlyRenderer(),
                          recordTimings: Bool = false) -> ReportPipeline {
        ReportPipeline(configuration: ReportConfiguration(output: output, recordTimings: recordTimings), content: content, renderer: renderer)
    }

    @Test func errorsAreWrappedWithTheStepAndExperiment() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let failing = ClosureContent.Section(id: "softmax") { _, _ in
            throw IDXError.truncatedData(file: "x", dimensions: [3], expectedBytes: 3, remainingBytes: 1)
        }
        do {
            _ = try await pipeline(ClosureContent([.init(id: "first"), failing]), output: parent.appendingPathComponent("out")).run()
            Issue.record("no error")
        } catch let error as PipelineError {
            #expect(error.stage == .experiments && error.experimentID == "softmax")
            #expect(error.description == "experiments (softmax): x: truncated data: header declares 3 labels (3 bytes) but 1 remain")
            #expect(error.failureKind == .dataError && error.failureKind.exitCode == 65)
        }
        #expect(try entries(parent) == [])
    }

    @Test(arguments: [
        (["a", "a"], "section id 'a' is used twice"),
        (["Bad"], "section id 'Bad' is not a valid anchor"),
        (["reproducibility"], "section id 'reproducibility' is used twice"),
    ])
    func invalidSectionIDsAreInternalErrors(ids: [String], message: String) async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        await #expect { try await pipeline(ClosureContent(ids.map { .init(id: $0) }), output: parent.appendingPathComponent("o")).run() } throws: { error in
            (error as? PipelineError)?.description.contains(message) == true && FailureKind.of(error) == .software
        }
    }

    @Test func sectionsMustFollowTheOutline() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var impostor = ClosureContent([.init(id: "other", title: "x")])
        impostor.outline = [SectionOutline(id: "real", title: "x")]
        await #expect { try await pipeline(impostor, output: parent.appendingPathComponent("o")).run() } throws: { error in
            "\(error)" == "experiments (other): section id 'other' (\"x\") comes where the outline has 'real' (\"x\")"
        }
        var short = ClosureContent([.init(id: "a")])
        short.outline.append(SectionOutline(id: "b", title: "T"))
        await #expect { try await pipeline(short, output: parent.appendingPathComponent("o")).run() } throws: { error in
            "\(error)" == "experiments: only 1 of the outline's 2 sections were made; 'b' is missing" && FailureKind.of(error) == .software
        }
        #expect(try entries(parent) == [])
    }

    @Test func duplicateFigureNamesAreRefused() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let withFigure: ClosureContent.Body = { section, recorder in
            section.figure(try recorder.render(Figure(width: 1, height: 1), fileName: "same.png", caption: "", altText: "a"))
        }
        await #expect { try await pipeline(ClosureContent([.init(id: "a", body: withFigure), .init(id: "b", body: withFigure)]),
                                           output: parent.appendingPathComponent("o")).run() } throws: { error in
            "\(error)" == "experiments (b): figure file name 'same.png' is used twice"
        }
    }

    @Test func figureAndEncodingTimeIsAttributedToTheirStages() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let slow = ClosureContent.Section(id: "slow") { section, recorder in
            section.figure(try recorder.render(Figure(width: 1, height: 1), fileName: "slow.png", caption: "", altText: "a"))
        }
        let renderer = HeaderOnlyRenderer(drawingDelay: 60_000, encodingDelay: 40_000)
        let outcome = try await pipeline(ClosureContent([slow]), output: parent.appendingPathComponent("o"), renderer: renderer,
                                         recordTimings: true).run()
        #expect(outcome.timings[.figures] >= 0.06 && outcome.timings[.figures] < 0.5)
        #expect(outcome.timings[.encoding] >= 0.04 && outcome.timings[.encoding] < 0.5)
        #expect(outcome.timings[.experiments] < 0.05)
        #expect(outcome.timings.sections["slow"]! >= 0.1)
        #expect(outcome.timings[.load] > 0 && outcome.timings[.templates] > 0 && outcome.timings[.writing] > 0)
        #expect(outcome.files == ["figures/slow.png", "index.html", "report.json"])
    }

    @Test func aSectionHandsItsValueToTheContent() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        struct Chained: ReportContent {
            let title = "t", introduction = "i"
            let outline = [SectionOutline(id: "a", title: "A"), SectionOutline(id: "b", title: "B")]
            func makeSections(dataset: LoadedDataset, seed: UInt64, recorder: SectionRecorder) throws {
                let count = try recorder.section(id: "a", title: "A") { _ in dataset.files.count + Int(seed) }
                try recorder.section(id: "b", title: "B") { $0.results["count"] = .int(count) }
            }
        }
        let outcome = try await pipeline(Chained(), output: parent.appendingPathComponent("o")).run()
        #expect(outcome.report.sections.map(\.results["count"]) == [nil, .int(5)])
        #expect(outcome.report.reproducibility.libraries == LibraryVersions(cairo: "c", libpng: "p"))
    }

    @Test func reportJSONIsStableAndSorted() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let section = ClosureContent.Section(id: "probabilities", title: "Probabilities") { section, _ in
            section.output("ps", "tensor([0.1000])")
            section.results = ["probabilities": .floats([0.1, 0.25]), "argmax": 1]
        }
        let output = parent.appendingPathComponent("o")
        _ = try await pipeline(ClosureContent([section]), output: output).run()
        let json = try String(contentsOf: output.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(json.hasSuffix("}\n"))
        #expect(json.contains("""
              "results" : {
                "argmax" : 1,
                "probabilities" : [
                  0.1,
                  0.25
                ]
              },
        """))
        let keys = ["format", "reproducibility", "sections", "timings", "title"].map { json.range(of: "\n  \"\($0)\" : ")!.lowerBound }
        #expect(keys == keys.sorted())
    }

    @Test func theNotebookMakesItsOutlinedSectionsWithFiguresAndResults() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let content = NotebookContent()
        let outcome = try await pipeline(content, output: parent.appendingPathComponent("o")).run()
        #expect(outcome.report.title == content.title && outcome.report.introduction == content.introduction)
        #expect(outcome.report.sections.map { SectionOutline(id: $0.id, title: $0.title) } == content.outline)
        #expect(outcome.files.filter { $0.hasPrefix("figures/") } == [
            "figures/activations.png", "figures/classify-after-training.png", "figures/classify-before-training.png",
            "figures/classify-relunet.png", "figures/classify-sequential.png", "figures/confusion.png", "figures/digit.png",
            "figures/optimizers-loss.png", "figures/softmax-sums.png", "figures/test-predictions.png", "figures/training-accuracy.png",
            "figures/training-loss.png",
        ])
        let results = Dictionary(uniqueKeysWithValues: outcome.report.sections.map { ($0.id, $0.results) })
        func count(_ id: String, _ key: String) -> Int? {
            if case let .array(values)? = results[id]?[key] { return values.count } else { return nil }
        }
        #expect(count("the-data", "batchLabels") == 64)
        #expect(count("network-from-tensors", "firstRow") == 10)
        #expect(count("forward-pass", "probabilities") == 10)
        #expect(count("sequential", "probabilities") == 10)
        #expect(results["relunet"]?["reinitialisedLayer"] == "input_to_hidden_one")
        #expect(results["sequential"]?["firstLayer"] == "Linear(in_features=784, out_features=128, bias=True)")
        #expect(outcome.timings[.figures] > 0 && outcome.timings.sections.count == 13)
        if case let .object(training)? = results["training"]?["training"], case let .array(epochs)? = training["epochs"] {
            #expect(epochs.count == 5)
        } else {
            Issue.record("no training results")
        }
    }

    @Test func theNotebookWithoutTrainingMakesTheTenNotebookSections() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let content = NotebookContent(training: .notebookOnly)
        let outcome = try await pipeline(content, output: parent.appendingPathComponent("o")).run()
        #expect(outcome.report.sections.count == 10 && outcome.report.sections.last?.id == "sequential-named")
    }
}
