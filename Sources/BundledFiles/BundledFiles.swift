import Foundation

/// The one way nnreport finds the files it ships — the MNIST sample (Datasets), the fonts (CairoBackend) and the
/// report's templates (Report): in the owning target's SwiftPM resource bundle, `nnreport_<Target>.resources`,
/// in the folder of the running executable.
///
/// SwiftPM copies each bundle beside every executable and test runner it builds, and `make install` copies
/// them beside the installed binary (`PREFIX/lib/nnreport/`). The executable's folder is found from its
/// resolved path, so a symbolic link to the binary (`PREFIX/bin/nnreport`) finds them too. SwiftPM's
/// generated `Bundle.module` is not used: it stops the process when its bundle is missing, and it falls back
/// to the build folder, which a clone deleted after installing takes with it.
public enum BundledFiles {
    /// The file or folder at `path` inside `target`'s resource bundle; throws `BundledFileMissing` naming the
    /// path looked for when it is not there.
    public static func url(_ path: String, inBundleOf target: String) throws -> URL {
        let url = bundle(of: target).appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { throw BundledFileMissing(path: url.path) }
        return url
    }

    /// Where `target`'s resource bundle belongs: beside the running executable.
    public static func bundle(of target: String) -> URL {
        executableFolder.appendingPathComponent("nnreport_\(target).resources", isDirectory: true)
    }

    /// The folder of the running executable (or test runner), symbolic links resolved.
    static var executableFolder: URL {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

/// A file nnreport ships is not where it belongs: the resource bundles did not travel with the executable.
public struct BundledFileMissing: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The path looked for.
    public let path: String

    /// One line naming the path and the fix.
    public var description: String {
        "'\(path)' is missing: nnreport's resource bundles (nnreport_*.resources) must sit beside its executable; install it with 'make install'"
    }

    /// The same line, for `localizedDescription`.
    public var errorDescription: String? { description }
}
