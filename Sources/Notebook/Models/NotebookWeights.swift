import NN

/// One set of weights for the lesson's 784-128-64-10 network, read from a state dict in any of the three
/// naming schemes of the lesson's models, and loadable into each of them.
///
/// The mapping is by layer: the first, second and third `Linear` of the indexed `Sequential` (`0`, `2`, `4`),
/// of the named one (`input_to_hidden`, `hidden_to_hidden`, `output`) and of `ReluNet` (`input_to_hidden_one`,
/// `hidden_one_to_hidden_two`, `hidden_two_to_output`) are the same three layers. A state dict must match one
/// scheme exactly — its six keys, nothing more, with the shapes (128, 784), (128), (64, 128), (64), (10, 64),
/// (10) — as `load_state_dict(strict=True)` would demand; anything else is that scheme's strict error.
public struct NotebookWeights: Sendable, Equatable {
    /// The naming scheme of one of the lesson's models.
    public enum Scheme: String, Sendable, CaseIterable {
        /// `nn.Sequential(...)`: `0.weight`, `0.bias`, `2.*`, `4.*`.
        case indexed
        /// `nn.Sequential(OrderedDict(...))`: `input_to_hidden.*`, `hidden_to_hidden.*`, `output.*`.
        case named
        /// `ReluNet`: `input_to_hidden_one.*`, `hidden_one_to_hidden_two.*`, `hidden_two_to_output.*`.
        case reluNet

        /// A fresh model of this scheme (its initial values are drawn from a scratch generator and never used).
        func model() -> Module {
            let scratch = TorchGenerator(seed: 0)
            switch self {
            case .indexed: return Sequential.notebookIndexed(generator: scratch)
            case .named: return Sequential.notebookNamed(generator: scratch)
            case .reluNet: return ReluNet(generator: scratch)
            }
        }

        /// The scheme's six state-dict keys, in the model's order.
        public var keys: [String] {
            let layers: [String]
            switch self {
            case .indexed: layers = ["0", "2", "4"]
            case .named: layers = ["input_to_hidden", "hidden_to_hidden", "output"]
            case .reluNet: layers = ["input_to_hidden_one", "hidden_one_to_hidden_two", "hidden_two_to_output"]
            }
            return layers.flatMap { ["\($0).weight", "\($0).bias"] }
        }
    }

    /// The scheme the state dict was written in.
    public let scheme: Scheme
    /// Where the weights came from, as the report names it (a file name).
    public let source: String
    /// The six tensors in layer order: weight and bias of the first, second and third `Linear`.
    public let tensors: [Tensor]

    /// The weights of `entries`, recognised by their keys: the scheme sharing the most keys with them is
    /// loaded strictly (ties go to the indexed, then the named scheme); a mismatch throws PyTorch's error for it.
    public init(stateDict entries: [(key: String, tensor: Tensor)], source: String) throws(StateDictLoadError) {
        let keys = Set(entries.map(\.key))
        var scheme = Scheme.indexed, shared = -1
        for candidate in Scheme.allCases where keys.intersection(candidate.keys).count > shared {
            (scheme, shared) = (candidate, keys.intersection(candidate.keys).count)
        }
        let model = scheme.model()
        try model.loadStateDict(entries)
        self.scheme = scheme
        self.source = source
        tensors = model.stateDict().map(\.tensor)
    }

    /// The weights of a model of the lesson's shape (e.g. the trained network), named by `source`.
    public init(of model: Module, source: String) throws(StateDictLoadError) {
        try self.init(stateDict: model.stateDict(), source: source)
    }

    /// The state dict in `scheme`'s names (`indexed` by default: what `--save-weights` writes).
    public func stateDict(_ scheme: Scheme = .indexed) -> [(key: String, tensor: Tensor)] {
        zip(scheme.keys, tensors).map { ($0, $1) }
    }

    /// Copies the weights into `model`, one of the lesson's 784-128-64-10 models (either Sequential, the training
    /// network ending in LogSoftmax, or ReluNet): its three `Linear` layers in order get the three layers'.
    public func load(into model: Module) {
        let names = model.namedParameters().map(\.name)
        guard let scheme = Scheme.allCases.first(where: { $0.keys == names }) else {
            preconditionFailure("NotebookWeights.load(into:): \(model.typeName) has parameters \(names), not the lesson's network's")
        }
        do {
            try model.loadStateDict(stateDict(scheme))
        } catch {
            // The shapes were checked when the weights were read, and the lesson's models have the same: a bug.
            preconditionFailure("NotebookWeights.load(into:): \(error)")
        }
    }
}
