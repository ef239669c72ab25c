/// The one-sentence text of each problem, after the file name.
extension ModelFileError.Problem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unsupportedExtension(let ext) where ext.isEmpty:
            return "has no extension to name its format (expected .pth, .pt or .safetensors)"
        case .unsupportedExtension(let ext):
            return "extension '.\(ext)' names no state-dict format (expected .pth, .pt or .safetensors)"
        case .emptyFile:
            return "file is empty"
        case .unreadable(let reason):
            return "cannot be read: \(reason)"
        case .unwritable(let reason):
            return "cannot be written: \(reason)"
        case .reservedKey(let key):
            return "key '\(key)' is reserved by the format and cannot name a tensor"

        case .fileTooShort(let size):
            return "\(size) bytes is too short for the 8-byte safetensors header length"
        case .headerLengthBeyondFile(let length, let size):
            return "header length \(length) runs past the end of the file (\(size) bytes, of which 8 are the length)"
        case .headerTooLarge(let length, let limit):
            return "header length \(length) exceeds the limit of \(limit) bytes"
        case .headerNotUTF8(let offset):
            return "header is not valid UTF-8 (byte at file offset \(offset))"
        case .headerNotJSON(let reason):
            return "header is not valid JSON: \(reason)"
        case .headerNotObject:
            return "header is JSON but not an object"
        case .duplicateHeaderKey(let key, let within):
            return within.map { "header entry '\($0)' has field '\(key)' twice" } ?? "header names '\(key)' twice"
        case .invalidTensorEntry(let key, let reason):
            return "tensor '\(key)': \(reason)"
        case .unsupportedDType(let key, let dtype):
            return "tensor '\(key)' has unsupported dtype '\(dtype)' (only F32, F16, BF16 and F64 are read)"
        case .byteCountMismatch(let key, let shape, let dtype, let expected, let actual):
            return "tensor '\(key)': shape \(shape) of \(dtype) needs \(expected) bytes but its data_offsets span \(actual)"
        case .offsetsBeyondData(let key, let end, let size):
            return "tensor '\(key)': data_offsets end \(end) lies past the \(size) bytes of data"
        case .overlappingTensors(let key, let other, let offset):
            return "tensors '\(other)' and '\(key)' overlap at data offset \(offset)"
        case .holeInData(let offset, let length):
            return "\(length) bytes at data offset \(offset) belong to no tensor"
        case .trailingBytes(let offset, let length):
            return "\(length) bytes after the last tensor (data offset \(offset)) belong to no tensor"
        case .invalidMetadata(let reason):
            return "__metadata__ \(reason)"

        case .notZipArchive(let reason):
            return "not a zip archive (\(reason)); torch.save writes zip archives since PyTorch 1.6"
        case .legacyCheckpoint:
            return "legacy torch.save format (before PyTorch 1.6); re-save it with a current PyTorch"
        case .damagedRecord(let name, let reason):
            return "record '\(name)' is damaged: \(reason)"
        case .badArchiveLayout(let reason):
            return "not a torch.save archive: \(reason)"
        case .missingRecord(let name):
            return "record '\(name)' is missing"
        case .recordTooLarge(let name, let size, let limit):
            return "record '\(name)' is \(size) bytes, more than the limit of \(limit)"
        case .unsupportedByteOrder(let order):
            return "byte order '\(order)' is not supported (only little-endian checkpoints are read)"
        case .refusedGlobal(let name, _):
            return "refuses global '\(name)' (only state dicts of tensors are read)"
        case .unsupportedOpcode(let code, let offset):
            return "data.pkl: unsupported pickle opcode \(Self.hex(code))\(Self.printable(code)) at offset \(offset)"
        case .truncatedPickle(let offset):
            return "data.pkl: ends at offset \(offset) before its STOP opcode"
        case .malformedPickle(let reason, let offset):
            return "data.pkl: \(reason) at offset \(offset)"
        case .notAStateDict(let reason):
            return "holds no state dict: \(reason)"
        case .unsupportedStorage(let key, let type):
            return "tensor '\(key)' is stored as \(type) (only Float, Half, BFloat16 and Double storages are read)"
        case .storageSizeMismatch(let record, let declared, let actual):
            return "record '\(record)' holds \(actual) bytes but its storage declares \(declared)"
        case .conflictingStorage(let record, let reason):
            return "record '\(record)': \(reason)"
        case .tensorOutsideStorage(let key, let reason):
            return "tensor '\(key)' reaches outside its storage: \(reason)"
        case .invalidTensor(let key, let reason):
            return "tensor '\(key)': \(reason)"
        }
    }

    /// `0x63` for an opcode byte.
    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    /// ` ('c')` for a printable ASCII opcode, nothing otherwise.
    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? " ('\(Character(Unicode.Scalar(byte)))')" : ""
    }
}
