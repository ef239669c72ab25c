import Datasets

// MARK: - Exit status of the Datasets target's errors

extension IDXError: ClassifiedError {
    /// Malformed data is a data error (65); a missing file is missing input (66); a failed read is an I/O error (74).
    public var failureKind: FailureKind {
        switch self {
        case .fileNotFound:
            return .noInput
        case .unreadable:
            // A directory in the file's place, no permission, or a read that failed: not malformed data.
            return .ioError
        case .fileTooLarge, .emptyFile, .corruptGzip, .inflatedTooLarge, .truncatedHeader, .wrongMagic,
             .unsupportedDataType, .wrongDimensionCount, .absurdDimensions, .truncatedData, .trailingBytes,
             .countMismatch, .labelOutOfRange:
            return .dataError
        }
    }
}

extension DatasetError: ClassifiedError {
    /// A dataset that needs a directory and got none is a usage error (64); everything else is missing input (66).
    public var failureKind: FailureKind {
        switch self {
        case .directoryRequired:
            return .usage
        case .directoryNotFound, .notADirectory, .fileNotFound, .fashionMNISTNotInstalled, .sampleMissing:
            return .noInput
        }
    }
}
