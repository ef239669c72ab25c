import CairoBackend
import Foundation
import Notebook
import Plotting
import Testing

/// Fixed inputs for the notebook figures, independent of the NN engine and of the Datasets target.
enum NotebookFixtures {
    /// `Goldens/fixtures`: raw 28x28 byte images (see the README there for provenance and licences).
    static let directory = goldensDirectory.appendingPathComponent("fixtures", isDirectory: true)

    /// The 784 bytes of a fixture image, checked for size.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        try #require(data.count == 784, "\(url.path) has \(data.count) bytes, expected 784 (28x28)")
        return [UInt8](data)
    }

    /// A fixture image normalised as the lesson's `Normalize((0.5,), (0.5,))` does: byte / 255 mapped to [-1, 1].
    static func normalized(_ name: String) throws -> [Float] {
        try bytes(name).map { Float($0) / 255 * 2 - 1 }
    }

    /// A real MNIST 7 (training record 11 of the embedded sample).
    static func digitSeven() throws -> [Float] { try normalized("mnist-train-11-digit-7.bin") }

    /// A real Fashion-MNIST ankle boot (test record 0).
    static func ankleBoot() throws -> [Float] { try normalized("fashion-t10k-0-ankle-boot.bin") }

    /// Class probabilities of a partly trained network for the 7: confident, with a runner-up (9) and a few small ones.
    static let digitProbabilities: [Float] = [0.01, 0.02, 0.05, 0.08, 0.01, 0.03, 0.01, 0.62, 0.04, 0.13]

    /// Fashion-MNIST's ten class names, in label order.
    static let fashionClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    /// Probabilities for the ankle boot: mostly right, some weight on the other shoes.
    static let fashionProbabilities: [Float] = [0.004, 0.001, 0.003, 0.002, 0.004, 0.07, 0.006, 0.18, 0.02, 0.71]

    /// 64 softmax row sums as float32 produces them: 1 and its neighbours a few units in the last place away.
    ///
    /// Built from bit patterns so the values are exact: 1.0 is 0x3F800000, one ulp below is 0.99999994
    /// (2^-24 lower), one ulp above is 1.0000001 (2^-23 higher).
    static let softmaxSums: [Float] = {
        let ulps: [Int32] = [
            0, 0, -1, 0, 1, 0, 0, -1, 0, 0, 0, 1, -1, 0, 0, 0,
            0, 1, 0, 0, -2, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, 1,
            0, 0, -1, 0, 0, 2, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0,
            -1, 0, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, 1, 0, 0, -1,
        ]
        return ulps.map { Float(bitPattern: UInt32(Int32(bitPattern: Float(1).bitPattern) + $0)) }
    }()

    // MARK: - The four figures with these inputs

    /// The digit figure of the 7.
    static func digit(pixels: [Float]? = nil) throws -> NotebookFigure {
        try digitFigure(pixels: pixels ?? digitSeven(), label: "7")
    }

    /// The MNIST classification figure of the 7.
    static func classification(probabilities: [Float] = digitProbabilities, theme: Theme = Theme()) throws -> NotebookFigure {
        try classificationFigure(pixels: digitSeven(), probabilities: probabilities, theme: theme)
    }

    /// The Fashion-MNIST classification figure of the ankle boot, with class names as tick labels.
    static func fashionClassification() throws -> NotebookFigure {
        try classificationFigure(pixels: ankleBoot(), probabilities: fashionProbabilities, classNames: fashionClassNames)
    }
}
