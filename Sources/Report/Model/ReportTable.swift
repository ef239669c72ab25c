/// A small table of text cells with a caption (the reproducibility block and experiments use them).
public struct ReportTable: Equatable, Sendable {
    /// Caption shown above the table.
    public var caption: String
    /// Column headings.
    public var header: [String]
    /// Rows of cells; each row has as many cells as `header`.
    public var rows: [[String]]

    /// A table; every row must have one cell per column (a programming mistake otherwise).
    public init(caption: String, header: [String], rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == header.count },
                     "ReportTable '\(caption)': every row needs \(header.count) cells")
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}
