import Foundation
@testable import Datasets

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    /// The directory's path.
    let path: String

    /// Creates a uniquely named empty directory.
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("DatasetsTests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` (which may contain sub-directories) and returns the full path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Deletes the directory and everything in it.
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Builders of IDX and gzip bytes, written independently of the code under test.
enum Fixture {
    /// An IDX file: big-endian magic, big-endian sizes, then `data`.
    static func idx(magic: UInt32, dimensions: [UInt32], data: [UInt8]) -> [UInt8] {
        ([magic] + dimensions).flatMap(bigEndian) + data
    }

    /// An unsigned-byte images file of `count` images of `rows` × `cols` from `pixels`.
    static func images(count: Int, rows: Int = 28, cols: Int = 28, pixels: [UInt8]? = nil) -> [UInt8] {
        let data = pixels ?? (0..<count * rows * cols).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        return idx(magic: 0x0000_0803, dimensions: [UInt32(count), UInt32(rows), UInt32(cols)], data: data)
    }

    /// An unsigned-byte labels file.
    static func labels(_ labels: [UInt8]) -> [UInt8] {
        idx(magic: 0x0000_0801, dimensions: [UInt32(labels.count)], data: labels)
    }

    /// A gzip file of `bytes` in `members` concatenated members, each using uncompressed (stored) deflate blocks.
    static func gzipStored(_ bytes: [UInt8], members: Int = 1) -> [UInt8] {
        let size = (bytes.count + members - 1) / max(members, 1)
        var output = [UInt8]()
        for member in 0..<members {
            let start = min(member * size, bytes.count)
            let part = Array(bytes[start..<min(start + size, bytes.count)])
            // Header: magic, deflate, no flags, mtime 0, no extra flags, OS unknown.
            output += [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]
            var offset = 0
            repeat {
                let length = min(65_535, part.count - offset)
                let final = offset + length == part.count
                output.append(final ? 0x01 : 0x00)  // BFINAL, BTYPE 00 (stored), padding to the byte
                output += littleEndian16(UInt16(length)) + littleEndian16(~UInt16(length))
                output += part[offset..<offset + length]
                offset += length
            } while offset < part.count
            output += littleEndian32(crc32(part)) + littleEndian32(UInt32(truncatingIfNeeded: part.count))
        }
        return output
    }

    /// The CRC-32 (IEEE, reflected polynomial 0xEDB88320) gzip stores in its trailer.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// The bytes of one embedded sample file.
    static func sampleFile(_ name: String) throws -> [UInt8] {
        let path = try DatasetSource.sampleDirectory() + "/" + name
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func littleEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    private static func littleEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}

/// The error `body` throws, if it is of type `E`.
func caughtError<E: Error, T>(_ type: E.Type, _ body: () throws -> T) -> E? {
    do {
        _ = try body()
        return nil
    } catch let error as E {
        return error
    } catch {
        return nil
    }
}
