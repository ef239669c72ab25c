import Datasets
@testable import Notebook
import Testing

@Suite struct NotebookProseTests {
    @Test func classNamesTakeTheirIndefiniteArticle() {
        #expect(OneImageForwardPass.withArticle("2") == "a 2")
        #expect(OneImageForwardPass.withArticle("8") == "an 8")
        #expect(OneImageForwardPass.withArticle("Ankle boot") == "an Ankle boot")
        #expect(OneImageForwardPass.withArticle("Shirt") == "a Shirt")
    }

    @Test func theDataSectionNamesWhatTheDatasetShows() {
        #expect(NotebookProse.data(.mnistSample)[0].hasPrefix("MNIST is a collection of 28×28 grey-scale pictures of handwritten digits"))
        #expect(NotebookProse.data(.mnist)[0] == NotebookProse.data(.mnistSample)[0])
        #expect(NotebookProse.data(.fashionMNIST)[0].hasPrefix("Fashion-MNIST is a collection of 28×28 grey-scale pictures of clothing"))
    }
}
