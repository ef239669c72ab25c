import Datasets
import Foundation
@testable import Report
import Testing

/// The pipeline: named steps, error wrapping, validation of sections, stage timings.
@Suite struct ReportPipelineTests {
    /// An experiment built from a closure.
    struct ClosureExperiment: Experiment {
        let id: String
        let title: String
        let body: (ExperimentContext, ReportSection) throws -> ReportSection
        init(id: String, title: String = "T", body: @escaping (ExperimentContext, ReportSection) throws -> ReportSection = { $1 }) {
            self.id = id
            self.title = title
            self.body = body
        }
        func run(in context: ExperimentContext) throws -> ReportSection { try body(context, makeSection()) }
    }

    private func pipeline(_ experiments: [any Experiment], output: URL, recordTimings: Bool = false) -> ReportPipeline {
        ReportPipeline(configuration: ReportConfiguration(output: output, recordTimings: recordTimings,
                                                          libraryVersions: LibraryVersions(cairo: "c", libpng: "p")),
                       experiments: experiments)
    }

    @Test func errorsAreWrappedWithTheStepAndExperiment() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let failing = ClosureExperiment(id: "softmax") { _, _ in
            throw IDXError.truncatedData(file: "x", dimensions: [3], expectedBytes: 3, remainingBytes: 1)
        }
        do {
            _ = try await pipeline([ClosureExperiment(id: "first"), failing], output: parent.appendingPathComponent("out")).run()
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
        await #expect { try await pipeline(ids.map { ClosureExperiment(id: $0) }, output: parent.appendingPathComponent("o")).run() } throws: { error in
            (error as? PipelineError)?.description.contains(message) == true && FailureKind.of(error) == .software
        }
    }

    @Test func sectionMustComeFromItsExperiment() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let impostor = ClosureExperiment(id: "real") { _, _ in ReportSection(id: "other", title: "x") }
        await #expect { try await pipeline([impostor], output: parent.appendingPathComponent("o")).run() } throws: { error in
            "\(error)".contains("section id 'other' differs from its experiment's id 'real'")
        }
    }

    @Test func duplicateFigureNamesAreRefused() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let withFigure: (ExperimentContext, ReportSection) throws -> ReportSection = { _, section in
            var section = section
            section.figure(try ReportFigure(fileName: "same.png", png: pngHeaderBytes(width: 2, height: 2), caption: "", altText: "a"))
            return section
        }
        await #expect { try await pipeline([ClosureExperiment(id: "a", body: withFigure), ClosureExperiment(id: "b", body: withFigure)],
                                           output: parent.appendingPathComponent("o")).run() } throws: { error in
            "\(error)" == "experiments (b): figure file name 'same.png' is used twice"
        }
    }

    @Test func figureAndEncodingTimeIsAttributedToTheirStages() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let slow = ClosureExperiment(id: "slow") { context, section in
            context.timed(.figures) { usleep(60_000) }
            context.timed(.encoding) { usleep(40_000) }
            return section
        }
        let outcome = try await pipeline([slow], output: parent.appendingPathComponent("o"), recordTimings: true).run()
        #expect(outcome.timings[.figures] >= 0.06 && outcome.timings[.figures] < 0.5)
        #expect(outcome.timings[.encoding] >= 0.04 && outcome.timings[.encoding] < 0.5)
        #expect(outcome.timings[.experiments] < 0.05)
        #expect(outcome.timings.sections["slow"]! >= 0.1)
        #expect(outcome.timings[.load] > 0 && outcome.timings[.templates] > 0 && outcome.timings[.writing] > 0)
        #expect(outcome.files == ["index.html", "report.json"])
    }

    @Test func sharedValuesAreMadeOnce() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var made = 0
        let reader: (ExperimentContext, ReportSection) throws -> ReportSection = { context, section in
            var section = section
            let batch: [Int] = context.shared("batch") { made += 1; return [context.dataset.files.count, Int(context.seed)] }
            section.results["batch"] = .ints(batch)
            return section
        }
        let outcome = try await pipeline([ClosureExperiment(id: "a", body: reader), ClosureExperiment(id: "b", body: reader)],
                                         output: parent.appendingPathComponent("o")).run()
        #expect(made == 1)
        #expect(outcome.report.sections.map { $0.results["batch"] } == [.ints([4, 1]), .ints([4, 1])])
    }

    @Test func reportJSONIsStableAndSorted() async throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let experiment = ClosureExperiment(id: "probabilities", title: "Probabilities") { _, section in
            var section = section
            section.output("ps", "tensor([0.1000])")
            section.results = ["probabilities": .floats([0.1, 0.25]), "argmax": 1]
            return section
        }
        let output = parent.appendingPathComponent("o")
        _ = try await pipeline([experiment], output: output).run()
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
}
