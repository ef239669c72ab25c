import Foundation

/// The on-disk formats of a state dict, chosen from a file's extension.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// `torch.save(model.state_dict(), "model.pth")`: a zip archive holding a pickle and raw storages.
    case checkpoint
    /// Hugging Face safetensors: a JSON header and raw little-endian tensor data.
    case safetensors

    /// The format named by `url`'s extension: `.pth` or `.pt` for checkpoints, `.safetensors`.
    public init(url: URL) throws(ModelFileError) {
        switch url.pathExtension.lowercased() {
        case "pth", "pt": self = .checkpoint
        case "safetensors": self = .safetensors
        default:
            throw ModelFileError(file: url.lastPathComponent, problem: .unsupportedExtension(url.pathExtension))
        }
    }
}
