import CairoBackend
import Foundation
import Notebook
import Plotting
import TestSupport
import Testing

/// The default comparison against the committed goldens of the real notebook figures catches the regressions
/// issue 3 names (a bar 5% longer, a tick label moved 2 device pixels, a colour changed, a missing bar, one
/// digit pixel changed) and passes the unchanged figures.
@Suite struct NotebookFigureSensitivityTests {
    /// A way to break the classification figure, as a regression would.
    struct Mutation: CustomTestStringConvertible, Sendable {
        let name: String
        let render: @Sendable () throws -> RGBAImage
        var testDescription: String { name }
    }

    /// The classification figure's bar colour: the first colour of seaborn's deep palette.
    static let barBlue = Color(hex: 0x4C72B0)

    /// The classification figure with probability `index` scaled by `factor`.
    static func longerBar(_ index: Int, by factor: Float) throws -> RGBAImage {
        var probabilities = NotebookFixtures.digitProbabilities
        probabilities[index] *= factor
        return try FigureRenderer.image(NotebookFixtures.classification(probabilities: probabilities).figure)
    }

    /// The classification figure with its bars in `color`.
    static func recoloured(_ color: Color) throws -> RGBAImage {
        var theme = Theme()
        theme.palette[0] = color
        return try FigureRenderer.image(NotebookFixtures.classification(theme: theme).figure)
    }

    /// The classification figure drawn through a `TamperingCanvas` set up by `configure`.
    static func tampered(_ configure: (TamperingCanvas) -> Void) throws -> RGBAImage {
        let figure = try NotebookFixtures.classification().figure
        let canvas = try TamperingCanvas(size: figure.pixelSize)
        configure(canvas)
        return try canvas.render(figure)
    }

    static let mutations: [Mutation] = [
        Mutation(name: "bar 7 (0.62, the longest) 5% longer") { try longerBar(7, by: 1.05) },
        Mutation(name: "bar 9 (0.13) 5% longer") { try longerBar(9, by: 1.05) },
        Mutation(name: "bar 3 (0.08) 5% longer") { try longerBar(3, by: 1.05) },
        Mutation(name: "tick label 3 moved 2 device px right") {
            try tampered { $0.nudgedText = "3"; $0.textOffset = Point(x: 1, y: 0) }
        },
        Mutation(name: "tick label 3 moved 2 device px down") {
            try tampered { $0.nudgedText = "3"; $0.textOffset = Point(x: 0, y: 1) }
        },
        Mutation(name: "x tick label 0.4 moved 2 device px left") {
            try tampered { $0.nudgedText = "0.4"; $0.textOffset = Point(x: -1, y: 0) }
        },
        Mutation(name: "bar colour blue to orange (#DD8452)") { try recoloured(Color(hex: 0xDD8452)) },
        Mutation(name: "bar colour 12 levels off in red (#5872B0)") { try recoloured(Color(hex: 0x5872B0)) },
        Mutation(name: "bar 9 (0.13) missing") { try tampered { $0.droppedFillColor = barBlue; $0.droppedFillIndex = 9 } },
        Mutation(name: "bar 3 (0.08) missing") { try tampered { $0.droppedFillColor = barBlue; $0.droppedFillIndex = 3 } },
    ]

    /// The committed golden `name`.
    static func golden(_ name: String) throws -> RGBAImage {
        try PNGDecoder.decode(contentsOf: goldensDirectory.appendingPathComponent("\(name).png"))
    }

    @Test func unchangedClassificationMatchesItsGoldenExactly() throws {
        let image = try FigureRenderer.image(NotebookFixtures.classification().figure)
        let result = ImageComparison.compare(actual: image, expected: try Self.golden("notebook-classification"))
        #expect(result.verdict == .identical, "\(result)")
    }

    @Test func tamperingCanvasWithoutTamperingIsIdentical() throws {
        // The hook itself changes nothing: failures below come from the mutation alone.
        let image = try Self.tampered { _ in }
        let result = ImageComparison.compare(actual: image, expected: try Self.golden("notebook-classification"))
        #expect(result.verdict == .identical, "\(result)")
    }

    @Test(arguments: mutations)
    func classificationMutationFailsTheDefaultComparison(_ mutation: Mutation) throws {
        let result = ImageComparison.compare(actual: try mutation.render(), expected: try Self.golden("notebook-classification"))
        #expect(!result.passed, "\(mutation.name): \(result)")
        print("mutation \(mutation.name): \(result)")
    }

    // MARK: - The digit

    /// Pixel (row, col) of the 7 set to `value` (normalised, -1 black ... 1 white).
    static func digitImage(settingPixel row: Int, _ col: Int, to value: Float) throws -> RGBAImage {
        var pixels = try NotebookFixtures.digitSeven()
        pixels[row * 28 + col] = value
        return try FigureRenderer.image(NotebookFixtures.digit(pixels: pixels).figure)
    }

    @Test func unchangedDigitMatchesItsGoldenExactly() throws {
        let image = try FigureRenderer.image(NotebookFixtures.digit().figure)
        #expect(ImageComparison.compare(actual: image, expected: try Self.golden("notebook-digit")).verdict == .identical)
    }

    @Test(arguments: [
        (row: 3, col: 3, value: Float(1)),       // a background pixel turned white
        (row: 8, col: 12, value: Float(0)),      // an ink pixel of the bar of the 7 turned mid grey
        (row: 20, col: 14, value: Float(-0.5)),  // an ink pixel of the stem darkened
    ])
    func digitWithOnePixelChangedFails(_ change: (row: Int, col: Int, value: Float)) throws {
        let original = try NotebookFixtures.digitSeven()[change.row * 28 + change.col]
        #expect(abs(original - change.value) >= 0.9, "the fixture pixel must really change (was \(original))")
        let image = try Self.digitImage(settingPixel: change.row, change.col, to: change.value)
        let result = ImageComparison.compare(actual: image, expected: try Self.golden("notebook-digit"))
        #expect(!result.passed, "pixel (\(change.row), \(change.col)) → \(change.value): \(result)")
        print("digit pixel (\(change.row), \(change.col)) \(original) → \(change.value): \(result)")
    }
}
