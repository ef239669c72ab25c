import Foundation

/// A failure of nnreport's report stage: input, templates, figures or writing, with its context.
public enum ReportError: Error, Equatable {
    // MARK: - Input
    /// A file could not be read.
    case unreadableFile(path: String, reason: String)

    // MARK: - Templates
    /// The templates folder does not exist.
    case templatesFolderMissing(path: String)
    /// A template that the page needs is not in the templates folder.
    case templateMissing(folder: String, name: String)
    /// A template does not parse.
    case templateSyntax(file: String, line: Int, column: Int, reason: String)
    /// The stylesheet cannot be inlined.
    case invalidStylesheet(path: String, reason: String)

    // MARK: - Sections and figures
    /// A section or figure breaks a rule of the report model (a programming mistake in an experiment).
    case invalidContent(String)

    // MARK: - Output
    /// The output path exists and is a regular file (or something else that is not a folder).
    case outputIsNotAFolder(path: String)
    /// The output folder's parent does not exist.
    case outputParentMissing(path: String)
    /// The output folder exists, is not empty and holds no earlier report, so it is not replaced.
    case outputNotAReport(path: String)
    /// The output folder could not be created.
    case cannotCreateOutput(path: String, reason: String)
    /// Writing a file of the report failed.
    case writeFailed(path: String, reason: String)
}

// MARK: - Messages

extension ReportError: LocalizedError, CustomStringConvertible {
    /// One readable line.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "cannot read '\(path)': \(reason)"
        case let .templatesFolderMissing(path):
            return "templates folder '\(path)' does not exist (use --templates DIR to name another)"
        case let .templateMissing(folder, name):
            return "template '\(name)' is missing in '\(folder)'"
        case let .templateSyntax(file, line, column, reason):
            return "template '\(file)' line \(line), column \(column): \(reason)"
        case let .invalidStylesheet(path, reason):
            return "stylesheet '\(path)': \(reason)"
        case let .invalidContent(message):
            return message
        case let .outputIsNotAFolder(path):
            return "output path '\(path)' exists and is not a folder; refusing to replace it"
        case let .outputParentMissing(path):
            return "cannot create output folder: its parent '\(path)' does not exist"
        case let .outputNotAReport(path):
            return "output folder '\(path)' is not empty and holds no earlier report (no report.json); refusing to replace it"
        case let .cannotCreateOutput(path, reason):
            return "cannot create output in '\(path)': \(reason)"
        case let .writeFailed(path, reason):
            return "cannot write '\(path)': \(reason)"
        }
    }

    /// The same line, for `localizedDescription`.
    public var errorDescription: String? { description }
}

// MARK: - Exit status

extension ReportError: ClassifiedError {
    /// The kind of failure, which decides the exit status.
    public var failureKind: FailureKind {
        switch self {
        case .templateSyntax, .invalidStylesheet: return .dataError
        case .templatesFolderMissing, .templateMissing: return .noInput
        case .unreadableFile, .writeFailed: return .ioError
        case .invalidContent: return .software
        case .outputIsNotAFolder, .outputParentMissing, .outputNotAReport, .cannotCreateOutput: return .cannotCreateOutput
        }
    }
}

/// The text of an error's strerror(3) for an errno value.
func describeErrno(_ code: Int32) -> String {
    String(cString: strerror(code))
}
