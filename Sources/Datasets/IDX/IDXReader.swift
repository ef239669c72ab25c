import Foundation

/// Reads unsigned-byte IDX files (raw, or gzip-compressed with one or more members) and validates every field.
public enum IDXReader {
    /// Reads an images file (magic 0x00000803: count × rows × cols bytes).
    public static func readImages(path: String) throws -> IDXImages {
        try images(in: FileBytes(path: path, limit: IDXLimits.maxFileBytes))
    }

    /// Reads a labels file (magic 0x00000801: count bytes), each label a class index below `classCount`.
    public static func readLabels(path: String, classCount: Int = 10) throws -> IDXLabels {
        precondition((1...256).contains(classCount), "IDXReader: classCount must be 1…256, got \(classCount)")
        return try labels(in: FileBytes(path: path, limit: IDXLimits.maxFileBytes), classCount: classCount)
    }

    /// Decodes the bytes of an images file (raw or gzip) held in memory; `fileName` labels errors.
    public static func decodeImages(_ data: Data, fileName: String = "<memory>") throws -> IDXImages {
        try images(in: FileBytes(copying: data, path: fileName, limit: IDXLimits.maxFileBytes))
    }

    /// Decodes the bytes of a labels file (raw or gzip) held in memory; `fileName` labels errors.
    public static func decodeLabels(_ data: Data, fileName: String = "<memory>", classCount: Int = 10) throws -> IDXLabels {
        precondition((1...256).contains(classCount), "IDXReader: classCount must be 1…256, got \(classCount)")
        return try labels(in: FileBytes(copying: data, path: fileName, limit: IDXLimits.maxFileBytes), classCount: classCount)
    }

    // MARK: - Kinds

    /// The images in `file`.
    private static func images(in file: FileBytes) throws -> IDXImages {
        let (header, pixels) = try read(file, dimensionCount: 3)
        return IDXImages(count: header.dimensions[0], rows: header.dimensions[1], cols: header.dimensions[2],
                         pixels: pixels, fileSize: file.bytes.count)
    }

    /// The labels in `file`, each checked to be below `classCount`.
    private static func labels(in file: FileBytes, classCount: Int) throws -> IDXLabels {
        let (_, labels) = try read(file, dimensionCount: 1)
        let limit = classCount == 256 ? nil : UInt8(classCount)
        let firstBad = limit.flatMap { limit in labels.withUnsafeBufferPointer { $0.firstIndex { $0 >= limit } } }
        if let index = firstBad {
            throw IDXError.labelOutOfRange(file: file.name, index: index, label: labels[index], classCount: classCount)
        }
        return IDXLabels(labels: labels, fileSize: file.bytes.count)
    }

    // MARK: - Reading

    /// Validates the header of `file` for `dimensionCount` sizes and returns exactly the declared data.
    static func read(_ file: FileBytes, dimensionCount: Int) throws -> (header: IDXHeader, data: [UInt8]) {
        let name = file.name
        let stream: ByteStream = GzipInflater.isGzip(UnsafeRawBufferPointer(file.bytes))
            ? try GzipInflater(file: file)
            : RawByteStream(file: file)

        let header = try IDXHeader.read(from: stream, file: name, dimensionCount: dimensionCount)
        let expected = header.dataByteCount
        // The header is validated against IDXLimits, so this allocation is bounded.
        let data = try [UInt8](unsafeUninitializedCapacity: expected) { buffer, initializedCount in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            let got = try stream.read(into: UnsafeMutableRawBufferPointer(buffer))
            initializedCount = got
            guard got == expected else {
                throw IDXError.truncatedData(file: name, dimensions: header.dimensions,
                                             expectedBytes: expected, remainingBytes: got)
            }
        }

        // Read to the end: trailing bytes are an error, and a gzip trailer's CRC is checked only there.
        let extra = try stream.countRemainingBytes(limit: IDXLimits.maxFileBytes)
        if extra > IDXLimits.maxFileBytes { throw IDXError.inflatedTooLarge(file: name, limit: IDXLimits.maxFileBytes) }
        if extra > 0 {
            throw IDXError.trailingBytes(file: name, dimensions: header.dimensions, expectedBytes: expected, extraBytes: extra)
        }
        return (header, data)
    }
}
