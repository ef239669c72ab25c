import Foundation

/// The records of a torch.save zip archive, all inside one top folder (`archive/data.pkl`, …).
///
/// `ZipArchive` lists the zip through zlib's minizip; this type checks the layout and reads records
/// with size limits, byte counts and CRC-32 checked. (ZIPFoundation, which writes our checkpoints,
/// is not used for reading: its in-memory archives trap on offsets past the end of the data and
/// leak when the end record is missing.)
struct CheckpointArchive {
    /// The top folder every entry lies in, e.g. `archive` or the saved file's stem.
    let folder: String
    private let archive: ZipArchive
    private let entries: [String: ZipEntry]
    private let file: String

    /// The largest `data.pkl` read (a state dict's pickle takes about 150 bytes per tensor).
    static let pickleLimit: UInt64 = 64 << 20
    /// The largest storage record read (4 GiB of float32 is a billion parameters).
    static let storageLimit: UInt64 = 4 << 30

    /// Opens the zip archive in `data`; `file` labels errors.
    init(_ data: Data, file: String) throws(ModelFileError) {
        self.file = file
        guard !data.isEmpty else { throw ModelFileError(file: file, problem: .emptyFile) }
        if data.starts(with: Self.legacyMagic) {
            throw ModelFileError(file: file, problem: .legacyCheckpoint)
        }
        do {
            archive = try ZipArchive(data)
        } catch {
            throw ModelFileError(file: file, problem: .notZipArchive(reason: error.reason))
        }

        var entries: [String: ZipEntry] = [:]
        var folder: String?
        for entry in archive.entries {
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
        do {
            return try archive.contents(of: entry, limit: limit)
        } catch {
            throw ModelFileError(file: file, problem: .damagedRecord(name: path, reason: error.reason))
        }
    }

    /// The start of a legacy (pre-zip) torch.save file: pickle protocol 2, LONG1 of the magic number.
    private static let legacyMagic: [UInt8] = [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]
}
