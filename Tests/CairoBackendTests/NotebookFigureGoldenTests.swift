import CairoBackend
import Foundation
import Plotting
import Testing

/// The lesson's four figures (and the Fashion-MNIST variant) rendered at 2x against committed goldens.
@Suite struct NotebookFigureGoldenTests {
    @Test func digit() throws {
        let image = try FigureRenderer.image(NotebookFixtures.digit().figure)
        #expect(image.width == 680 && image.height == 720)
        assertMatchesGolden(image, named: "notebook-digit")
    }

    @Test func activations() throws {
        let image = try FigureRenderer.image(activationFigure().figure)
        #expect(image.width == 1520 && image.height == 600)
        assertMatchesGolden(image, named: "notebook-activations")
    }

    @Test func softmaxSums() throws {
        let image = try FigureRenderer.image(softmaxSumsFigure(sums: NotebookFixtures.softmaxSums).figure)
        #expect(image.width == 1520 && image.height == 680)
        assertMatchesGolden(image, named: "notebook-softmax-sums")
    }

    @Test func classification() throws {
        let image = try FigureRenderer.image(NotebookFixtures.classification().figure)
        #expect(image.width == 1520 && image.height == 760)
        assertMatchesGolden(image, named: "notebook-classification")
    }

    @Test func fashionClassification() throws {
        let image = try FigureRenderer.image(NotebookFixtures.fashionClassification().figure)
        #expect(image.width == 1520 && image.height == 760)
        assertMatchesGolden(image, named: "notebook-classification-fashion")
    }
}
