/// The knobs of PyTorch's `torch.set_printoptions`, with PyTorch's defaults.
struct PrintOptions: Sendable, Equatable {
    /// Digits after the decimal point in fixed and scientific notation (PyTorch: 4).
    var precision: Int = 4
    /// Tensors with more elements than this are summarised with `...` (PyTorch: 1000).
    var threshold: Int = 1000
    /// Items kept at each end of a summarised dimension (PyTorch: 3).
    var edgeitems: Int = 3
    /// Characters per line used to wrap 1-D rows and trailing suffixes (PyTorch: 80).
    var linewidth: Int = 80
    /// Forces (`true`) or forbids (`false`) scientific notation; `nil` lets the formatter decide.
    var sciMode: Bool? = nil

    /// PyTorch's `profile="default"`.
    static let `default` = PrintOptions()
    /// PyTorch's `profile="short"`: 2 digits, 2 edge items.
    static let short = PrintOptions(precision: 2, edgeitems: 2)
    /// PyTorch's `profile="full"`: never summarise.
    static let full = PrintOptions(threshold: .max)
}
