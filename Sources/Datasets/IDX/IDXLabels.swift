/// The contents of an IDX labels file: one class index per record.
public struct IDXLabels: Sendable {
    /// The class index of each record.
    public let labels: [UInt8]
    /// The size of the file on disk in bytes (compressed size for a gzip file).
    public let fileSize: Int
}
