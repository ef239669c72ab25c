/// The state dict a report's models were loaded from (`--weights`), as the reproducibility block lists it.
public struct WeightsFileRecord: Codable, Equatable, Sendable {
    /// File name, e.g. `model.pth`.
    public var name: String
    /// Size on disk in bytes.
    public var bytes: Int
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The naming scheme its keys follow: `indexed`, `named` or `reluNet`.
    public var keys: String

    /// A record of a weights file.
    public init(name: String, bytes: Int, sha256: String, keys: String) {
        self.name = name
        self.bytes = bytes
        self.sha256 = sha256
        self.keys = keys
    }
}
