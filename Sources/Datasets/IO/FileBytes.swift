import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole contents of one file (or of bytes given in memory), held in memory the instance owns (stable address for zlib).
final class FileBytes {
    /// The path the bytes were read from.
    let path: String
    /// The file's bytes; valid for the lifetime of the instance.
    let bytes: UnsafeMutableRawBufferPointer

    /// Reads the file at `path`, refusing directories and files larger than `limit` bytes.
    init(path: String, limit: Int) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw IDXError.fileNotFound(path: path) }
            throw IDXError.unreadable(path: path, reason: Self.describe(errno: code))
        }
        defer { close(descriptor) }

        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw IDXError.unreadable(path: path, reason: Self.describe(errno: errno))
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw IDXError.unreadable(path: path, reason: "is a directory")
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            throw IDXError.fileTooLarge(file: Self.fileName(of: path), bytes: size, limit: limit)
        }

        // One extra byte so a file that grew since fstat is noticed rather than silently cut.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1) + 1, alignment: 16)
        var filled = 0
        while filled < buffer.count {
            let got = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if got < 0 {
                if errno == EINTR { continue }
                let reason = Self.describe(errno: errno)
                buffer.deallocate()
                throw IDXError.unreadable(path: path, reason: reason)
            }
            if got == 0 { break }
            filled += got
        }
        guard filled <= limit else {
            buffer.deallocate()
            throw IDXError.fileTooLarge(file: Self.fileName(of: path), bytes: filled, limit: limit)
        }
        self.bytes = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<filled])
        self.allocation = buffer
    }

    /// Copies `data`, bytes held in memory, under the name `path` (which labels errors); refuses more than `limit` bytes.
    init(copying data: Data, path: String, limit: Int) throws {
        guard data.count <= limit else {
            throw IDXError.fileTooLarge(file: Self.fileName(of: path), bytes: data.count, limit: limit)
        }
        self.path = path
        // At least one byte, so the buffer has an address even for empty data (zlib needs one).
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
        data.withUnsafeBytes { buffer.copyMemory(from: $0) }
        self.bytes = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<data.count])
        self.allocation = buffer
    }

    deinit { allocation.deallocate() }

    /// The last path component, used to name the file in error messages.
    var name: String { Self.fileName(of: path) }

    // MARK: - Helpers

    /// The allocation `bytes` lives in (it may be one byte longer).
    private let allocation: UnsafeMutableRawBufferPointer

    /// The last component of `path` ("a/b/c.gz" → "c.gz").
    static func fileName(of path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? trimmed
    }

    /// The C library's text for an errno value ("No such file or directory").
    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
