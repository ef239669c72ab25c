/// One split of an MNIST-format dataset in memory: images as bytes and their labels, like torchvision's `MNIST`.
public struct MNISTDataset: Sendable {
    /// Which dataset this is (sample, MNIST, Fashion-MNIST).
    public let kind: DatasetKind
    /// The training or the test split.
    public let split: DatasetSplit
    /// The number of images (and labels).
    public let count: Int
    /// The height of each image in pixels (28 for MNIST).
    public let rows: Int
    /// The width of each image in pixels (28 for MNIST).
    public let cols: Int
    /// The pixels, count × rows × cols, row-major; 0 is background, 255 full ink.
    public let images: [UInt8]
    /// The class index of each image, 0–9.
    public let labels: [UInt8]
    /// The images file this split was read from.
    public let imagesFile: DatasetFile
    /// The labels file this split was read from.
    public let labelsFile: DatasetFile

    /// Loads `split` of `source`, finding its files and validating them.
    public init(_ source: DatasetSource, split: DatasetSplit) throws {
        let paths = try source.locateFiles(split: split)
        try self.init(imagesPath: paths.images, labelsPath: paths.labels, kind: source.kind, split: split)
    }

    /// Loads an images file and its labels file, which must hold the same number of records.
    public init(imagesPath: String, labelsPath: String, kind: DatasetKind, split: DatasetSplit) throws {
        let images = try IDXReader.readImages(path: imagesPath)
        let labels = try IDXReader.readLabels(path: labelsPath, classCount: kind.classNames.count)
        guard images.count == labels.labels.count else {
            throw IDXError.countMismatch(imagesFile: FileBytes.fileName(of: imagesPath), images: images.count,
                                         labelsFile: FileBytes.fileName(of: labelsPath), labels: labels.labels.count)
        }
        self.kind = kind
        self.split = split
        count = images.count
        rows = images.rows
        cols = images.cols
        self.images = images.pixels
        self.labels = labels.labels
        imagesFile = DatasetFile(path: imagesPath, records: images.count, byteCount: images.fileSize)
        labelsFile = DatasetFile(path: labelsPath, records: labels.labels.count, byteCount: labels.fileSize)
    }

    // MARK: - Access

    /// The name of each class, indexed by label.
    public var classNames: [String] { kind.classNames }

    /// The images file then the labels file.
    public var files: [DatasetFile] { [imagesFile, labelsFile] }

    /// The number of pixels in one image (rows × cols).
    public var pixelsPerImage: Int { rows * cols }

    /// The pixels of image `index`, rows × cols bytes.
    public func pixels(at index: Int) -> ArraySlice<UInt8> {
        precondition((0..<count).contains(index), "MNISTDataset: index \(index) out of range 0..<\(count)")
        return images[index * pixelsPerImage ..< (index + 1) * pixelsPerImage]
    }

    /// The label of image `index` as an Int.
    public func label(at index: Int) -> Int { Int(labels[index]) }

    /// How many images carry each label (index = label).
    public var labelHistogram: [Int] {
        var histogram = [Int](repeating: 0, count: classNames.count)
        for label in labels { histogram[Int(label)] += 1 }
        return histogram
    }
}
