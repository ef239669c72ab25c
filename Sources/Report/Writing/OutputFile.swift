import Foundation

/// A file of the report, by its path relative to the output folder.
public struct OutputFile: Equatable, Sendable {
    /// Path inside the output folder, `/`-separated, e.g. `figures/digit.png`.
    public let path: String
    /// The bytes.
    public let data: Data

    /// A file to write at `path` inside the output folder.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    /// The path's components, or nil if the path could leave the folder (absolute, empty, `.` or `..`).
    var safeComponents: [String]? {
        guard !path.hasPrefix("/") else { return nil }
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return components
    }
}
