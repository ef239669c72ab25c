import Foundation
import ModelFiles
import Testing

/// Writes our re-encoding of every fixture into `MODEL_FILES_EXPORT_DIR`, for the fixture script's
/// `verify` mode to load with real PyTorch. Skipped unless that variable is set: the suite itself
/// never needs PyTorch.
@Suite("Export for verification with real PyTorch")
struct TorchVerificationExport {
    static let directory = ProcessInfo.processInfo.environment["MODEL_FILES_EXPORT_DIR"]

    @Test(.enabled(if: directory != nil, "set MODEL_FILES_EXPORT_DIR to export"))
    func exportOurFiles() throws {
        let folder = URL(fileURLWithPath: try #require(Self.directory))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in FixtureReadingTests.checkpoints + FixtureReadingTests.safetensorsFiles {
            let stateDict = try StateDict(contentsOf: ModelFilesReference.url(name))
            // Named after the fixture (extension included) so `verify` finds its expectations.
            try stateDict.write(to: folder.appendingPathComponent("\(name).pth"))
            try stateDict.write(to: folder.appendingPathComponent("\(name).safetensors"))
        }
    }
}
