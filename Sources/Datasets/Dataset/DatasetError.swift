import Foundation

/// Why a dataset's files could not be found; every message is one line that names the path.
public enum DatasetError: Error, LocalizedError, CustomStringConvertible, Equatable, Sendable {
    /// The directory the user named does not exist.
    case directoryNotFound(path: String)
    /// The path the user named is a file, not a directory.
    case notADirectory(path: String)
    /// None of the accepted names for an IDX file exists in any searched directory.
    case fileNotFound(name: String, searched: [String])
    /// The dataset needs a directory and none was given.
    case directoryRequired(kind: DatasetKind)
    /// No directory was given for Fashion-MNIST and Debian's package is not installed.
    case fashionMNISTNotInstalled(path: String)
    /// The MNIST sample is missing from the tool's resource bundle.
    case sampleMissing(path: String)

    /// The one-line message.
    public var description: String {
        switch self {
        case let .directoryNotFound(path):
            return "\(path): no such directory"
        case let .notADirectory(path):
            return "\(path): not a directory"
        case let .fileNotFound(name, searched):
            return "\(name)[.gz] not found in \(Self.list(searched))"
        case let .directoryRequired(kind):
            return "the \(kind.rawValue) dataset needs the directory that holds its IDX files"
        case let .fashionMNISTNotInstalled(path):
            return "\(path): no such directory; install Debian's dataset-fashion-mnist or name a directory holding Fashion-MNIST"
        case let .sampleMissing(path):
            return "\(path): the embedded MNIST sample is missing; nnreport's resource bundles (nnreport_*.resources) must sit beside its executable (make install puts them there)"
        }
    }

    /// Foundation's name for the message (`error.localizedDescription`).
    public var errorDescription: String? { description }

    /// "a", "a or b", "a, b or c".
    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "(no directory)" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}
