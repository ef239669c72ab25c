/// Reads unsigned-byte IDX files (raw, or gzip-compressed with one or more members) and validates every field.
public enum IDXReader {
    /// Reads an images file (magic 0x00000803: count × rows × cols bytes).
    public static func readImages(path: String) throws -> IDXImages {
        let (header, pixels, fileSize) = try read(path: path, dimensionCount: 3)
        return IDXImages(count: header.dimensions[0], rows: header.dimensions[1], cols: header.dimensions[2],
                         pixels: pixels, fileSize: fileSize)
    }

    /// Reads a labels file (magic 0x00000801: count bytes), each label a class index below `classCount`.
    public static func readLabels(path: String, classCount: Int = 10) throws -> IDXLabels {
        precondition((1...256).contains(classCount), "IDXReader: classCount must be 1…256, got \(classCount)")
        let (_, labels, fileSize) = try read(path: path, dimensionCount: 1)
        let limit = classCount == 256 ? nil : UInt8(classCount)
        let firstBad = limit.flatMap { limit in labels.withUnsafeBufferPointer { $0.firstIndex { $0 >= limit } } }
        if let index = firstBad {
            throw IDXError.labelOutOfRange(file: FileBytes.fileName(of: path), index: index,
                                           label: labels[index], classCount: classCount)
        }
        return IDXLabels(labels: labels, fileSize: fileSize)
    }

    // MARK: - Reading

    /// Reads the file at `path`, validates its header for `dimensionCount` sizes and returns exactly the declared data.
    static func read(path: String, dimensionCount: Int) throws -> (header: IDXHeader, data: [UInt8], fileSize: Int) {
        let file = try FileBytes(path: path, limit: IDXLimits.maxFileBytes)
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
        return (header, data, file.bytes.count)
    }
}
