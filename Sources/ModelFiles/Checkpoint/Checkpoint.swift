import Foundation

/// Reading and writing torch.save checkpoints (the zip format of PyTorch 1.6 and later) of state dicts.
///
/// Reading never executes the pickle: a restricted interpreter accepts only what a state dict
/// of tensors needs and refuses every other global.
public enum Checkpoint {
    /// Reads the state dict saved at `url` with `torch.save(model.state_dict(), url)`, as float32.
    public static func read(from url: URL) throws(ModelFileError) -> StateDict {
        try decode(FileAccess.read(url), fileName: url.lastPathComponent)
    }

    /// Decodes checkpoint bytes; `fileName` labels errors.
    public static func decode(_ data: Data, fileName: String = "<memory>") throws(ModelFileError) -> StateDict {
        try CheckpointDecoder(file: fileName).decode(data)
    }

    /// Writes `stateDict` as a float32 checkpoint to `url`, replacing it atomically.
    ///
    /// The archive's top folder is named after the file's stem, as torch.save names it.
    public static func write(_ stateDict: StateDict, to url: URL) throws(ModelFileError) {
        let folder = CheckpointEncoder.folderName(forStem: url.deletingPathExtension().lastPathComponent)
        let data = try encode(stateDict, archiveName: folder, fileName: url.lastPathComponent)
        try FileAccess.write(data, to: url)
    }

    /// The checkpoint bytes of `stateDict` as float32 with top folder `archiveName`.
    public static func encode(_ stateDict: StateDict, archiveName: String = "archive",
                              fileName: String = "<memory>") throws(ModelFileError) -> Data {
        try CheckpointEncoder.encode(stateDict, folder: CheckpointEncoder.folderName(forStem: archiveName), file: fileName)
    }
}
