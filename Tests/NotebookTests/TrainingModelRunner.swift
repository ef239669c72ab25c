@testable import Notebook
import NN

/// Collects the cells and keeps the demonstrations' network, which the training cell then trains in place.
struct TrainingModelRunner: CellRunner {
    /// What the progress handler reads and writes on the training thread.
    final class Box: @unchecked Sendable {
        var model: Sequential?
        var epochs: [[[Float]]] = []
    }

    private(set) var cells = CollectedCells()
    let box = Box()

    mutating func run<Cell: NotebookCell>(_ make: () throws -> Cell) throws -> Cell {
        let cell = try cells.run(make)
        if let demonstrations = cell as? LossesAndGradientsCell { box.model = demonstrations.model }
        return cell
    }
}
