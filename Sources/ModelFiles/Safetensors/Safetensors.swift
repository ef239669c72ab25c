import Foundation

/// Reading and writing the safetensors format: `[u64 header length][JSON header][raw data]`.
public enum Safetensors {
    /// The largest header this library parses (the reference implementation caps it at 100 MB too).
    public static let headerLengthLimit = 100_000_000

    /// Reads the safetensors file at `url`, converting every tensor to float32.
    public static func read(from url: URL) throws(ModelFileError) -> SafetensorsFile {
        try decode(FileAccess.read(url), fileName: url.lastPathComponent)
    }

    /// Decodes safetensors bytes; `fileName` labels errors.
    public static func decode(_ data: Data, fileName: String = "<memory>") throws(ModelFileError) -> SafetensorsFile {
        try SafetensorsDecoder(fileName: fileName).decode(data)
    }

    /// Writes `stateDict` as float32 safetensors to `url`, replacing it atomically.
    public static func write(_ stateDict: StateDict, metadata: [String: String] = [:],
                             to url: URL) throws(ModelFileError) {
        let data = try encode(stateDict, metadata: metadata, fileName: url.lastPathComponent)
        try FileAccess.write(data, to: url)
    }

    /// The safetensors bytes of `stateDict` as float32, laid out as the reference writer does:
    /// tensors sorted by name, header padded with spaces to a multiple of 8 bytes.
    public static func encode(_ stateDict: StateDict, metadata: [String: String] = [:],
                              fileName: String = "<memory>") throws(ModelFileError) -> Data {
        guard !stateDict.keys.contains(SafetensorsHeader.metadataKey) else {
            throw ModelFileError(file: fileName, problem: .reservedKey(SafetensorsHeader.metadataKey))
        }
        return SafetensorsEncoder.encode(stateDict, metadata: metadata)
    }
}

/// The contents of a safetensors file: its tensors as float32, and what the file recorded besides.
public struct SafetensorsFile: Sendable, Equatable {
    /// The tensors, in the order of their data in the file.
    public var stateDict: StateDict
    /// The `__metadata__` strings, e.g. `["format": "pt"]`.
    public var metadata: [String: String]
    /// The element type each tensor was stored as before conversion to float32.
    public var storedTypes: [String: ElementType]
}
