/// Why `Module.loadStateDict(_:)` refused a state dict, worded as PyTorch's `load_state_dict(strict=True)` words it.
///
/// PyTorch raises `RuntimeError('Error(s) in loading state_dict for Sequential:\n\tMissing key(s) in state_dict:
/// "0.weight". \n\t...')`; `description` is the same text as one line (tab-indented lines joined by spaces),
/// `pytorchMessage` the exact multi-line text.
public struct StateDictLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key present in both whose tensor has another shape in the file than in the model.
    public struct SizeMismatch: Equatable, Sendable {
        /// The state-dict key, e.g. `0.weight`.
        public let key: String
        /// The shape of the tensor in the state dict (the checkpoint).
        public let checkpointShape: [Int]
        /// The shape of the model's parameter.
        public let modelShape: [Int]

        /// A mismatch of `key` between a checkpoint's shape and the model's.
        public init(key: String, checkpointShape: [Int], modelShape: [Int]) {
            self.key = key
            self.checkpointShape = checkpointShape
            self.modelShape = modelShape
        }
    }

    /// The model's class name (`Sequential`, `ReluNet`), as PyTorch names it.
    public let moduleName: String
    /// The model's keys absent from the state dict, in the model's order.
    public let missingKeys: [String]
    /// The state dict's keys the model does not have, in the state dict's order.
    public let unexpectedKeys: [String]
    /// The keys whose shapes differ, in the model's order.
    public let sizeMismatches: [SizeMismatch]

    /// An error for `moduleName` listing what did not match.
    public init(moduleName: String, missingKeys: [String], unexpectedKeys: [String], sizeMismatches: [SizeMismatch]) {
        self.moduleName = moduleName
        self.missingKeys = missingKeys
        self.unexpectedKeys = unexpectedKeys
        self.sizeMismatches = sizeMismatches
    }

    /// PyTorch's messages in its order: missing keys, unexpected keys, then each size mismatch.
    public var messages: [String] {
        var messages: [String] = []
        if !missingKeys.isEmpty {
            messages.append("Missing key(s) in state_dict: \(Self.quoted(missingKeys)). ")
        }
        if !unexpectedKeys.isEmpty {
            messages.append("Unexpected key(s) in state_dict: \(Self.quoted(unexpectedKeys)). ")
        }
        for mismatch in sizeMismatches {
            messages.append("size mismatch for \(mismatch.key): copying a param with shape \(Self.size(mismatch.checkpointShape)) "
                            + "from checkpoint, the shape in current model is \(Self.size(mismatch.modelShape)).")
        }
        return messages
    }

    /// The text of PyTorch's `RuntimeError`, byte for byte (trailing spaces and tabs included).
    public var pytorchMessage: String {
        "Error(s) in loading state_dict for \(moduleName):\n\t" + messages.joined(separator: "\n\t")
    }

    /// The same messages on one line, without PyTorch's trailing spaces.
    public var description: String {
        let line = "Error(s) in loading state_dict for \(moduleName): "
            + messages.map { $0.trimmingTrailingSpaces() }.joined(separator: " ")
        return Self.escapingControlCharacters(line)
    }

    /// `"a", "b"`: each key in double quotes, as PyTorch lists them.
    private static func quoted(_ keys: [String]) -> String {
        keys.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// `torch.Size([64, 784])`.
    static func size(_ shape: [Int]) -> String {
        "torch.Size([\(shape.map(String.init).joined(separator: ", "))])"
    }

    /// Keys come from files: control characters are shown escaped so they can neither break nor forge lines.
    private static func escapingControlCharacters(_ text: String) -> String {
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: line += scalar.escaped(asASCII: true)
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }
}

private extension String {
    /// The string without the spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
