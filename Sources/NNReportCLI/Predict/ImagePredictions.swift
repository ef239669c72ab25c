import Datasets
import NN
import Notebook

/// Class probabilities of each image through the lesson's network with given weights:
/// `Linear-ReLU-Linear-ReLU-Linear-Softmax(dim=1)` on images normalised as in the report, ((x/255 − 0.5)/0.5).
public struct ImagePredictions: Sendable {
    /// Ten probabilities per image, in file order.
    public let probabilities: [[Float]]
    /// The true class of each image, when a labels file was given.
    public let labels: [Int]?

    /// Images at a time through the network: bounds memory for a file of 60,000 images.
    static let chunkSize = 1000

    /// Runs every image of `images` (28×28) through the indexed Sequential holding `weights`.
    public init(weights: NotebookWeights, images: IDXImages, labels: IDXLabels? = nil) {
        precondition(images.rows == 28 && images.cols == 28, "ImagePredictions: images must be 28x28, got \(images.rows)x\(images.cols)")
        let model = Sequential.notebookIndexed(generator: TorchGenerator(seed: 0))
        weights.load(into: model)
        let perImage = 784
        var probabilities: [[Float]] = []
        probabilities.reserveCapacity(images.count)
        for start in stride(from: 0, to: images.count, by: Self.chunkSize) {
            let count = min(Self.chunkSize, images.count - start)
            let storage = [Float](unsafeUninitializedCapacity: count * perImage) { output, initialized in
                images.pixels.withUnsafeBufferPointer { pixels in
                    Compose.mnist.apply(UnsafeBufferPointer(rebasing: pixels[(start * perImage)..<((start + count) * perImage)]),
                                        into: output)
                }
                initialized = count * perImage
            }
            let output = withNoGrad { model(Tensor(shape: [count, perImage], storage: storage)) }
            for row in 0..<count { probabilities.append(Array(output.storage[(row * 10)..<((row + 1) * 10)])) }
        }
        self.probabilities = probabilities
        self.labels = labels.map { $0.labels.map(Int.init) }
    }

    /// The class of each image: the index of its largest probability (the first, on a tie, as `torch.argmax`).
    public var predictions: [Int] {
        probabilities.map { row in row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) } ?? 0 }
    }

    /// How many predictions equal their labels, when labels were given.
    public var correctCount: Int? {
        labels.map { labels in zip(predictions, labels).filter { $0 == $1 }.count }
    }
}
