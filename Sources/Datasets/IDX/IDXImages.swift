/// The contents of an IDX images file: `count` images of `rows` × `cols` unsigned-byte pixels.
public struct IDXImages: Sendable {
    /// The number of images.
    public let count: Int
    /// The height of each image in pixels.
    public let rows: Int
    /// The width of each image in pixels.
    public let cols: Int
    /// The pixels, count × rows × cols, row-major (0 is background, 255 full ink).
    public let pixels: [UInt8]
    /// The size of the file on disk in bytes (compressed size for a gzip file).
    public let fileSize: Int
}
