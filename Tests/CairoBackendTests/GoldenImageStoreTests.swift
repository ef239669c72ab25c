import CairoBackend
import Foundation
import Plotting
import TestSupport
import Testing

/// Record modes, CI refusal and failure artefacts of the golden store, in a temporary folder.
@Suite struct GoldenImageStoreTests {
    private let image = RGBAImage.pseudoRandom(width: 16, height: 12, seed: 9, opaque: true)

    private func temporaryGoldens() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("goldens-\(UUID().uuidString)")
        let goldens = root.appendingPathComponent("Goldens")
        try FileManager.default.createDirectory(at: goldens, withIntermediateDirectories: true)
        return goldens
    }

    @Test func recordModeComesFromTheEnvironment() throws {
        #expect(try GoldenRecordMode.resolve(environment: [:]).get() == .missing)
        #expect(try GoldenRecordMode.resolve(environment: ["CI": "true"]).get() == .never)
        #expect(try GoldenRecordMode.resolve(environment: ["NNREPORT_RECORD_GOLDENS": "failed"]).get() == .failed)
        #expect(try GoldenRecordMode.resolve(environment: ["NNREPORT_RECORD_GOLDENS": "never", "CI": "1"]).get() == .never)
    }

    @Test func ciRefusesToRecordAndUnknownModesAreErrors() {
        guard case let .failure(refused) = GoldenRecordMode.resolve(environment: ["NNREPORT_RECORD_GOLDENS": "all", "CI": "true"]) else {
            Issue.record("recording in CI was accepted"); return
        }
        #expect(refused.description == "NNREPORT_RECORD_GOLDENS=all refused: goldens are never recorded in CI (CI is set)")
        guard case let .failure(unknown) = GoldenRecordMode.resolve(environment: ["NNREPORT_RECORD_GOLDENS": "sometimes"]) else {
            Issue.record("an unknown mode was accepted"); return
        }
        #expect(unknown.description == "NNREPORT_RECORD_GOLDENS=sometimes is not one of all|failed|missing|never")
    }

    @Test func missingGoldenFailsInCIAndIsRecordedLocally() throws {
        let goldens = try temporaryGoldens()
        let ci = GoldenImageStore(goldensDirectory: goldens, environment: ["CI": "true"])
        let ciMessage = try #require(ci.verify(image, named: "scene").failureMessage)
        #expect(ciMessage.hasPrefix("no golden \(goldens.appendingPathComponent("scene.png").path)"))
        #expect(!FileManager.default.fileExists(atPath: goldens.appendingPathComponent("scene.png").path))

        let local = GoldenImageStore(goldensDirectory: goldens, environment: [:])
        guard case .recorded = local.verify(image, named: "scene") else { Issue.record("not recorded"); return }
        #expect(try PNGDecoder.decode(contentsOf: goldens.appendingPathComponent("scene.png")) == image)
        guard case .matched = local.verify(image, named: "scene") else { Issue.record("recorded golden does not match"); return }
    }

    @Test func failureWritesActualExpectedAndDiffAndNamesThem() throws {
        let goldens = try temporaryGoldens()
        let store = GoldenImageStore(goldensDirectory: goldens, environment: ["NNREPORT_RECORD_GOLDENS": "never"])
        try Data(PNGEncoder.encode(image)).write(to: store.goldenURL(named: "scene"))
        let other = RGBAImage.pseudoRandom(width: 16, height: 12, seed: 10, opaque: true)
        let message = try #require(store.verify(other, named: "scene").failureMessage)
        let failures = goldens.deletingLastPathComponent().appendingPathComponent("Failures")
        for kind in ["actual", "expected", "diff"] {
            let path = failures.appendingPathComponent("scene-\(kind).png").path
            #expect(message.contains(path))
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(try PNGDecoder.decode(contentsOf: failures.appendingPathComponent("scene-actual.png")) == other)
        // The golden itself is untouched in `never` mode.
        #expect(try PNGDecoder.decode(contentsOf: store.goldenURL(named: "scene")) == image)
        // Matching again clears the stale artefacts.
        guard case .matched = store.verify(image, named: "scene") else { Issue.record("golden no longer matches"); return }
        #expect(!FileManager.default.fileExists(atPath: failures.appendingPathComponent("scene-diff.png").path))
    }

    @Test func failedModeReRecordsADifferingGolden() throws {
        let goldens = try temporaryGoldens()
        let store = GoldenImageStore(goldensDirectory: goldens, environment: ["NNREPORT_RECORD_GOLDENS": "failed"])
        try Data(PNGEncoder.encode(image)).write(to: store.goldenURL(named: "scene"))
        let other = RGBAImage.pseudoRandom(width: 16, height: 12, seed: 10, opaque: true)
        guard case .recorded = store.verify(other, named: "scene") else { Issue.record("not re-recorded"); return }
        #expect(try PNGDecoder.decode(contentsOf: store.goldenURL(named: "scene")) == other)
    }
}
