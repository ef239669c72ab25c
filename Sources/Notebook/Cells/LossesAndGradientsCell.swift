import Datasets
import NN

/// After the notebook's cells, before training: the lesson's demonstrations. The network about to be trained
/// scores one batch with `CrossEntropyLoss` on its logits and with `NLLLoss` on its `LogSoftmax` output (the
/// same number); autograd differentiates `(x ** 2).mean()`; one SGD step moves a copy of the network's weights.
///
/// Draws: the training network (as the training cell would have drawn it), then `torch.randn(2, 2)`. The batch is
/// the first 64 training images in file order and the step runs on a copy, so neither draws nor changes what
/// training starts from.
struct LossesAndGradientsCell: NotebookCell {
    static let id = "losses-and-gradients"
    static let title = "Losses, gradients and one step"

    /// The network the training cell trains, untouched here.
    let model: Sequential
    /// Makes `model` again as it starts (`copy.deepcopy`): drawn from a copy of the generator as it was just before
    /// `model` was drawn, then given the `--weights`, if any.
    let makeInitialModel: () -> Sequential
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of this section.
    struct Results: Encodable, Sendable {
        /// `NLLLoss` of the untrained network's log-probabilities on the batch.
        let nllLoss: Float
        /// `CrossEntropyLoss` of its logits on the same batch.
        let crossEntropyLoss: Float
        /// The random 2×2 `x`, row by row.
        let x: [[Float]]
        /// `x.grad` after `(x ** 2).mean().backward()`, row by row.
        let xGrad: [[Float]]
        /// Whether `x.grad` equals `x / 2` exactly.
        let gradIsHalfX: Bool
        /// The learning rate of the one step.
        let stepLR: Double
        /// The largest change of a first-layer weight in that step.
        let largestWeightChange: Float
    }

    /// The learning rate of the lesson's one-step demonstration (`optim.SGD(model.parameters(), lr=0.01)`).
    static let stepLearningRate = 0.01

    /// Draws the training network and `x` from the state's generator and runs the three demonstrations.
    init(state: inout NotebookState, training: MNISTDataset) {
        let modelDraws = state.generator.copy(), weights = state.weights
        makeInitialModel = {
            let model = Sequential.notebookTraining(generator: modelDraws.copy())
            weights?.load(into: model)
            return model
        }
        model = Sequential.notebookTraining(generator: state.generator)
        state.loadWeights(into: model)  // --weights: the demonstrations and training start from them
        let batch = Self.firstImagesInOrder(of: training)
        let images = batch.images.view(batch.count, -1)
        var section = NotebookSection()

        section.paragraphs(NotebookProse.losses(loaded: state.weights != nil))
        if let loaded = state.weights { section.paragraph(NotebookProse.loadedSequential(loaded.source)) }
        let nll = NLLLoss()(model(images), batch.labels)
        let crossEntropy = CrossEntropyLoss()(Self.withoutLastLayer(model)(images), batch.labels)
        section.output("images, labels = next(iter(DataLoader(trainset, batch_size=64)))  # the first 64, in order\nimages = images.view(images.shape[0], -1)\nprint(nn.NLLLoss()(model(images), labels))\nprint(nn.CrossEntropyLoss()(model[:-1](images), labels))",
                       nll.description + "\n" + crossEntropy.description)

        section.paragraphs(NotebookProse.autograd)
        let x = Tensor.randn([2, 2], generator: state.generator).requiringGrad()
        let y = x.pow(2)
        let z = y.meanAll()
        section.output("x = torch.randn(2, 2, requires_grad=True)\nprint(x)", x.description)
        section.output("y = x**2\nprint(y)", y.description)
        section.output("z = y.mean()\nprint(z)", z.description)
        z.backward()
        guard let xGrad = x.grad else { preconditionFailure("backward() fills the gradient of a leaf that requires grad") }
        let half = withNoGrad { x / 2 }
        section.output("z.backward()\nprint(x.grad)\nprint(x / 2)", xGrad.description + "\n" + half.description)

        section.paragraphs(NotebookProse.oneStep(lr: Self.stepLearningRate))
        let copy = makeInitialModel()
        let change = Self.oneStep(of: copy, images: images, labels: batch.labels, in: &section)

        self.section = section
        results = Results(nllLoss: nll.item(), crossEntropyLoss: crossEntropy.item(), x: Self.rows(x), xGrad: Self.rows(xGrad),
                          gradIsHalfX: xGrad.storage == half.storage, stepLR: Self.stepLearningRate,
                          largestWeightChange: change)
    }

    /// One SGD step of `model` on the batch, printing the first layer's weights before, its gradient and the
    /// weights after; returns the largest change of a first-layer weight.
    private static func oneStep(of model: Sequential, images: Tensor, labels: [Int],
                                in section: inout NotebookSection) -> Float {
        guard let first = model[0] as? Linear else { preconditionFailure("the lesson's Sequential starts with a Linear layer") }
        let optimizer = SGD(model.parameters(), lr: stepLearningRate)
        let before = first.weight.data
        section.output("demo = copy.deepcopy(model)\noptimizer = optim.SGD(demo.parameters(), lr=0.01)\nprint('Initial weights - ', demo[0].weight)",
                       "Initial weights -  " + first.weight.description)
        optimizer.zeroGrad()
        let loss = NLLLoss()(model(images), labels)
        loss.backward()
        let gradient = first.weight.grad ?? Tensor.zeros(first.weight.shape)
        section.output("optimizer.zero_grad()\nloss = nn.NLLLoss()(demo(images), labels)\nloss.backward()\nprint('Gradient -', demo[0].weight.grad)",
                       "Gradient - " + gradient.description)
        optimizer.step()
        let change = zip(first.weight.data.storage, before.storage).map { Swift.abs($0 - $1) }.max() ?? 0
        section.output("optimizer.step()\nprint('Updated weights - ', demo[0].weight)",
                       "Updated weights -  " + first.weight.description)
        section.output("print((demo[0].weight - model[0].weight).abs().max())", Tensor(scalar: change).description)
        return change
    }

    /// `model[:-1]`: a Sequential of the same modules without the last.
    static func withoutLastLayer(_ model: Sequential) -> Sequential {
        Sequential(model.children.dropLast().map(\.module))
    }

    /// `next(iter(DataLoader(trainset, batch_size=64)))`: the first 64 images in file order, drawing nothing.
    private static func firstImagesInOrder(of training: MNISTDataset) -> Batch {
        var iterator = DataLoader(dataset: training, batchSize: 64, shuffle: false).makeIterator()
        guard let batch = iterator.next() else { preconditionFailure("the training set is empty, which the dataset reader rejects") }
        return batch
    }

    /// A 2-D tensor's rows.
    private static func rows(_ tensor: Tensor) -> [[Float]] {
        let columns = tensor.shape[1]
        return (0..<tensor.shape[0]).map { Array(tensor.storage[($0 * columns)..<(($0 + 1) * columns)]) }
    }
}
