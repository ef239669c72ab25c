/// The largest IDX files we accept, so that a tiny file cannot declare (and make us allocate) gigabytes.
public enum IDXLimits {
    /// At most ten million images or labels (MNIST has 60,000).
    public static let maxItems = 10_000_000
    /// At most 1024 pixels per side (MNIST images are 28x28).
    public static let maxSide = 1024
    /// At most 256 MiB of pixel data (full MNIST training images are 47 MB).
    public static let maxDataBytes = 256 << 20
    /// The largest file on disk or inflated stream: the data plus the largest header we read.
    static let maxFileBytes = maxDataBytes + IDXHeader.imagesHeaderSize
}
