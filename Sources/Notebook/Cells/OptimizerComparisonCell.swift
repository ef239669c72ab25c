/// After training: how the optimiser matters. The training section's comparison runs — plain SGD, SGD with
/// momentum and Adam from the same initial weights on the same batches — as one loss figure and a table.
struct OptimizerComparisonCell: NotebookCell {
    static let id = "optimizers"
    static let title = "How the optimiser matters"

    let section: NotebookSection
    let results: Results

    /// `report.json`'s results: the comparison's runs (also in the training section's `training.comparison`).
    struct Results: Encodable, Sendable {
        let comparison: [OptimizerComparison.Entry]
    }

    /// Shows `comparison`, which the training cell ran.
    init(comparison: OptimizerComparison, epochs: Int, batchSize: Int) throws {
        var section = NotebookSection()
        section.paragraphs(NotebookProse.optimizers(epochs: epochs, batchSize: batchSize))
        let window = max(1, min(50, comparison.stepsPerEpoch / 4))
        if comparison.entries.contains(where: { !$0.stepLosses.isEmpty }) {
            section.figure(try optimizerComparisonFigure(names: comparison.entries.map(\.name),
                                                         stepLosses: comparison.entries.map(\.stepLosses), window: window),
                           fileName: "optimizers-loss.png",
                           caption: "The training loss of each optimiser, from the same weights on the same batches.")
        }
        section.output("after the last epoch", comparison.table)
        for entry in comparison.entries {
            guard let stop = entry.diverged else { continue }
            section.warning("Warning: \(entry.name) diverged at step \(stop.step) of epoch \(stop.epoch) (loss \(stop.loss)); its line stops before that step.")
        }
        self.section = section
        results = Results(comparison: comparison.entries)
    }
}
