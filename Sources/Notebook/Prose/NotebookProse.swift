import Datasets

/// The report's own explanations of each cell, in the notebook's order.
enum NotebookProse {
    /// The data section's paragraphs; the first and last name what the dataset's pictures show.
    static func data(_ kind: DatasetKind) -> [String] {
        let collection = kind == .fashionMNIST
            ? "Fashion-MNIST is a collection of 28×28 grey-scale pictures of clothing, each labelled with one of ten classes, from T-shirt/top to ankle boot; it has MNIST's format and sizes, so everything below works on it unchanged."
            : "MNIST is a collection of 28×28 grey-scale pictures of handwritten digits, each labelled with the digit it shows."
        return [
            collection,
            "The loader scales every byte to [0, 1] (ToTensor), then shifts and stretches it to [−1, 1] (Normalize with mean 0.5 and standard deviation 0.5), shuffles the training images with the report's seed and hands them out 64 at a time.",
            "A batch is therefore a four-dimensional tensor — 64 images, one colour channel, 28 rows, 28 columns — and its labels are one vector of 64 class numbers. Below is the second image of the first batch, drawn white on black, with the label the dataset gives it.",
        ]
    }

    static let flattening = [
        "A fully-connected layer reads each example as one flat vector, so the 28×28 grid of every image is unrolled, row after row, into 784 numbers.",
        "The batch keeps its first dimension and `view(64, -1)` infers the second: 1 × 28 × 28 = 784. No value changes; only the shape in which the same numbers are read.",
    ]

    static let tensorNetwork = [
        "Before any library module, the network can be written with bare tensors: a 784×256 weight matrix and 256 biases for the hidden layer, a sigmoid, then a 256×10 matrix and 10 biases for the output.",
        "The weights are drawn from a standard normal distribution by the notebook's generator, right after the batch was shuffled. What comes out is ten unnormalised scores for each of the 64 images: a (64, 10) tensor with no meaning yet.",
    ]

    static let softmax = [
        "Softmax turns a row of scores into probabilities: exponentiate every score, then divide by the row's total. Our implementation subtracts each row's maximum first, which changes nothing mathematically but keeps the exponentials from overflowing.",
        "The division needs the totals as a (64, 1) column, so that broadcasting divides each row by its own sum; a (64,) vector would be lined up against the 10 columns instead and fail.",
        "Every row of the result should sum to one. In 32-bit floating point it does, up to the last bit or two — the figure plots each sum's distance from one on a scale fine enough to show those bits, instead of bars that would hide them.",
    ]

    static let module = [
        "A module bundles layers with the computation that uses them. `Network` registers a 784→256 linear layer, a 256→10 linear layer, a sigmoid and a softmax, and prints them in the order it registered them, exactly as PyTorch prints its modules.",
        "The same computation can call sigmoid and softmax as plain functions instead of storing them as layers. Given the same weights, both styles produce the same probabilities, as the comparison below checks.",
    ]

    static let activations = [
        "An activation function bends a layer's output; without one, any stack of linear layers collapses into a single linear map and cannot learn anything a single layer could not.",
        "The sigmoid squashes its input into (0, 1) and tanh into (−1, 1); both flatten out for large inputs. The rectified linear unit keeps positive inputs unchanged and zeroes the rest: cheap to compute, and it never saturates on the positive side, which is why hidden layers mostly use it.",
    ]

    static let reluNet = [
        "ReluNet has two hidden layers with ReLU activations (784→128→64) and a softmax over the 10 classes.",
        "Every linear layer starts with weights and biases drawn uniformly from ±1/√fan_in, where fan_in is the layer's number of inputs: for the second layer, ±1/√128 ≈ ±0.0884, which bounds every value of it printed below.",
        "Initial values can also be set by hand, in place. As the notebook does, the first layer's biases are filled with zeros and its weights redrawn from a normal distribution with standard deviation 0.01; that layer is printed after, and the forward pass below runs through this network.",
    ]

    static let forwardPass = [
        "A forward pass sends one flattened image — the first of a new batch, from a new iterator over the loader — through the ReluNet above and returns ten probabilities, one per class; the network's answer is the class with the highest probability.",
        "Nothing has been learned yet: the weights are random, so the ten probabilities all sit near one in ten, and whichever class the chart favours, it favours by accident.",
    ]

    static let sequential = [
        "`Sequential` builds the same kind of network without writing a class: it applies its modules one after another in the order given, and names them 0, 1, 2, ….",
        "Indexing the container returns the module itself, so `model[0]` is the first linear layer, with its 128×784 weight matrix.",
    ]

    static let sequentialNamed = [
        "Passing (name, module) pairs gives every layer a readable name, which then appears in the printout and in the parameter names (`input_to_hidden.weight` rather than `0.weight`). Names must be unique.",
        "Position still works: `model[0]` and the layer named `input_to_hidden` are one and the same object, not two copies — the check below compares their identity.",
    ]

