import Foundation

/// Whole-file reads and atomic writes that report failures as `ModelFileError`.
enum FileAccess {
    /// The bytes of `url` (memory-mapped when the system allows).
    static func read(_ url: URL) throws(ModelFileError) -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ModelFileError(file: url.lastPathComponent, problem: .unreadable(reason: reason(error, reading: url)))
        }
    }

    /// Replaces `url` with `data`, through a temporary file so readers never see half a file.
    static func write(_ data: Data, to url: URL) throws(ModelFileError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            let folder = url.deletingLastPathComponent().path
            let reason = access(folder, W_OK) != 0
                ? "folder \(folder): \(String(cString: strerror(errno)))" : reason(error, reading: nil)
            throw ModelFileError(file: url.lastPathComponent, problem: .unwritable(reason: reason))
        }
    }

    /// The system's words for a failure: Foundation's text on Linux is generic, so a failed read
    /// is retried with `open(2)`, whose errno names the cause ("No such file or directory").
    private static func reason(_ error: Error, reading url: URL?) -> String {
        if let url {
            let descriptor = open(url.path, O_RDONLY)
            if descriptor < 0 { return String(cString: strerror(errno)) }
            close(descriptor)
        }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
