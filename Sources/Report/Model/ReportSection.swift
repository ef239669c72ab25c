/// One section of the report: title and anchor, prose, printed outputs, figures, results and time.
///
/// The body is an ordered list of blocks, so prose can sit between an output and the figure it explains;
/// `prose`, `outputs` and `figures` list the blocks of each kind.
public struct ReportSection: Equatable, Sendable {
    /// Stable anchor id (lowercase letters, digits and `-`), e.g. `softmax-by-hand`; `index.html#<id>` links to it.
    public var id: String
    /// Heading shown in the table of contents and above the section.
    public var title: String
    /// The body, in reading order.
    public var blocks: [ReportBlock]
    /// Machine-readable results this section contributes to `report.json` under `sections[i].results`.
    public var results: [String: JSONValue]
    /// Seconds the section took to make (set by the pipeline).
    public var duration: Double

    /// A section; the pipeline sets `duration` once it is made.
    public init(id: String, title: String, blocks: [ReportBlock] = [], results: [String: JSONValue] = [:], duration: Double = 0) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.results = results
        self.duration = duration
    }

    // MARK: - Building

    /// Appends a paragraph of plain text.
    public mutating func paragraph(_ text: String) {
        blocks.append(.paragraph(text))
    }

    /// Appends a warning.
    public mutating func warning(_ text: String) {
        blocks.append(.warning(text))
    }

    /// Appends printed text under a label such as `print(model)`.
    public mutating func output(_ label: String, _ text: String) {
        blocks.append(.output(PrintedOutput(label: label, text: text)))
    }

    /// Appends a figure.
    public mutating func figure(_ figure: ReportFigure) {
        blocks.append(.figure(figure))
    }

    // MARK: - Reading

    /// The paragraphs, in order.
    public var prose: [String] {
        blocks.compactMap { if case let .paragraph(text) = $0 { return text } else { return nil } }
    }

    /// The printed outputs, in order.
    public var outputs: [PrintedOutput] {
        blocks.compactMap { if case let .output(output) = $0 { return output } else { return nil } }
    }

    /// The figures, in order.
    public var figures: [ReportFigure] {
        blocks.compactMap { if case let .figure(figure) = $0 { return figure } else { return nil } }
    }

    /// Whether an id is a valid anchor: lowercase ASCII letters, digits and single `-`, starting with a letter.
    static func isValidAnchor(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
