import Datasets

/// One file of the dataset as the report lists it: name, size, record count and SHA-256.
public struct DatasetFileRecord: Codable, Equatable, Sendable {
    /// File name, e.g. `train-images-idx3-ubyte.gz`.
    public var name: String
    /// Size on disk in bytes (the compressed size for a `.gz` file).
    public var bytes: Int
    /// Number of records (images or labels) the file holds.
    public var records: Int
    /// SHA-256 of the file's bytes on disk, lowercase hex.
    public var sha256: String

    /// A file description.
    public init(name: String, bytes: Int, records: Int, sha256: String) {
        self.name = name
        self.bytes = bytes
        self.records = records
        self.sha256 = sha256
    }

    /// The record of a file the Datasets reader loaded, hashing its bytes on disk (reads the file again).
    public init(_ file: DatasetFile) throws {
        self.init(name: file.name, bytes: file.byteCount, records: file.records, sha256: try file.sha256())
    }
}
