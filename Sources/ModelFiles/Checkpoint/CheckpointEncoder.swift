import Foundation
import NN
import ZIPFoundation

/// Writes a state dict as a torch.save zip archive that `torch.load(..., weights_only=True)` reads.
///
/// Records, all stored uncompressed under one top folder: `data.pkl` (see `StateDictPickler`),
/// `byteorder` (`little`), `data/0`, `data/1`, … (each tensor's float32 elements) and `version`
/// (`3\n`, the format version PyTorch writes). PyTorch also pads records to 64-byte alignment;
/// its reader does not need that, so ZIPFoundation's plain layout is used.
enum CheckpointEncoder {
    /// The archive bytes; `folder` is the top folder's name.
    static func encode(_ stateDict: StateDict, folder: String, file: String) throws(ModelFileError) -> Data {
        let entries = stateDict.entries
        var records: [(name: String, contents: Data)] = [
            ("data.pkl", Data(StateDictPickler.pickle(entries.map { ($0.key, $0.tensor.shape) }))),
            ("byteorder", Data("little".utf8)),
        ]
        for (index, entry) in entries.enumerated() {
            let littleEndian = entry.tensor.storage.map { $0.bitPattern.littleEndian }
            records.append(("data/\(index)", littleEndian.withUnsafeBytes { Data($0) }))
        }
        records.append(("version", Data("3\n".utf8)))

        do {
            let archive = try Archive(accessMode: .create)
            for record in records {
                let contents = record.contents
                try archive.addEntry(with: "\(folder)/\(record.name)", type: .file,
                                     uncompressedSize: Int64(contents.count), modificationDate: fixedDate,
                                     compressionMethod: .none) { position, size in
                    contents.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else { throw ModelFileError(file: file, problem: .unwritable(reason: "no archive data")) }
            return data
        } catch let error as ModelFileError {
            throw error
        } catch {
            throw ModelFileError(file: file, problem: .unwritable(reason: "\(error)"))
        }
    }

    /// A fixed modification time, so the same state dict always gives the same bytes.
    private static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01

    /// A top-folder name from a file stem: letters, digits, `_`, `-` and `.`; `archive` if none remain.
    static func folderName(forStem stem: String) -> String {
        let cleaned = String(stem.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) ? $0 : "_" })
        return cleaned.isEmpty || cleaned.allSatisfy({ $0 == "." }) ? "archive" : cleaned
    }
}
