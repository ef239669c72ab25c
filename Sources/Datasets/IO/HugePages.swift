#if canImport(Glibc)
import Glibc
#endif

/// Asks Linux to back a large buffer with 2 MiB pages before it is first written.
///
/// A whole-split tensor is hundreds of MB; with 4 KiB pages, first-touch page faults cost more
/// than the conversion itself. Transparent huge pages are in "madvise" mode on Debian, so ask.
enum HugePages {
    /// The huge-page size on x86-64 and arm64 Linux.
    private static let size = 2 << 20

    /// Advises the kernel for the whole 2 MiB-aligned pages inside `buffer`; a no-op elsewhere or on failure.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count >= 2 * size else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }
}
