/// Formats a tensor as PyTorch 2.x's `print(tensor)` does with default print options
/// (the rules of `torch/_tensor_str.py`, re-implemented).
enum TensorFormatter {
    /// The prefix of every printout; continuation lines are indented by its length.
    static let prefix = "tensor("
    /// What `nn.Parameter.__repr__` puts before the tensor's own text.
    static let parameterHeader = "Parameter containing:\n"

    // MARK: - Float tensors

    /// Formats a tensor as PyTorch's `print(tensor)` (or `print(parameter)` when `isParameter`).
    static func format(shape: [Int], values: [Float], isParameter: Bool) -> String {
        format(shape: shape, values: values, isParameter: isParameter, options: .default)
    }

    /// Formats a float tensor (or parameter) with explicit print options.
    static func format(shape: [Int], values: [Float], isParameter: Bool, options: PrintOptions) -> String {
        // A parameter is a leaf that requires grad: PyTorch adds `requires_grad=True`.
        let text = format(shape: shape, values: values,
                           suffixes: isParameter ? ["requires_grad=True"] : [], options: options)
        return isParameter ? parameterHeader + text : text
    }

    /// Formats the output of a differentiable op: `tensor([0.1173], grad_fn=<SelectBackward0>)`.
    static func format(shape: [Int], values: [Float], gradFunction: String,
                       options: PrintOptions = .default) -> String {
        format(shape: shape, values: values, suffixes: ["grad_fn=<\(gradFunction)>"], options: options)
    }

    /// Formats a 0-dim float tensor: `tensor(6.)`, `tensor(0.5000)`.
    static func format(scalar: Float, options: PrintOptions = .default) -> String {
        format(shape: [], values: [scalar], suffixes: [], options: options)
    }

    // MARK: - Integer tensors

    /// Formats an int64 tensor such as class labels: `tensor(6)`, `tensor([6, 2, 1])`.
    static func format(integers: [Int], shape: [Int], options: PrintOptions = .default) -> String {
        checkFills(shape: shape, count: integers.count)
        // An empty int64 tensor cannot show its dtype through its values, so it is named.
        let dtype = integers.isEmpty ? ["dtype=torch.int64"] : []
        return render(shape: shape, count: integers.count, suffixes: dtype, options: options,
                      makeFormatter: { ElementFormatter(integers: $0.map { integers[$0] }) },
                      element: { formatter, offset in formatter.format(integers[offset]) })
    }

    // MARK: - Sizes

    /// Formats a shape as PyTorch prints `tensor.shape`: `torch.Size([64, 1, 28, 28])`.
    static func formatSize(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    // MARK: - Assembly

    /// A float tensor's printout with the given trailing suffixes (e.g. `dtype=torch.float32`),
    /// which wrap to their own line when the last line has no room for them.
    static func format(shape: [Int], values: [Float], suffixes: [String],
                       options: PrintOptions = .default) -> String {
        checkFills(shape: shape, count: values.count)
        return render(shape: shape, count: values.count, suffixes: suffixes, options: options,
                      makeFormatter: { ElementFormatter(floats: $0.map { values[$0] }, options: options) },
                      element: { formatter, offset in formatter.format(values[offset]) })
    }

    /// Builds `tensor(<contents>, <suffixes>)` for any element type.
    ///
    /// - Parameters:
    ///   - makeFormatter: the formatter for the elements at the given (shown) offsets.
    ///   - element: one element, formatted by that formatter.
    private static func render(shape: [Int], count: Int, suffixes: [String], options: PrintOptions,
                               makeFormatter: ([Int]) -> ElementFormatter,
                               element: @escaping (ElementFormatter, Int) -> String) -> String {
        let indent = prefix.count
        var contents = "[]"
        var allSuffixes = suffixes
        if count == 0 {
            // Only `(0,)` goes without its size, to match NumPy.
            if shape.count != 1 { allSuffixes.insert("size=" + pythonTuple(shape), at: 0) }
        } else {
            // Without edge items PyTorch always names the size, summarised or not.
            if options.edgeitems == 0 { allSuffixes.insert("size=" + pythonTuple(shape), at: 0) }
            let summarize = count > options.threshold
            let shown = TensorLayout.shownOffsets(shape: shape, summarize: summarize, options: options)
            let formatter = makeFormatter(shown)
            let layout = TensorLayout(shape: shape, summarize: summarize, options: options,
                                      elementWidth: formatter.width,
                                      element: { element(formatter, $0) })
            contents = layout.render(indent: indent)
        }
        return appendingSuffixes(allSuffixes, to: prefix + contents, indent: indent, options: options)
    }

    /// Closes the printout, putting each suffix after `, ` on the last line, or on a new line
    /// indented by `indent` when it would not fit (PyTorch's `_add_suffixes`).
    static func appendingSuffixes(_ suffixes: [String], to text: String, indent: Int,
                                  options: PrintOptions) -> String {
        var result = text
        // PyTorch measures `len(s) - s.rfind("\n") + 1`: the last line's length plus 2.
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        var lastLineLength = lastLine.count + 2
        for suffix in suffixes {
            if lastLineLength + suffix.count + 2 > options.linewidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + suffix.count
            } else {
                result += ", " + suffix
                lastLineLength += suffix.count + 2
            }
        }
        return result + ")"
    }

    /// Python's `str(tuple(shape))`: `(0, 3)`, `(0,)`, `()`.
    static func pythonTuple(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// A programmer mistake, not bad input: the values must fill the shape exactly.
    private static func checkFills(shape: [Int], count: Int) {
        precondition(shape.allSatisfy { $0 >= 0 }, "TensorFormatter: negative dimension in \(shape)")
        precondition(shape.reduce(1, *) == count,
                     "TensorFormatter: \(count) values do not fill shape \(shape)")
    }
}
