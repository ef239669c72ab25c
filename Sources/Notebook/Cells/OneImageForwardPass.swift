import Datasets
import NN

/// The notebook's forward pass of one image: `images.resize_(64, 1, 784)`, `image = images[0, :]`,
/// `probabilities = model.forward(image)`, and what the report shows of it.
struct OneImageForwardPass {
    /// The image's pixels as a (1, 784) row.
    let image: Tensor
    /// The dataset's label for the image.
    let label: Int
    /// The image's index in the dataset.
    let datasetIndex: Int
    /// The model's output, (1, 10).
    let probabilities: Tensor
    /// The index of the largest probability.
    let highest: Int

    /// `report.json`'s results of a forward pass.
    struct Results: Encodable, Sendable {
        let label: Int
        let probabilities: [Float]
        let argmax: Int
        let probabilitySum: Float
    }

    /// Runs `model` on the first image of `batch`.
    init(model: Module, batch: Batch) {
        let images = batch.images.view(batch.count, 1, 784)   // images.resize_(64, 1, 784)
        image = images[0]                                      // (1, 784)
        label = batch.labels[0]
        datasetIndex = batch.indices[0]
        probabilities = model(image)                           // (1, 10)
        highest = probabilities.argmax()
    }

    /// Appends `print(highest)` and `print(probabilities[:, highest])`, the classification figure and the verdict.
    func show(in section: inout NotebookSection, state: NotebookState, fileName: String, caption: String) throws {
        let selected = probabilities.select(dim: 1, index: highest)   // (1)
        section.output("highest = probabilities.argmax(); print(highest)", Tensor([Float(highest)], shape: []).integerDescription)
        section.output("print(probabilities[:, highest])", selected.description(gradFunction: "SelectBackward0"))
        let names: [String]? = state.labelsClassesByName ? state.classNames : nil
        section.figure(try classificationFigure(pixels: image.storage, probabilities: probabilities.storage, classNames: names),
                       fileName: fileName, caption: caption)
        section.paragraph(verdict(classNames: state.classNames))
    }

    /// A sentence saying what the untrained network answered, generated from the numbers.
    func verdict(classNames: [String]) -> String {
        let p = probabilities.storage
        let top = p[highest]
        let spread = (p.min() ?? 0, p.max() ?? 0)
        let truth = classNames[label]
        let right = highest == label
        return "The image is \(Self.withArticle(truth)). The network's highest probability, \(percent(top)), goes to \(classNames[highest])"
            + (right ? " — right, but by luck: " : " — wrong, and unsurprisingly so: ")
            + "all ten probabilities lie between \(percent(spread.0)) and \(percent(spread.1)), close to the 10% of a blind guess."
    }

    /// The results of this pass.
    var results: Results {
        Results(label: label, probabilities: probabilities.storage, argmax: highest, probabilitySum: probabilities.sum())
    }

    /// A class name with its indefinite article: "a 2", "an 8", "an Ankle boot".
    static func withArticle(_ name: String) -> String {
        let startsWithVowelSound = name.first.map { "8AEIOUaeiou".contains($0) } ?? false
        return (startsWithVowelSound ? "an " : "a ") + name
    }

    /// A probability as a percentage with one decimal.
    private func percent(_ value: Float) -> String {
        let tenths = (Double(value) * 1000).rounded() / 10
        return "\(tenths)%"
    }
}
