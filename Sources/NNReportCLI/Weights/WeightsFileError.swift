import Report

/// A weights file that could not be read, recognised or written, as one line naming the option and the file.
///
/// `description`: `--weights: model.pth: refuses global 'os.system' (only state dicts of tensors are read)`.
public struct WeightsFileError: Error, Equatable, CustomStringConvertible, ClassifiedError {
    /// The option that named the file: `--weights` or `--save-weights`.
    public let option: String
    /// What is wrong, starting with the file's name.
    public let message: String
    /// Usage (64) for an unknown extension, data error (65) for a bad or mismatched file, missing input (66),
    /// cannot create (73) for an unwritable path, I/O error (74) for a failed read.
    public let failureKind: FailureKind

    /// An error about the file named by `option`.
    public init(option: String, message: String, failureKind: FailureKind) {
        self.option = option
        self.message = message
        self.failureKind = failureKind
    }

    /// One line: the option, then the message.
    public var description: String { "\(option): \(message)" }
}
