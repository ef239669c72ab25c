/// One cell of the lesson: made from the notebook's state (and the cells before it), it computes its values
/// when it is made and shows them as a section of prose, printed outputs and figures.
///
/// A cell's initialiser takes what it needs — `inout NotebookState` when it draws random numbers or a batch,
/// an earlier cell when it uses that cell's tensor or model — so `Notebook.run` can only call the cells in an
/// order the compiler has checked.
public protocol NotebookCell {
    /// What the cell reports as data (the section's `results` in `report.json`), one property per key.
    associatedtype Results: Encodable & Sendable

    /// Stable anchor id of its section (lowercase letters, digits and `-`).
    static var id: String { get }
    /// Title of its section.
    static var title: String { get }

    /// What the cell shows, in reading order.
    var section: NotebookSection { get }
    /// What the cell reports as data.
    var results: Results { get }
}

/// Runs the notebook's cells as `Notebook.run` makes them: whoever runs the lesson (the report pipeline, a
/// test) times each cell, keeps what it shows and names the cell in any error it throws.
public protocol CellRunner {
    /// Makes one cell by calling `make` and returns it, so that later cells can use its values.
    mutating func run<Cell: NotebookCell>(_ make: () throws -> Cell) throws -> Cell
}
