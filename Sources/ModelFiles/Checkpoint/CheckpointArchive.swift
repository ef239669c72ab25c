import Foundation
import ZIPFoundation

/// The records of a torch.save zip archive, all inside one top folder (`archive/data.pkl`, …).
///
/// ZIPFoundation parses the zip; this type checks the layout and reads records with size
/// limits, byte counts and CRC-32 checked.
struct CheckpointArchive {
    /// The top folder every entry lies in, e.g. `archive` or the saved file's stem.
    let folder: String
    private let archive: Archive
    private let entries: [String: Entry]
    private let file: String

    /// The largest `data.pkl` read (a state dict's pickle takes about 150 bytes per tensor).
    static let pickleLimit: UInt64 = 64 << 20

    /// Opens the zip archive in `data`; `file` labels errors.
    init(_ data: Data, file: String) throws(ModelFileError) {
        self.file = file
        guard !data.isEmpty else { throw ModelFileError(file: file, problem: .emptyFile) }
        if data.starts(with: Self.legacyMagic) {
            throw ModelFileError(file: file, problem: .legacyCheckpoint)
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ModelFileError(file: file, problem: .notZipArchive(reason: Self.describe(error)))
        }

        var entries: [String: Entry] = [:]
        var folder: String?
        for entry in archive {
            let path = entry.path
            guard let slash = path.firstIndex(of: "/"), slash != path.startIndex else {
                throw ModelFileError(file: file, problem: .badArchiveLayout(reason: "entry '\(path)' lies outside a top folder"))
            }
            let top = String(path[..<slash])
            if let folder, folder != top {
                throw ModelFileError(file: file, problem: .badArchiveLayout(
                    reason: "entries lie in two top folders, '\(folder)' and '\(top)'"))
            }
            folder = top
            guard entries.updateValue(entry, forKey: path) == nil else {
                throw ModelFileError(file: file, problem: .badArchiveLayout(reason: "entry '\(path)' occurs twice"))
            }
        }
        guard let folder else {
            throw ModelFileError(file: file, problem: .badArchiveLayout(reason: "the archive has no entries"))
        }
        self.folder = folder
        self.entries = entries
    }

    /// Whether the record `name` (relative to the top folder) exists.
    func contains(_ name: String) -> Bool {
        entries["\(folder)/\(name)"] != nil
    }

    /// The declared uncompressed size of record `name`, or nil when it is missing.
    func size(of name: String) -> UInt64? {
        entries["\(folder)/\(name)"]?.uncompressedSize
    }

    /// The bytes of record `name`, at most `limit` of them, checked against the entry's size and CRC-32.
    func read(_ name: String, limit: UInt64) throws(ModelFileError) -> Data {
        let path = "\(folder)/\(name)"
        guard let entry = entries[path] else { throw ModelFileError(file: file, problem: .missingRecord(path)) }
        let declared = entry.uncompressedSize
        guard declared <= limit else {
            throw ModelFileError(file: file, problem: .recordTooLarge(name: path, size: declared, limit: limit))
        }
        var contents = Data()
        contents.reserveCapacity(Int(declared))
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                guard UInt64(contents.count + chunk.count) <= declared else { throw RecordOverrun() }
                contents.append(chunk)
            }
        } catch is RecordOverrun {
            throw damaged(path, "it inflates to more than its declared \(declared) bytes")
        } catch {
            throw damaged(path, Self.describe(error))
        }
        guard UInt64(contents.count) == declared else {
            throw damaged(path, "\(contents.count) of its \(declared) bytes are present")
        }
        guard checksum == entry.checksum else { throw damaged(path, "CRC-32 mismatch") }
        return contents
    }

    private func damaged(_ path: String, _ reason: String) -> ModelFileError {
        ModelFileError(file: file, problem: .damagedRecord(name: path, reason: reason))
    }

    /// Thrown from the extraction consumer when a record yields more bytes than declared.
    private struct RecordOverrun: Error {}

    /// The start of a legacy (pre-zip) torch.save file: pickle protocol 2, LONG1 of the magic number.
    private static let legacyMagic: [UInt8] = [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]

    /// Words for ZIPFoundation's errors.
    private static func describe(_ error: Error) -> String {
        switch error {
        case Archive.ArchiveError.missingEndOfCentralDirectoryRecord:
            "no end-of-central-directory record; the file may be truncated"
        case Archive.ArchiveError.unreadableArchive:
            "the archive cannot be read"
        case Archive.ArchiveError.invalidCentralDirectoryOffset, Archive.ArchiveError.invalidCentralDirectorySize,
             Archive.ArchiveError.invalidCentralDirectoryEntryCount:
            "the central directory is inconsistent; the file may be truncated"
        case Archive.ArchiveError.invalidCompressionMethod:
            "unknown compression method"
        case Archive.ArchiveError.invalidLocalHeaderDataOffset, Archive.ArchiveError.invalidLocalHeaderSize,
             Archive.ArchiveError.invalidEntrySize:
            "the entry's header is inconsistent"
        default:
            "\(error)"
        }
    }
}