    /// The loss paragraphs; `loaded`: the network holds weights from a file (`--weights`), so it need not be untrained.
    static func losses(loaded: Bool) -> [String] {
        let network = loaded ? "holding the weights loaded from the file" : "still untrained"
        let score = loaded
            ? "An untrained network would score about ln 10 ≈ 2.30 (one chance in ten for every class); a trained one scores less."
            : "about ln 10 ≈ 2.30, what a network that gives every class one chance in ten would score."
        return [
            "Training needs a number that says how wrong the network is. Below is the network that the next section trains, \(network): the lesson's Sequential whose last layer is `LogSoftmax(dim=1)`. It scores the first 64 training images, taken in file order so that no random draw is spent on them.",
            "`NLLLoss` reads the log-probability each row gives its true class and averages their negatives. `CrossEntropyLoss` does the same from the raw scores, the logits of `model[:-1]` (the network without its last layer), applying the log-softmax itself. The two are one computation, so they print the same number" + (loaded ? ". " : ": ") + score,
        ]
    }

    static let autograd = [
        "Autograd records every operation on a tensor that requires gradients, and `backward()` walks that record in reverse to compute the gradient of the result with respect to each such tensor. The printouts show the record as `grad_fn`: the operation that made each tensor.",
        "Here z is the mean of the four squares, so its gradient with respect to each element of x is 2x/4 = x/2; the two tensors printed last agree exactly.",
    ]

    /// The one-step paragraphs, naming the step's learning rate.
    static func oneStep(lr: Double) -> [String] {
        [
            "An optimiser turns gradients into a change of the weights. One step of plain SGD with learning rate \(lr) subtracts \(lr) times each weight's gradient. It runs on a copy (`copy.deepcopy`), so the training below still starts from the untouched weights.",
            "One step changes the weights very little: compare the printouts before and after it, and the first layer's largest change, printed last. Learning is hundreds of such steps, each on a new batch.",
        ]
    }

    /// The training section's paragraphs, naming the run's settings; the figures measured on the embedded sample
    /// are quoted only for it; `loaded`: the network starts from a file's weights (`--weights`).
    static func training(_ options: TrainingOptions, kind: DatasetKind, loaded: Bool = false) -> [String] {
        let optimizer = options.optimizer == .sgd
            ? "stochastic gradient descent with learning rate \(options.lr) and momentum \(options.momentum)"
            : "Adam with learning rate \(options.lr)"
        let epochs = options.epochs == 1 ? "one pass over the training split, in an order" : "\(options.epochs) passes over the training split, each in a new order"
        return [
            (loaded ? "Everything above ran the weights loaded from the file. Training goes on from them:" : "Everything above ran an untrained network. Training changes that:")
                + " the network of the section above, a Sequential of the notebook's shape whose last layer is `LogSoftmax(dim=1)`, so that the negative log-likelihood loss (`NLLLoss`) can score its log-probabilities against the true labels. Each step takes a batch of \(options.batchSize) images, measures the loss, lets autograd compute every weight's gradient with `loss.backward()`, and moves the weights a little against it with \(optimizer).",
            "The run makes \(epochs) drawn from the notebook's one generator, so its numbers follow from the seed like everything above. After each epoch the network classifies both splits without recording gradients; the test images are never trained on.",
            kind == .mnistSample
                ? "Momentum matters here. The lesson's plain SGD at learning rate 0.003 creeps: on this 4,000-image sample it reaches only about 44% test accuracy in 5 epochs, where momentum 0.9, which keeps a running sum of past gradients, reaches about 85% — within the 85–87% that PyTorch gets with the same settings over three seeds. The section after this one trains both side by side, with Adam."
                : "Momentum matters: the lesson's plain SGD at learning rate 0.003 creeps, where momentum 0.9, which keeps a running sum of past gradients, moves much faster. The section after this one trains both side by side, with Adam.",
        ]
    }

    /// The comparison's paragraphs, naming its epochs and batch size.
    static func optimizers(epochs: Int, batchSize: Int) -> [String] {
        let passes = epochs == 1 ? "one epoch" : "\(epochs) epochs"
        return [
            "The optimiser decides how a gradient becomes a change of the weights. Three of them train the same network here, for \(passes) of \(batchSize) images a step: each starts from the very weights the section above started from and sees the very same batches in the same order, so only the optimiser differs.",
            "Plain SGD moves every weight by the learning rate times its gradient. With momentum 0.9 it moves along a running sum of past gradients instead, which keeps going where successive gradients agree. Adam (at PyTorch's default learning rate, 0.001) scales each weight's step by running estimates of its gradient's mean and spread, so weights with small, consistent gradients still move.",
        ]
    }

    /// The warning shown when a step's loss was not finite.
    static func divergence(_ divergence: TrainingRun.Divergence, stepsPerEpoch: Int) -> String {
        "Warning: training diverged. The loss of step \(divergence.step) of \(stepsPerEpoch) in epoch \(divergence.epoch) was \(divergence.loss), so training stopped there, before that step's update; the figures below show only the finite values before it. A smaller learning rate (`--lr`) avoids this."
    }
}
