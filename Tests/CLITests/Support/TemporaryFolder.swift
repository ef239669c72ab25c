import Foundation

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init(_ label: String = "nnreport-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Every path inside the folder, relative, sorted (folders end in `/`).
    func listing() throws -> [String] {
        try TemporaryFolder.listing(of: url)
    }

    /// The entries directly inside the folder (folders end in `/`).
    func topLevel() throws -> [String] {
        try listing().filter { !$0.dropLast().contains("/") }
    }

    static func listing(of url: URL) throws -> [String] {
        let base = url.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var paths: [String] = []
        for case let item as URL in enumerator {
            let isDirectory = (try? item.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            paths.append(String(item.standardizedFileURL.path.dropFirst(base.count)) + (isDirectory ? "/" : ""))
        }
        return paths.sorted()
    }

    /// Every file's bytes, by relative path.
    static func contents(of url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try listing(of: url) where !path.hasSuffix("/") {
            result[path] = try Data(contentsOf: url.appendingPathComponent(path))
        }
        return result
    }
}
