import NN
import Notebook

/// The lesson as the report's content: each cell of the notebook becomes a section, its figures rendered
/// by the pipeline's renderer and its results written to `report.json`.
public struct NotebookContent: ReportContent {
    /// How the training section trains (zero epochs: the notebook's sections only).
    public let training: TrainingOptions
    /// Weights loaded into the lesson's 784-128-64-10 models after they are made (`--weights`), or nil.
    public let weights: NotebookWeights?
    /// Where the training section leaves its trained network (for `--save-weights`), or nil.
    public let trainedNetwork: TrainedNetworkSlot?

    /// What hears of every training step (a progress line), if anything.
    public let progress: TrainingProgress.Handler?

    /// The notebook's content, followed by the training sections run with `training`; with `weights`, the models
    /// start from them; with `trainedNetwork`, the trained network is kept there; `progress` hears of every step.
    public init(training: TrainingOptions = TrainingOptions(), weights: NotebookWeights? = nil,
                trainedNetwork: TrainedNetworkSlot? = nil, progress: TrainingProgress.Handler? = nil) {
        self.training = training
        self.weights = weights
        self.trainedNetwork = trainedNetwork
        self.progress = progress
    }

    public var title: String { Notebook.title }
    public var introduction: String { Notebook.introduction }
    public var outline: [SectionOutline] { Notebook.outline(training: training).map { SectionOutline(id: $0.id, title: $0.title) } }

    /// Runs the notebook on the training split, one section per cell, then trains on it and tests on the test split.
    public func makeSections(dataset: LoadedDataset, seed: UInt64, recorder: SectionRecorder) throws {
        var runner = Runner(recorder: recorder, trainedNetwork: trainedNetwork)
        try Notebook.run(training: dataset.train, test: dataset.test, kind: dataset.kind, seed: seed, options: training,
                         weights: weights, progress: progress, cells: &runner)
    }

    /// Records each cell as a section.
    private struct Runner: CellRunner {
        let recorder: SectionRecorder
        let trainedNetwork: TrainedNetworkSlot?

        func run<Cell: NotebookCell>(_ make: () throws -> Cell) throws -> Cell {
            try recorder.section(id: Cell.id, title: Cell.title) { section in
                let cell = try make()
                if let trained = cell as? any TrainedNetworkCell { trainedNetwork?.network = trained.trainedNetwork }
                for block in cell.section.blocks {
                    switch block {
                    case let .paragraph(text):
                        section.paragraph(text)
                    case let .warning(text):
                        section.warning(text)
                    case let .output(label, text):
                        section.output(label, text)
                    case let .figure(figure, fileName, caption):
                        section.figure(try recorder.render(figure.figure, fileName: fileName, caption: caption, altText: figure.altText))
                    }
                }
                section.results = try JSONValue.object(encoding: cell.results)
                return cell
            }
        }
    }
}
