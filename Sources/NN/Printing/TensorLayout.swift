/// Lays formatted elements out in PyTorch's nested-bracket text, as
/// `torch._tensor_str._tensor_str_with_formatter` does.
///
/// Rows of the last dimension wrap to the line width; outer dimensions put one slice per
/// line with `dim - 1` newlines between slices (so blank lines separate 2-D blocks); a
/// summarised dimension keeps `edgeitems` slices at each end around an ellipsis.
struct TensorLayout {
    /// The size of each dimension, outermost first.
    let shape: [Int]
    /// Row-major strides of `shape`, in elements.
    let strides: [Int]
    /// Whether dimensions longer than `2 * edgeitems` are cut down to their edges.
    let summarize: Bool
    /// Line width and edge items.
    let options: PrintOptions
    /// The width every formatted element has (the formatter's column width).
    let elementWidth: Int
    /// The formatted, right-justified element at a flat row-major offset.
    let element: (Int) -> String

    /// Lays out `shape`, formatting elements with `element`.
    init(shape: [Int], summarize: Bool, options: PrintOptions, elementWidth: Int,
         element: @escaping (Int) -> String) {
        self.shape = shape
        self.strides = TensorLayout.rowMajorStrides(of: shape)
        self.summarize = summarize
        self.options = options
        self.elementWidth = elementWidth
        self.element = element
    }

    // MARK: - Rendering

    /// The whole tensor's text, whose continuation lines are indented by `indent + 1` spaces
    /// (`indent` is the length of the `tensor(` prefix at the top level).
    func render(indent: Int) -> String {
        render(dimension: 0, offset: 0, indent: indent)
    }

    /// The text of the sub-tensor starting at `offset` that spans dimensions `dimension...`.
    private func render(dimension: Int, offset: Int, indent: Int) -> String {
        if dimension == shape.count { return element(offset) }  // a 0-dim scalar
        // nil marks the ellipsis
        let kept = TensorLayout.keptIndices(count: shape[dimension], summarize: summarize, options: options)
        let stride = strides[dimension]
        if dimension == shape.count - 1 {
            // With no edge items a summarised row is a bare ellipsis, without its leading space.
            if summarize && options.edgeitems == 0 { return "[...]" }
            let items = kept.map { index in index.map { element(offset + $0 * stride) } ?? " ..." }
            return vector(items, indent: indent)
        }
        let slices = kept.map { index in
            index.map { render(dimension: dimension + 1, offset: offset + $0 * stride, indent: indent + 1) }
                ?? "..."
        }
        // One newline per remaining inner dimension: blank lines separate blocks of rows.
        let remaining = shape.count - dimension
        let separator = "," + String(repeating: "\n", count: remaining - 1)
            + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    /// A 1-D row: `", "`-separated items, wrapped so each line holds
    /// `max(1, floor((linewidth - indent) / (elementWidth + 2)))` items (the ellipsis counts as one).
    private func vector(_ items: [String], indent: Int) -> String {
        let itemLength = elementWidth + 2  // the element plus its ", "
        let fitting = (Double(options.linewidth - indent) / Double(itemLength)).rounded(.down)
        let perLine = max(1, Int(fitting))
        var lines: [String] = []
        var start = 0
        while start < items.count {
            let end = min(start + perLine, items.count)
            lines.append(items[start..<end].joined(separator: ", "))
            start = end
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
    }

    // MARK: - Summarising

    /// The indices shown along a dimension of `count` items; `nil` stands for the ellipsis.
    private static func keptIndices(count: Int, summarize: Bool, options: PrintOptions) -> [Int?] {
        let edge = options.edgeitems
        guard summarize && count > 2 * edge else { return Array(0..<count) }
        return Array(0..<edge) + [nil] + Array((count - edge)..<count)
    }

    /// The flat offsets of the elements that are shown, in row-major order — the values
    /// PyTorch's `get_summarized_data` hands to the formatter to choose notation and width.
    static func shownOffsets(shape: [Int], summarize: Bool, options: PrintOptions) -> [Int] {
        let strides = rowMajorStrides(of: shape)
        var offsets: [Int] = []
        func collect(dimension: Int, offset: Int) {
            if dimension == shape.count { offsets.append(offset); return }
            for index in keptIndices(count: shape[dimension], summarize: summarize, options: options) {
                guard let index else { continue }
                collect(dimension: dimension + 1, offset: offset + index * strides[dimension])
            }
        }
        collect(dimension: 0, offset: 0)
        return offsets
    }

    /// Row-major strides: the last dimension is contiguous.
    static func rowMajorStrides(of shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for dimension in shape.indices.reversed() {
            strides[dimension] = step
            step *= shape[dimension]
        }
        return strides
    }
}
