import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the report folder atomically: builds `.<name>.tmp-XXXXXX` beside the target, then swaps it in
/// (old → `.<name>.old-XXXXXX`, new → target, old deleted). On any failure the previous folder is left as it
/// was and no temporary folder remains; nothing is written outside the target folder and its temporaries.
public struct AtomicFolderWriter {
    /// The folder to create or replace.
    public let target: URL
    /// Called after the new folder is complete and before the swap (tests use it to fail at that point).
    var beforeSwap: (URL) throws -> Void = { _ in }

    /// A writer for `target` (made absolute against the working directory).
    public init(target: URL) {
        self.target = target.standardizedFileURL
    }

    /// Checks, without writing anything, that the target can be created or replaced (run before the experiments,
    /// so that a bad `--output` fails at once); returns the hidden files of an existing target to carry over.
    @discardableResult
    public func preflight() throws -> [String] {
        let keptHiddenFiles = try checkTarget()
        let parent = target.deletingLastPathComponent()
        var parentIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &parentIsDirectory), parentIsDirectory.boolValue else {
            throw ReportError.outputParentMissing(path: parent.path)
        }
        return keptHiddenFiles
    }

    /// Writes `files` (plus the old folder's hidden files, such as `.gitkeep`) and swaps the result in.
    public func write(_ files: [OutputFile]) throws {
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let keptHiddenFiles = try preflight()
        let staging = try makeTemporaryFolder(in: parent, prefix: ".\(name).tmp-")
        do {
            // mkdtemp makes the folder 0700; the report gets an ordinary folder's mode (0777 less the umask).
            guard chmod(staging.path, 0o777 & ~AtomicFolderWriter.umaskValue) == 0 else {
                throw ReportError.cannotCreateOutput(path: staging.path, reason: describeErrno(errno))
            }
            for file in files { try write(file, into: staging) }
            for hidden in keptHiddenFiles {
                let data = try readFile(target.appendingPathComponent(hidden))
                try write(OutputFile(path: hidden, data: data), into: staging)
            }
            try beforeSwap(staging)
            try swap(staging, into: target, parent: parent, name: name)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// The process's umask (read by setting and restoring it once).
    private static let umaskValue: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    // MARK: - Steps

    /// Checks what is at the target; returns the hidden files at its top level to carry over.
    private func checkTarget() throws -> [String] {
        var status = stat()
        guard lstat(target.path, &status) == 0 else {
            guard errno == ENOENT else { throw ReportError.cannotCreateOutput(path: target.path, reason: describeErrno(errno)) }
            return []
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw ReportError.outputIsNotAFolder(path: target.path) }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        } catch {
            throw ReportError.cannotCreateOutput(path: target.path, reason: oneLineDescription(of: error))
        }
        let hidden = entries.filter { $0.hasPrefix(".") }
        // Replace only an earlier report, or a folder holding nothing but hidden files (like output/.gitkeep).
        guard entries.contains("report.json") || hidden.count == entries.count else {
            throw ReportError.outputNotAReport(path: target.path)
        }
        return hidden.filter { entry in
            var entryStatus = stat()
            return lstat(target.appendingPathComponent(entry).path, &entryStatus) == 0 && entryStatus.st_mode & S_IFMT == S_IFREG
        }
    }

    /// `mkdtemp` in `parent`: a new, empty folder only this process uses.
    private func makeTemporaryFolder(in parent: URL, prefix: String) throws -> URL {
        var template = Array(parent.appendingPathComponent(prefix + "XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }  // the template, filled in
        }
        guard let made else {
            throw ReportError.cannotCreateOutput(path: parent.path, reason: describeErrno(errno))
        }
        return URL(fileURLWithPath: made, isDirectory: true)
    }

    /// Writes one file inside `folder`, creating intermediate folders.
    private func write(_ file: OutputFile, into folder: URL) throws {
        guard let components = file.safeComponents else {
            throw ReportError.invalidContent("output path '\(file.path)' would leave the output folder")
        }
        var url = folder
        for component in components.dropLast() {
            url.appendPathComponent(component, isDirectory: true)
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                guard mkdir(url.path, 0o755) == 0 else { throw ReportError.writeFailed(path: url.path, reason: describeErrno(errno)) }
            } else if !isDirectory.boolValue {
                throw ReportError.writeFailed(path: url.path, reason: "a file is in the way of a folder")
            }
        }
        url.appendPathComponent(components[components.count - 1])
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ReportError.writeFailed(path: url.path, reason: describeErrno(errno)) }
        defer { close(descriptor) }
        try file.data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ReportError.writeFailed(path: url.path, reason: describeErrno(errno))
                }
                offset += written
            }
        }
    }

    /// Reads a file of the old folder.
    private func readFile(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw ReportError.unreadableFile(path: url.path, reason: oneLineDescription(of: error))
        }
    }

    /// Swaps the staging folder in: old → backup, staging → target, backup removed; restores on failure.
    private func swap(_ staging: URL, into target: URL, parent: URL, name: String) throws {
        guard FileManager.default.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else {
                throw ReportError.cannotCreateOutput(path: target.path, reason: describeErrno(errno))
            }
            return
        }
        // rename(2) onto an empty folder replaces it, so mkdtemp reserves a unique backup name.
        let backup = try makeTemporaryFolder(in: parent, prefix: ".\(name).old-")
        guard rename(target.path, backup.path) == 0 else {
            let reason = describeErrno(errno)
            rmdir(backup.path)
            throw ReportError.cannotCreateOutput(path: target.path, reason: "cannot move the previous report aside: \(reason)")
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = describeErrno(errno)
            rename(backup.path, target.path)  // put the previous report back
            throw ReportError.cannotCreateOutput(path: target.path, reason: reason)
        }
        try? FileManager.default.removeItem(at: backup)
    }
}

/// write(2), named apart from the writer's own `write` methods.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
