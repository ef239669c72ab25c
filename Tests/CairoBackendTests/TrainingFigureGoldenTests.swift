import CairoBackend
import Foundation
import Notebook
import Plotting
import Testing

/// The training sections' loss, accuracy, confusion, prediction-grid and optimiser-comparison figures, from fixed made-up numbers, rendered at 2x against goldens.
@Suite struct TrainingFigureGoldenTests {
    /// 3 epochs of 10 steps: a loss falling from 2.3 with a fixed wobble, and each epoch's mean.
    static let losses: [Float] = (0..<30).map { step in 2.3 * exp(-Float(step) / 12) + 0.05 * Float((step * 7) % 5 - 2) }
    static var means: [Double] {
        (0..<3).map { epoch in losses[(epoch * 10)..<((epoch + 1) * 10)].reduce(0.0) { $0 + Double($1) } / 10 }
    }

    @Test func trainingLoss() throws {
        let loss = try trainingLossFigure(stepLosses: Self.losses, epochMeans: Self.means, stepsPerEpoch: 10)
        #expect(loss.altText.hasPrefix("Line plot of the training loss over 30 steps, from 2.2 at the first step to "))
        let image = try FigureRenderer.image(loss.figure)
        #expect(image.width == 1520 && image.height == 680)
        assertMatchesGolden(image, named: "training-loss")
    }

    @Test func accuracy() throws {
        let accuracy = try accuracyFigure(train: [0.55, 0.74, 0.88], test: [0.57, 0.72, 0.866])
        #expect(accuracy.altText == "Line plot of accuracy over 3 epochs: train 55%, 74% and 88%; test 57%, 72% and 86.6%.")
        let image = try FigureRenderer.image(accuracy.figure)
        #expect(image.width == 1520 && image.height == 640)
        assertMatchesGolden(image, named: "training-accuracy")
    }

    @Test func confusion() throws {
        // 3 classes: a dark cell, a light one and a mid one, so both label colours show.
        let confusion = try confusionFigure([[40, 2, 0], [5, 30, 9], [0, 12, 25]])
        #expect(confusion.altText == "A 3 by 3 grid of counts of test images by true class (rows) and predicted class (columns): "
            + "95 of 123 lie on the diagonal; the most frequent mistake takes 2 for 1 (12 times).")
        let image = try FigureRenderer.image(confusion.figure)
        #expect(image.width == 1520 && image.height == 1280)
        assertMatchesGolden(image, named: "training-confusion")
        #expect(throws: PlottingError.self) { try confusionFigure([[1, 2], [3]]) }
    }

    @Test func predictionGrid() throws {
        // Four made-up "digits": a bar in a different row each; the third is a mistake.
        let images: [[Float]] = (0..<4).map { n in (0..<784).map { ($0 / 28) / 6 == n ? 1 : -1 } }
        let grid = try predictionGridFigure(images: images, predicted: [0, 1, 7, 3], labels: [0, 1, 2, 3],
                                            classNames: (0..<10).map(String.init), columns: 4)
        #expect(grid.altText == "A grid of 4 test images, each titled with the trained network's answer; "
            + "3 are right, and the mistake, framed in red, is: 2 read as 7.")
        let image = try FigureRenderer.image(grid.figure)
        #expect(image.width == 1520 && image.height == 280)
        assertMatchesGolden(image, named: "training-prediction-grid")
    }

    @Test func optimizerComparison() throws {
        // Three made-up runs of 30 steps: one slow, one fast, one faster; the third stops early (a diverged run).
        let slow = Self.losses.indices.map { 2.3 - 0.005 * Float($0) }
        let third: [Float] = Array(Self.losses.map { $0 * 0.6 }.prefix(20))
        let comparison = try optimizerComparisonFigure(names: ["SGD", "SGD, momentum 0.9", "Adam"],
                                                       stepLosses: [slow, Self.losses, third], window: 4)
        #expect(comparison.altText == "Line plot of the training loss of 3 optimisers over the same steps, each a mean of the last 4 steps: "
            + "SGD from 2.3 to 2.2, SGD, momentum 0.9 from 2.2 to 0.26 and Adam from 1.3 to 0.34.")
        let image = try FigureRenderer.image(comparison.figure)
        #expect(image.width == 1520 && image.height == 680)
        assertMatchesGolden(image, named: "training-optimizers")
        #expect(throws: PlottingError.self) { try optimizerComparisonFigure(names: ["SGD"], stepLosses: [[2.3, .infinity]], window: 4) }
        #expect(throws: PlottingError.self) { try optimizerComparisonFigure(names: ["SGD", "Adam"], stepLosses: [[2.3]], window: 4) }
    }

    @Test func aDivergedRunsHugeLossesAreDrawnOnALogarithmicAxis() throws {
        let loss = try trainingLossFigure(stepLosses: [2.3, 2.2, 6e20, 1.7e21], epochMeans: [], stepsPerEpoch: 63)
        #expect(loss.altText == "Line plot of the training loss over 4 steps, from 2.3 at the first step to 1.7e+21 at the last.")
        #expect(throws: PlottingError.self) { try trainingLossFigure(stepLosses: [2.3, .nan], epochMeans: [], stepsPerEpoch: 63) }
    }
}
