import CMinizip
import Foundation

/// A read-only file over bytes in memory, handed to minizip as its I/O functions (no temporary file).
///
/// Seeks past the end and reads that run past it fail; the first such failure since `clearFailure()`
/// is kept as a phrase, because minizip itself only reports that its I/O failed.
final class ZipMemoryFile {
    /// The archive's bytes.
    let data: Data
    /// Where the next read starts.
    private var position: UInt64 = 0
    /// The first out-of-range seek or read since the last `clearFailure()`, e.g. `a seek to offset 900`.
    private(set) var failure: String?

    /// A file over `data`, positioned at its start.
    init(_ data: Data) { self.data = data }

    /// Forgets the last I/O failure, before a minizip call whose failure it should explain.
    func clearFailure() { failure = nil }

    /// minizip's I/O functions over this file; valid while the file is alive.
    func functions() -> zlib_filefunc64_def {
        zlib_filefunc64_def(
            zopen64_file: { opaque, _, _ in opaque },
            zread_file: { opaque, _, buffer, size in
                guard let opaque, let buffer else { return 0 }
                return uLong(ZipMemoryFile.from(opaque).read(into: buffer, count: UInt64(size)))
            },
            zwrite_file: { _, _, _, _ in 0 },
            ztell64_file: { opaque, _ in opaque.map { ZipMemoryFile.from($0).position } ?? 0 },
            zseek64_file: { opaque, _, offset, origin in
                guard let opaque else { return -1 }
                return ZipMemoryFile.from(opaque).seek(offset, origin: origin) ? 0 : -1
            },
            zclose_file: { _, _ in 0 },
            zerror_file: { _, _ in 0 },
            opaque: Unmanaged.passUnretained(self).toOpaque())
    }

    /// The file behind minizip's opaque pointer.
    private static func from(_ opaque: UnsafeMutableRawPointer) -> ZipMemoryFile {
        Unmanaged<ZipMemoryFile>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// Copies up to `count` bytes from the current position; fewer (and a failure noted) past the end.
    private func read(into buffer: UnsafeMutableRawPointer, count: UInt64) -> UInt64 {
        let available = UInt64(data.count) - min(position, UInt64(data.count))
        let length = min(count, available)
        if length < count {
            note("a read of \(count) bytes at offset \(position) runs past the end of the \(data.count)-byte file")
        }
        if length > 0 {
            let start = data.startIndex + Int(position)
            data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), from: start..<(start + Int(length)))
            position += length
        }
        return length
    }

    /// Moves to `offset` from the start, the current position or the end; refuses places past the end.
    private func seek(_ offset: UInt64, origin: Int32) -> Bool {
        let base: UInt64
        switch origin {
        case ZLIB_FILEFUNC_SEEK_SET: base = 0
        case ZLIB_FILEFUNC_SEEK_CUR: base = position
        case ZLIB_FILEFUNC_SEEK_END: base = UInt64(data.count)
        default: return false
        }
        let (target, overflow) = base.addingReportingOverflow(offset)
        guard !overflow, target <= UInt64(data.count) else {
            note("a seek to offset \(overflow ? "past 2^64" : String(target)) lies past the end of the \(data.count)-byte file")
            return false
        }
        position = target
        return true
    }

    /// Keeps `phrase` unless a failure is already kept.
    private func note(_ phrase: String) {
        if failure == nil { failure = phrase }
    }
}
