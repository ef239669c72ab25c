/// What kind of failure an error is, so the command line can map it to a sysexits(3) status.
public enum FailureKind: Sendable, Equatable {
    /// The command was used incorrectly (EX_USAGE, 64).
    case usage
    /// The input data was malformed (EX_DATAERR, 65).
    case dataError
    /// An input file or folder did not exist or was unreadable (EX_NOINPUT, 66).
    case noInput
    /// An internal software error (EX_SOFTWARE, 70).
    case software
    /// The output could not be created (EX_CANTCREAT, 73).
    case cannotCreateOutput
    /// An input/output error while reading or writing (EX_IOERR, 74).
    case ioError

    /// The sysexits(3) exit status for this kind of failure.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .dataError: return 65
        case .noInput: return 66
        case .software: return 70
        case .cannotCreateOutput: return 73
        case .ioError: return 74
        }
    }
}

/// An error that knows which kind of failure it is (errors of other targets can conform in an extension).
public protocol ClassifiedError: Error {
    /// The kind of failure, which decides the exit status.
    var failureKind: FailureKind { get }
}
