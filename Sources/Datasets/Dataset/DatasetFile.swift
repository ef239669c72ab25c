/// One IDX file a dataset was read from, for the report's reproducibility block.
public struct DatasetFile: Sendable, Equatable {
    /// The full path of the file.
    public let path: String
    /// The number of images or labels it holds.
    public let records: Int
    /// Its size on disk in bytes (compressed size for a gzip file).
    public let byteCount: Int

    /// The file name ("train-images-idx3-ubyte.gz").
    public var name: String { FileBytes.fileName(of: path) }

    /// The SHA-256 of the file's bytes on disk, as 64 lower-case hex digits (reads the file again).
    public func sha256() throws -> String {
        let file = try FileBytes(path: path, limit: IDXLimits.maxFileBytes)
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(file.bytes))
        return SHA256.hex(hasher.finalize())
    }
}
