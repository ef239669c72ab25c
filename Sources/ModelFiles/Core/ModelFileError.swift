/// Why a state-dict file could not be read or written, with the file's name and the place in it.
///
/// `description` reads as one sentence naming the file first, e.g.
/// `checkpoint.pth: refuses global 'os.system' (only state dicts of tensors are read)`.
public struct ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's last path component (or a label for bytes in memory).
    public var file: String
    /// What is wrong, with the key, record or offset it concerns.
    public var problem: Problem

    /// An error about `file`.
    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    /// One line: control characters and line separators that keys and names from the file carry
    /// are shown escaped (`\n`, `\u{1B}`), so untrusted text can neither break nor forge lines.
    public var description: String { Self.oneLine("\(file): \(problem)") }

    /// `text` with every control character (Unicode category Cc) and line or paragraph separator escaped.
    static func oneLine(_ text: String) -> String {
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator:
                line += scalar.escaped(asASCII: true)
            default:
                line.unicodeScalars.append(scalar)
            }
        }
        return line
    }
}

extension ModelFileError {
    /// What is wrong with a state-dict file.
    public enum Problem: Equatable, Sendable {
        // MARK: - Any file

        /// The extension names no format this library reads or writes.
        case unsupportedExtension(String)
        /// The file holds no bytes at all.
        case emptyFile
        /// The operating system could not read the file.
        case unreadable(reason: String)
        /// The operating system could not write the file.
        case unwritable(reason: String)
        /// A key cannot be stored in the format (e.g. safetensors reserves `__metadata__`).
        case reservedKey(String)

        // MARK: - safetensors

        /// Shorter than the 8-byte header length that starts every safetensors file.
        case fileTooShort(size: Int)
        /// The header length points past the end of the file.
        case headerLengthBeyondFile(headerLength: UInt64, fileSize: Int)
        /// The header length exceeds the sanity cap.
        case headerTooLarge(headerLength: UInt64, limit: Int)
        /// The header is not UTF-8; `offset` is the first bad byte, counted from the file's start.
        case headerNotUTF8(offset: Int)
        /// The header is not JSON.
        case headerNotJSON(reason: String)
        /// The header is JSON but not an object.
        case headerNotObject
        /// A name occurs twice in one JSON object of the header (`within` names the enclosing entry).
        case duplicateHeaderKey(String, within: String?)
        /// A tensor entry lacks a field, has an extra one or a field of the wrong kind.
        case invalidTensorEntry(key: String, reason: String)
        /// A tensor's dtype is not one of F32, F16, BF16, F64.
        case unsupportedDType(key: String, dtype: String)
        /// The shape's element count times the dtype size differs from the byte range.
        case byteCountMismatch(key: String, shape: [Int], dtype: String, expected: Int, actual: Int)
        /// A tensor's byte range ends past the data section.
        case offsetsBeyondData(key: String, end: Int, dataSize: Int)
        /// Two tensors' byte ranges overlap; `offset` is where the second one starts.
        case overlappingTensors(key: String, other: String, offset: Int)
        /// Bytes of the data section that belong to no tensor, before the last tensor's end.
        case holeInData(offset: Int, length: Int)
        /// Bytes of the data section after the last tensor.
        case trailingBytes(offset: Int, length: Int)
        /// `__metadata__` is not an object of strings.
        case invalidMetadata(reason: String)

        // MARK: - torch.save checkpoints

        /// Not a zip archive at all (or one too damaged to list).
        case notZipArchive(reason: String)
        /// A torch.save file from before PyTorch 1.6: a bare pickle, not a zip archive.
        case legacyCheckpoint
        /// A zip entry whose bytes cannot be extracted or fail their checksum.
        case damagedRecord(name: String, reason: String)
        /// The archive's entries do not sit in one top folder.
        case badArchiveLayout(reason: String)
        /// A record the checkpoint needs is missing, e.g. `archive/data.pkl` or `archive/data/3`.
        case missingRecord(String)
        /// A record is larger than this library reads.
        case recordTooLarge(name: String, size: UInt64, limit: UInt64)
        /// The `byteorder` record says big-endian (or something unknown).
        case unsupportedByteOrder(String)
        /// `data.pkl` asks for a global outside the allow-list.
        case refusedGlobal(String, offset: Int)
        /// `data.pkl` uses an opcode the restricted unpickler does not implement.
        case unsupportedOpcode(UInt8, offset: Int)
        /// `data.pkl` ends inside an opcode or before STOP.
        case truncatedPickle(offset: Int)
        /// `data.pkl` is not a well-formed pickle of a state dict (bad operand, stack, memo, limit).
        case malformedPickle(reason: String, offset: Int)
        /// The pickle is well formed but does not hold a flat mapping of names to tensors.
        case notAStateDict(reason: String)
        /// A tensor is stored as an element type this library does not convert (e.g. `torch.LongStorage`).
        case unsupportedStorage(key: String, storageType: String)
        /// A storage record's byte count differs from the element count its references declare.
        case storageSizeMismatch(record: String, declaredBytes: Int, actualBytes: Int)
        /// Two tensors declare one storage with different element types or counts.
        case conflictingStorage(record: String, reason: String)
        /// A tensor's size, stride and offset reach outside its storage.
        case tensorOutsideStorage(key: String, reason: String)
        /// A tensor's size or stride is malformed (negative, mismatched ranks, overflowing).
        case invalidTensor(key: String, reason: String)
    }
}
