import CairoBackend
import Foundation
import Plotting
import TestSupport
import Testing

/// The default tolerance catches real regressions of a full-size figure and passes the identical figure.
@Suite struct ComparisonSensitivityTests {
    /// A way to break the bar scene, as a regression would.
    struct Mutation: CustomTestStringConvertible, Sendable {
        let name: String
        let apply: @Sendable (inout BarScene) -> Void
        var testDescription: String { name }
    }

    static let mutations: [Mutation] = [
        Mutation(name: "one bar's colour changed (class 2, blue to green)") { $0.barColors[2] = SceneColor.green },
        Mutation(name: "one bar's colour 12 levels off (class 7, #4C72B0 to #5872B0)") { $0.barColors[7] = Color(hex: 0x5872B0) },
        Mutation(name: "tick label 3 moved 2 px right") { $0.tickLabelOffsets[3] = Point(x: 2, y: 0) },
        Mutation(name: "tick label 3 moved 2 px down") { $0.tickLabelOffsets[3] = Point(x: 0, y: 2) },
        Mutation(name: "bar 7 (the longest) 5% longer") { $0.lengthFactors[7] = 1.05 },
        Mutation(name: "bar 2 5% longer") { $0.lengthFactors[2] = 1.05 },
        Mutation(name: "bar 1 removed") { $0.hiddenBars.insert(1) },
    ]

    @Test func identicalSceneMatchesTheGoldenExactly() throws {
        let golden = try PNGDecoder.decode(contentsOf: goldensDirectory.appendingPathComponent("bar-chart-scene.png"))
        #expect(ImageComparison.compare(actual: try BarScene().render(), expected: golden).verdict == .identical)
    }

    @Test func invisibleColourShiftIsWithinTolerance() throws {
        // The boundary the defaults draw: a bar colour 4 levels off is different but passes (no pixel over 16, RMS 0.33).
        let baseline = try BarScene().render()
        var scene = BarScene()
        scene.barColors[7] = Color(hex: 0x5072B0)
        let result = ImageComparison.compare(actual: try scene.render(), expected: baseline)
        #expect(result.verdict == .withinTolerance, "\(result)")
        #expect(result.differingPixelCount == 0 && result.rms > 0.3 && result.rms < 0.4)
    }

    @Test(arguments: mutations)
    func mutationFailsTheDefaultTolerance(_ mutation: Mutation) throws {
        let baseline = try BarScene().render()
        var scene = BarScene()
        mutation.apply(&scene)
        let result = ImageComparison.compare(actual: try scene.render(), expected: baseline)
        #expect(!result.passed, "\(mutation.name): \(result)")
        print("mutation \(mutation.name): \(result)")
    }
}
