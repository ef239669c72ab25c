import Foundation

// MARK: - Digests of memory the caller already holds

extension SHA256 {
    /// The digest of the bytes in `buffer` as 64 lower-case hex digits (no copy).
    public static func hexDigest(of buffer: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        hasher.update(buffer)
        return hex(hasher.finalize())
    }

    /// The digest of `data` as 64 lower-case hex digits (no copy).
    public static func hexDigest(of data: Data) -> String {
        data.withUnsafeBytes { hexDigest(of: $0) }
    }
}
