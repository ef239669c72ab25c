import CairoBackend
import Foundation
import Notebook
import Plotting
import Testing

/// The lesson's four figures (and the Fashion-MNIST variant) rendered at 2x against committed goldens.
@Suite struct NotebookFigureGoldenTests {
    @Test func digit() throws {
        let digit = try NotebookFixtures.digit()
        #expect(digit.altText == "A 28 by 28 pixel image of a handwritten digit labelled 7, white on black; "
            + "79 of 784 pixels are bright (values from -1 to 1).")
        let image = try FigureRenderer.image(digit.figure)
        #expect(image.width == 680 && image.height == 720)
        assertMatchesGolden(image, named: "notebook-digit")
    }

    @Test func activations() throws {
        let image = try FigureRenderer.image(activationFigure().figure)
        #expect(image.width == 1520 && image.height == 600)
        assertMatchesGolden(image, named: "notebook-activations")
    }

    @Test func softmaxSums() throws {
        let sums = try softmaxSumsFigure(sums: NotebookFixtures.softmaxSums)
        // The largest deviation is row 37, two ulps above 1 (2.4e-07); the axis keeps its minimum half span 1e-6.
        #expect(sums.altText == "Dot plot of the 64 softmax row sums against a dashed line at exactly 1; "
            + "every sum lies within 2.4e-07 of 1 (smallest 0.999999881, largest 1.00000024).")
        #expect(sums.caption == "Each dot is the sum of one row's probabilities; the dashed line marks exactly 1. "
            + "The y axis spans only 1 ± 1e-06, so even a deviation the size of float32 rounding would show; "
            + "the largest here is 2.4e-07 (row 37).")
        let image = try FigureRenderer.image(sums.figure)
        #expect(image.width == 1520 && image.height == 680)
        assertMatchesGolden(image, named: "notebook-softmax-sums")
    }

    @Test func classification() throws {
        let classification = try NotebookFixtures.classification()
        #expect(classification.altText == "A 28 by 28 pixel image beside a horizontal bar chart of 10 class probabilities; "
            + "highest: 7 at 0.62, next: 9 at 0.13.")
        let image = try FigureRenderer.image(classification.figure)
        #expect(image.width == 1520 && image.height == 760)
        assertMatchesGolden(image, named: "notebook-classification")
    }

    @Test func fashionClassification() throws {
        let fashion = try NotebookFixtures.fashionClassification()
        #expect(fashion.altText.hasSuffix("highest: Ankle boot at 0.71, next: Sneaker at 0.18."))
        let image = try FigureRenderer.image(fashion.figure)
        #expect(image.width == 1520 && image.height == 760)
        assertMatchesGolden(image, named: "notebook-classification-fashion")
    }
}
