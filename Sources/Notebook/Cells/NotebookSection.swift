import Plotting

/// What one cell shows, in reading order: paragraphs, printed outputs and figures (not yet rendered).
public struct NotebookSection {
    /// One piece of the section.
    public enum Block {
        /// A paragraph of plain text; `code` is written between backticks.
        case paragraph(String)
        /// Something that went wrong in the run (a diverged training run), shown as a warning.
        case warning(String)
        /// Text printed by the code in `label` (e.g. `print(model)`), exactly as PyTorch prints it.
        case output(label: String, text: String)
        /// A figure to render as `fileName`, with the caption shown under it (the cell's words, then the figure's own).
        case figure(NotebookFigure, fileName: String, caption: String)
    }

    /// The blocks, in reading order.
    public private(set) var blocks: [Block] = []

    /// An empty section.
    public init() {}

    // MARK: - Building

    /// Appends paragraphs.
    mutating func paragraphs(_ texts: [String]) {
        blocks += texts.map(Block.paragraph)
    }

    /// Appends one paragraph.
    mutating func paragraph(_ text: String) {
        blocks.append(.paragraph(text))
    }

    /// Appends a warning.
    mutating func warning(_ text: String) {
        blocks.append(.warning(text))
    }

    /// Appends printed text under the code that printed it.
    mutating func output(_ label: String, _ text: String) {
        blocks.append(.output(label: label, text: text))
    }

    /// Appends a figure; `caption` comes first, then the figure's own caption if it has one.
    mutating func figure(_ figure: NotebookFigure, fileName: String, caption: String) {
        let fullCaption = [caption, figure.caption].compactMap { $0 }.joined(separator: " ")
        blocks.append(.figure(figure, fileName: fileName, caption: fullCaption))
    }

    // MARK: - Reading

    /// The printed outputs, in order.
    public var outputs: [(label: String, text: String)] {
        blocks.compactMap { if case let .output(label, text) = $0 { return (label, text) } else { return nil } }
    }

    /// The figures' file names, in order.
    public var figureFileNames: [String] {
        blocks.compactMap { if case let .figure(_, fileName, _) = $0 { return fileName } else { return nil } }
    }
}
