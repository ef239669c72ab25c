import Foundation

/// Reading and writing a state dict in the format its file extension names.
extension StateDict {
    /// Reads `url` as a checkpoint (`.pth`, `.pt`) or safetensors file (`.safetensors`), as float32.
    public init(contentsOf url: URL) throws(ModelFileError) {
        switch try ModelFileFormat(url: url) {
        case .checkpoint: self = try Checkpoint.read(from: url)
        case .safetensors: self = try Safetensors.read(from: url).stateDict
        }
    }

    /// Writes the tensors as float32 to `url` in the format its extension names, replacing it atomically.
    public func write(to url: URL) throws(ModelFileError) {
        switch try ModelFileFormat(url: url) {
        case .checkpoint: try Checkpoint.write(self, to: url)
        case .safetensors: try Safetensors.write(self, to: url)
        }
    }
}
