/// Chooses one notation and one column width for all elements of a tensor, as PyTorch's
/// `torch._tensor_str._Formatter` does, then renders each element right-justified to it.
struct ElementFormatter: Sendable, Equatable {
    /// How the elements are written.
    enum Notation: Sendable, Equatable {
        /// An integer dtype (`torch.int64`): `str(value)`, e.g. `6`, `-3`.
        case integer
        /// A float tensor whose finite values are all integral: `1.`, `0.`, `-3.`.
        case integral
        /// Fixed point with `precision` decimals: `0.0119`.
        case fixed
        /// Scientific with `precision` decimals: `1.0000e-05`.
        case scientific
    }

    /// The notation chosen for this tensor.
    let notation: Notation
    /// The width every element is right-justified to (at least 1).
    let width: Int
    /// Digits after the decimal point in fixed and scientific notation.
    let precision: Int

    // MARK: - Choosing

    /// The formatter PyTorch builds for an integer tensor holding `values` (the summarised ones).
    init(integers values: [Int]) {
        notation = .integer
        precision = 0
        // Every value counts toward the width here, zeros included.
        width = values.reduce(1) { max($0, String($1).count) }
    }

    /// The formatter PyTorch builds for a float tensor holding `values` (the summarised ones).
    ///
    /// Only the nonzero finite values decide the notation and width: zeros, NaN and the
    /// infinities are written in the chosen notation but never widen the column.
    init(floats values: [Float], options: PrintOptions) {
        precision = options.precision
        // PyTorch converts to double before comparing, and formats `.item()` (a Python float).
        let nonzeroFinite = values.lazy.filter { $0.isFinite && $0 != 0 }.map { Double($0) }
        guard let firstMagnitude = nonzeroFinite.first.map(abs) else {
            // No valid number: integral notation, width 1. PyTorch returns before applying
            // a forced sci_mode here, so all-zero tensors print `0.` even then.
            notation = .integral
            width = 1
            return
        }
        var smallest = firstMagnitude
        var largest = firstMagnitude
        var allIntegral = true
        for value in nonzeroFinite {
            smallest = min(smallest, abs(value))
            largest = max(largest, abs(value))
            if value != value.rounded(.up) { allIntegral = false }
        }
        // Wide dynamic range or huge values need scientific notation; tiny values too, unless
        // everything is integral (integral tensors have no values below 1). A forced sci_mode
        // wins, and (as in PyTorch 2.13) the width is then measured in the forced notation.
        let wideRange = largest / smallest > 1000.0 || largest > 1.0e8
        let automaticScientific = allIntegral ? wideRange : (wideRange || smallest < 1.0e-4)
        let scientific = options.sciMode ?? automaticScientific
        notation = scientific ? .scientific : (allIntegral ? .integral : .fixed)

        var columnWidth = 1
        for value in nonzeroFinite {
            let text: String
            switch notation {
            case .scientific: text = PythonNumberFormat.scientific(value, precision: precision)
            // The trailing "." of `1.` is counted by PyTorch as one extra character.
            case .integral: text = PythonNumberFormat.fixed(value, precision: 0) + "."
            default: text = PythonNumberFormat.fixed(value, precision: precision)
            }
            columnWidth = max(columnWidth, text.count)
        }
        width = columnWidth
    }

    // MARK: - Rendering

    /// One float element in this notation, padded on the left to `width`.
    func format(_ value: Float) -> String {
        let number = Double(value)
        let text: String
        switch notation {
        case .scientific:
            text = PythonNumberFormat.scientific(number, precision: precision)
        case .integral:
            // Finite integral values get a "." to show the tensor is floating point.
            let digits = PythonNumberFormat.fixed(number, precision: 0)
            text = number.isFinite ? digits + "." : digits
        case .fixed:
            text = PythonNumberFormat.fixed(number, precision: precision)
        case .integer:
            // An integer formatter handed a float: round it, without the float's "." marker.
            text = PythonNumberFormat.fixed(number, precision: 0)
        }
        return padded(text)
    }

    /// One integer element, padded on the left to `width`.
    func format(_ value: Int) -> String {
        notation == .integer ? padded(String(value)) : format(Float(value))
    }

    /// Right-justifies `text` to `width`; longer text is left as it is.
    private func padded(_ text: String) -> String {
        let missing = width - text.count
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }
}
