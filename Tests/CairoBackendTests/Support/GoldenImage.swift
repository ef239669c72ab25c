import CairoBackend
import Foundation
import Plotting
import TestSupport
import Testing

/// `Tests/CairoBackendTests/Goldens` (the folder is excluded from the build).
let goldensDirectory = RepositoryPaths.tests("CairoBackendTests/Goldens")

/// Records a test issue unless `image` matches `Goldens/<name>.png` (record mode from `NNREPORT_RECORD_GOLDENS`).
func assertMatchesGolden(_ image: RGBAImage, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let store = GoldenImageStore(goldensDirectory: goldensDirectory)
    if let message = store.verify(image, named: name).failureMessage {
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
