import Foundation

/// Whole-file reads and atomic writes that report failures as `ModelFileError`.
enum FileAccess {
    /// The bytes of `url` (memory-mapped when the system allows).
    static func read(_ url: URL) throws(ModelFileError) -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ModelFileError(file: url.lastPathComponent, problem: .unreadable(reason: reason(error)))
        }
    }

    /// Replaces `url` with `data`, through a temporary file so readers never see half a file.
    static func write(_ data: Data, to url: URL) throws(ModelFileError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ModelFileError(file: url.lastPathComponent, problem: .unwritable(reason: reason(error)))
        }
    }

    /// The system's words for `error`, without Foundation's generic preamble where it has a better one.
    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
