import NN
import Notebook
import Plotting

/// The notebook's forward pass of one image: a fresh batch, its first image flattened, the model's probabilities.
struct OneImageForwardPass {
    /// The image's pixels as a (1, 784) row.
    let image: Tensor
    /// The dataset's label for the image.
    let label: Int
    /// The model's output, (1, 10).
    let probabilities: Tensor
    /// The index of the largest probability.
    let highest: Int

    /// Runs `model` on the first image of a fresh epoch's first batch.
    init(model: Module, context: ExperimentContext) {
        let batch = context.nextBatch()
        let images = batch.images.view(batch.count, 1, 784)   // images.resize_(64, 1, 784)
        image = images[0]                                      // (1, 784)
        label = batch.labels[0]
        probabilities = model(image)                           // (1, 10)
        highest = probabilities.argmax()
    }

    /// `print(highest)` and `print(probabilities[:, highest])`, as PyTorch prints them.
    func printouts() -> [(label: String, text: String)] {
        let selected = probabilities.select(dim: 1, index: highest)   // (1)
        return [
            ("highest = probabilities.argmax(); print(highest)", Tensor([Float(highest)], shape: []).integerDescription),
            ("print(probabilities[:, highest])", selected.description(gradFunction: "SelectBackward0")),
        ]
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

    /// The classification-bars figure of this pass.
    func figure(context: ExperimentContext, fileName: String, caption: String) throws -> ReportFigure {
        let names: [String]? = context.labelsClassesByName ? context.classNames : nil
        return try context.render(classificationFigure(pixels: image.storage, probabilities: probabilities.storage, classNames: names),
                                  fileName: fileName, caption: caption)
    }

    /// Results for report.json.
    var results: [String: JSONValue] {
        ["label": .int(label), "probabilities": .floats(probabilities.storage), "argmax": .int(highest),
         "probabilitySum": .float(probabilities.sum())]
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
