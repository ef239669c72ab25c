import Foundation
import FuzzSupport
import ModelFiles
import ZIPFoundation

/// libFuzzer's entry point for the restricted unpickler: each input becomes `data.pkl` of a valid archive.
///
/// Mutating a whole zip rarely yields one whose records still pass their CRC-32, so this harness
/// wraps the input in a stored archive beside little-endian storage records `data/0` … `data/7`
/// (the sizes of the seed pickles' storages), reaching the unpickler, the persistent ids, the storage
/// checks and the strided gathers on every run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPickle(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let archive = PickleArchive.wrap(FuzzCheck.bytes(start, count))
    do {
        _ = try Checkpoint.decode(archive, fileName: FuzzCheck.fileName)
    } catch {
        FuzzCheck.expect(error, is: ModelFileError.self)
    }
    return 0
}

exit(FuzzDriver.run(fuzzPickle))

/// A torch.save-like archive around a pickle.
enum PickleArchive {
    /// The byte sizes of the storage records: those of the seed checkpoints' storages.
    static let storageSizes = [1280, 64, 512, 32, 320, 40, 96, 12]

    /// The storage records, filled with a fixed byte pattern (any bytes are valid floats).
    ///
    /// Kept as arrays, not `Data`: LeakSanitizer cannot follow the tagged pointers inside `Data`, and
    /// would report a global of them as leaked.
    static let storages: [(name: String, contents: [UInt8])] = storageSizes.enumerated().map { key, size in
        ("data/\(key)", (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ key) })
    }

    /// `archive/data.pkl` holding `pickle`, then `byteorder`, the storages and `version`, all stored.
    static func wrap(_ pickle: [UInt8]) -> Data {
        let records = [("data.pkl", pickle), ("byteorder", Array("little".utf8))] + storages
            + [("version", Array("3\n".utf8))]
        do {
            let archive = try Archive(accessMode: .create)
            for (name, bytes) in records {
                let contents = Data(bytes)
                try archive.addEntry(with: "archive/\(name)", type: .file, uncompressedSize: Int64(contents.count),
                                     compressionMethod: .none) { position, size in
                    contents.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else { preconditionFailure("ZIPFoundation returned no archive data") }
            return data
        } catch {
            preconditionFailure("cannot build the harness's archive: \(error)")
        }
    }
}
