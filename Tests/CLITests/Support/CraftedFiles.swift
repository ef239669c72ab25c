import Datasets
import Foundation
import TestSupport

/// Bad input files built byte by byte for the bad-input matrix: IDX headers, safetensors, zip archives laid out
/// like torch.save's, and pickles whose payload would create a marker file if anything ran it.
enum CraftedFiles {
    // MARK: - IDX

    /// An IDX file: magic `0x00000800 | dimensionCount` (unless `magic` is given), big-endian sizes, then `data`.
    static func idx(dimensions: [Int], data: [UInt8], magic: UInt32? = nil) -> Data {
        var bytes = bigEndian(magic ?? (0x0800 | UInt32(dimensions.count)))
        for size in dimensions { bytes += bigEndian(UInt32(size)) }
        return Data(bytes + data)
    }

    /// The first `count` test images of the embedded sample as a raw IDX images file.
    static func sampleTestImages(count: Int) throws -> Data {
        let images = try IDXReader.readImages(path: sampleFile("t10k-images-idx3-ubyte.gz").path)
        return idx(dimensions: [count, 28, 28], data: Array(images.pixels.prefix(count * 784)))
    }

    /// The first `count` test labels of the embedded sample as a raw IDX labels file.
    static func sampleTestLabels(count: Int) throws -> Data {
        let labels = try IDXReader.readLabels(path: sampleFile("t10k-labels-idx1-ubyte.gz").path)
        return idx(dimensions: [count], data: Array(labels.labels.prefix(count)))
    }

    /// A file of the embedded sample.
    static func sampleFile(_ name: String) -> URL {
        TestPaths.sample.appendingPathComponent(name)
    }

    // MARK: - safetensors

    /// A safetensors file: the 8-byte little-endian header length (or `declaredLength`), the header, the data.
    static func safetensors(header: String, data: [UInt8], declaredLength: UInt64? = nil) -> Data {
        let json = Array(header.utf8)
        return Data(littleEndian(declaredLength ?? UInt64(json.count)) + json + data)
    }

    // MARK: - Checkpoints

    /// A zip archive of `records`, stored uncompressed, as torch.save lays them out (`<folder>/data.pkl`, …).
    static func zip(_ records: [(path: String, contents: [UInt8])]) -> Data {
        var local: [UInt8] = [], central: [UInt8] = []
        for (path, contents) in records {
            let name = Array(path.utf8), crc = crc32(contents), offset = UInt32(local.count)
            let common: [UInt8] = littleEndian(UInt16(20)) + littleEndian(UInt16(0)) + littleEndian(UInt16(0))
                + littleEndian(UInt16(0)) + littleEndian(UInt16(0x21)) + littleEndian(crc)
                + littleEndian(UInt32(contents.count)) + littleEndian(UInt32(contents.count)) + littleEndian(UInt16(name.count))
            local += littleEndian(UInt32(0x0403_4B50)) + common + littleEndian(UInt16(0)) + name + contents
            central += littleEndian(UInt32(0x0201_4B50)) + littleEndian(UInt16(20)) + common + littleEndian(UInt16(0))
                + littleEndian(UInt16(0)) + littleEndian(UInt16(0)) + littleEndian(UInt16(0)) + littleEndian(UInt32(0))
                + littleEndian(offset) + name
        }
        let end: [UInt8] = littleEndian(UInt32(0x0605_4B50)) + littleEndian(UInt16(0)) + littleEndian(UInt16(0))
            + littleEndian(UInt16(records.count)) + littleEndian(UInt16(records.count)) + littleEndian(UInt32(central.count))
            + littleEndian(UInt32(local.count)) + littleEndian(UInt16(0))
        return Data(local + central + end)
    }

    /// A torch.save-like archive whose `data.pkl` is `pickle`.
    static func checkpoint(pickle: [UInt8], folder: String = "archive") -> Data {
        zip([("\(folder)/data.pkl", pickle), ("\(folder)/byteorder", Array("little".utf8)), ("\(folder)/version", Array("3\n".utf8))])
    }

    /// Protocol-2 pickle calling `module.name(argument)` through GLOBAL and REDUCE: `os.system("touch marker")`.
    static func callPickle(_ module: String, _ name: String, argument: String) -> [UInt8] {
        [0x80, 0x02] + global(module, name) + unicode(argument) + [0x85, 0x52, 0x2E]  // TUPLE1 REDUCE STOP
    }

    /// Protocol-4 pickle naming the callable through STACK_GLOBAL.
    static func stackGlobalCallPickle(_ module: String, _ name: String, argument: String) -> [UInt8] {
        [0x80, 0x04] + shortUnicode(module) + shortUnicode(name) + [0x93] + shortUnicode(argument) + [0x85, 0x52, 0x2E]
    }

    /// An OrderedDict state dict whose one value is `builtins.exec(code)`.
    static func execInsideStateDictPickle(code: String) -> [UInt8] {
        [0x80, 0x02] + global("collections", "OrderedDict") + [0x29, 0x52] + unicode("0.weight")
            + global("builtins", "exec") + unicode(code) + [0x85, 0x52, 0x73, 0x2E]
    }

    /// `module.name(path, "w")` through GLOBAL and REDUCE: `builtins.open(marker, "w")` creates the marker if run.
    static func openForWritingPickle(_ module: String, _ name: String, path: String) -> [UInt8] {
        [0x80, 0x02] + global(module, name) + unicode(path) + unicode("w") + [0x86, 0x52, 0x2E]  // TUPLE2 REDUCE STOP
    }

    // MARK: - Bytes

    /// GLOBAL: `c<module>\n<name>\n`.
    private static func global(_ module: String, _ name: String) -> [UInt8] {
        [0x63] + Array("\(module)\n\(name)\n".utf8)
    }

    /// BINUNICODE: a 4-byte length, then UTF-8.
    private static func unicode(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        return [0x58] + littleEndian(UInt32(utf8.count)) + utf8
    }

    /// SHORT_BINUNICODE: a 1-byte length, then UTF-8.
    private static func shortUnicode(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        return [0x8C, UInt8(utf8.count)] + utf8
    }

    /// The integer's bytes, least significant first.
    static func littleEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// The integer's bytes, most significant first.
    static func bigEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// `values` as float32 little-endian bytes.
    static func float32(_ values: [Float]) -> [UInt8] {
        values.flatMap { littleEndian($0.bitPattern) }
    }

    /// The zip (IEEE 802.3) CRC-32 of `bytes`.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}

/// Paths of the repository's files that the weights and predict tests read.
enum TestPaths {
    /// `Sources/Datasets/Resources/mnist-sample`.
    static let sample = RepositoryPaths.root.appendingPathComponent("Sources/Datasets/Resources/mnist-sample", isDirectory: true)
    /// `Tests/Fixtures/model-files`.
    static let modelFiles = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/model-files", isDirectory: true)

    /// A model-file fixture.
    static func modelFile(_ name: String) -> URL { modelFiles.appendingPathComponent(name) }
}
