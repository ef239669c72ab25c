import Foundation
import ZIPFoundation

/// Zip archives assembled for tests, laid out like torch.save's (`<folder>/data.pkl`, …).
enum ArchiveBytes {
    /// A zip of `records` (full paths), in order, stored uncompressed unless `compression` says otherwise.
    static func zip(_ records: [(path: String, contents: [UInt8])], compression: CompressionMethod = .none) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for record in records {
            let contents = Data(record.contents)
            try archive.addEntry(with: record.path, type: .file, uncompressedSize: Int64(contents.count),
                                 compressionMethod: compression) { position, size in
                contents.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return archive.data ?? Data()
    }

    /// A torch.save-like archive: `data.pkl`, `byteorder` (unless nil), one record per storage, `version`.
    static func checkpoint(pickle: [UInt8], storages: [(key: String, bytes: [UInt8])] = [],
                           byteOrder: String? = "little", folder: String = "archive",
                           compression: CompressionMethod = .none) throws -> Data {
        var records: [(path: String, contents: [UInt8])] = [("\(folder)/data.pkl", pickle)]
        if let byteOrder { records.append(("\(folder)/byteorder", Array(byteOrder.utf8))) }
        for storage in storages { records.append(("\(folder)/data/\(storage.key)", storage.bytes)) }
        records.append(("\(folder)/version", Array("3\n".utf8)))
        return try zip(records, compression: compression)
    }

    /// `values` as float32 little-endian bytes.
    static func float32(_ values: [Float]) -> [UInt8] {
        values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
    }
}
