import Foundation

/// An error raised by one step of the report pipeline, wrapped with the step's name (and experiment, if any).
public struct PipelineError: Error, LocalizedError, CustomStringConvertible {
    /// The step that failed.
    public let stage: PipelineStage
    /// The experiment that failed, for the experiments step.
    public let experimentID: String?
    /// The error the step threw.
    public let underlying: Error

    /// Wraps `underlying` with the step (and experiment) it came from.
    public init(stage: PipelineStage, experimentID: String? = nil, underlying: Error) {
        self.stage = stage
        self.experimentID = experimentID
        self.underlying = underlying
    }

    /// One readable line: `<step>[ (<experiment>)]: <message>`.
    public var description: String {
        let place = experimentID.map { "\(stage.rawValue) (\($0))" } ?? stage.rawValue
        return "\(place): \(oneLineDescription(of: underlying))"
    }

    /// The same line, for `localizedDescription`.
    public var errorDescription: String? { description }
}

extension PipelineError: ClassifiedError {
    /// The underlying error's kind; an unclassified error counts as internal (70), except Foundation file errors.
    public var failureKind: FailureKind { FailureKind.of(underlying) }
}

extension FailureKind {
    /// The kind of any error: its own if it is classified, a guess from Foundation's file errors, else internal.
    public static func of(_ error: Error) -> FailureKind {
        if let classified = error as? ClassifiedError { return classified.failureKind }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return .noInput
            case NSFileReadNoPermissionError, NSFileReadUnknownError, NSFileReadCorruptFileError: return .ioError
            case NSFileWriteNoPermissionError, NSFileWriteOutOfSpaceError, NSFileWriteUnknownError, NSFileWriteVolumeReadOnlyError: return .ioError
            default: break
            }
        }
        if nsError.domain == NSPOSIXErrorDomain { return .ioError }
        return .software
    }
}

/// An error as one line: its description with line breaks folded into spaces.
public func oneLineDescription(of error: Error) -> String {
    let text: String
    if let localized = error as? LocalizedError, let description = localized.errorDescription {
        text = description
    } else if type(of: error) is NSError.Type {
        text = (error as NSError).localizedDescription
    } else {
        text = String(describing: error)
    }
    return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
}
