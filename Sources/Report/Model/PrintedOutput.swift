/// Text an experiment printed, shown verbatim in monospace under a label such as `print(model)`.
public struct PrintedOutput: Equatable, Sendable {
    /// What was printed, as the code that printed it (e.g. `print(model)`, `images.shape`).
    public var label: String
    /// The exact text, line breaks included, with no trailing newline.
    public var text: String

    /// An output labelled with the code that produced it.
    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}
