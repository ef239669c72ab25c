import Datasets

/// The lesson "Neural Networks in PyTorch", cell by cell in the notebook's order.
public enum Notebook {
    /// The title of the lesson's report.
    public static let title = "Neural networks in PyTorch, run in Swift"

    /// The introduction under the title.
    public static let introduction = "Each section below runs one step of the lesson with nnreport's own tensor engine on real handwritten digits, prints what PyTorch would print and draws what matplotlib would draw. Nothing on this page was computed in advance: it is regenerated, byte for byte, from the seed and the dataset named at the end."

    /// The cells' ids and titles in the order `run` makes them (known before anything runs).
    public static let outline: [(id: String, title: String)] = [
        DataCell.self, FlatteningCell.self, TensorNetworkCell.self, SoftmaxCell.self, ModuleCell.self,
        ActivationsCell.self, ReluNetCell.self, ForwardPassCell.self, SequentialCell.self, NamedSequentialCell.self,
    ].map { (cell: any NotebookCell.Type) in (cell.id, cell.title) }

    /// The sections' ids and titles when `run` also trains with `options`: the notebook's, then, unless
    /// `options.epochs` is 0, the demonstrations, the training and the optimisers' comparison.
    public static func outline(training options: TrainingOptions) -> [(id: String, title: String)] {
        let training: [any NotebookCell.Type] = [LossesAndGradientsCell.self, TrainingCell.self, OptimizerComparisonCell.self]
        return outline + (options.epochs > 0 ? training.map { ($0.id, $0.title) } : [])
    }

    /// Runs the lesson on `training` with one generator seeded with `seed`, handing each cell to `cells` as it is made.
    ///
    /// The order is the notebook's, and with it the order of the random draws: the first batch; the bare
    /// tensors w1, b1, w2, b2; `Network()`; `ReluNet()` and the re-initialisation of its first layer; a new
    /// batch for its forward pass; `nn.Sequential(...)` and a new batch for its forward pass; the named
    /// Sequential. Nothing else draws.
    public static func run(training: MNISTDataset, kind: DatasetKind, seed: UInt64, cells: inout some CellRunner) throws {
        _ = try runNotebook(training: training, kind: kind, seed: seed, cells: &cells)
    }

    /// Runs the lesson, then, unless `options.epochs` is 0, its training part, drawing from the same generator
    /// after the notebook's draws: the demonstrations (which draw the network to train, then `randn(2, 2)`), the
    /// training on `training` measured on `test` (a shuffle per epoch), and the optimisers' comparison (which
    /// draws from copies only). `progress` hears of every training step.
    public static func run(training: MNISTDataset, test: MNISTDataset, kind: DatasetKind, seed: UInt64,
                           options: TrainingOptions, weights: NotebookWeights? = nil,
                           progress: TrainingProgress.Handler? = nil, cells: inout some CellRunner) throws {
        var state = try runNotebook(training: training, kind: kind, seed: seed, weights: weights, cells: &cells)
        guard options.epochs > 0 else { return }
        let demonstrations = try cells.run { LossesAndGradientsCell(state: &state, training: training) }
        let trained = try cells.run {
            try TrainingCell(model: demonstrations.model, makeInitialModel: demonstrations.makeInitialModel, state: &state,
                             training: training, test: test, options: options, progress: progress)
        }
        _ = try cells.run {
            try OptimizerComparisonCell(comparison: trained.comparison, epochs: options.epochs, batchSize: options.batchSize)
        }
    }

    /// The notebook's ten cells; returns the state they leave, for the training cell to continue from.
    private static func runNotebook(training: MNISTDataset, kind: DatasetKind, seed: UInt64, weights: NotebookWeights? = nil,
                                    cells: inout some CellRunner) throws -> NotebookState {
        var state = NotebookState(training: training, kind: kind, seed: seed, weights: weights)
        _ = try cells.run { try DataCell(state: state) }
        let flattening = try cells.run { FlatteningCell(state: state) }
        let tensorNetwork = try cells.run { TensorNetworkCell(inputs: flattening.inputs, state: &state) }
        _ = try cells.run { try SoftmaxCell(after: tensorNetwork) }
        _ = try cells.run { ModuleCell(inputs: flattening.inputs, state: &state) }
        _ = try cells.run { try ActivationsCell() }
        let reluNet = try cells.run { ReluNetCell(state: &state) }
        _ = try cells.run { try ForwardPassCell(reluNet: reluNet, state: &state) }
        _ = try cells.run { try SequentialCell(state: &state) }
        _ = try cells.run { NamedSequentialCell(state: &state) }
        return state
    }
}
